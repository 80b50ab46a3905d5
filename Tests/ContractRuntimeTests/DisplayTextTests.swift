import ContractRuntime
import Testing

/// What people see of input: control characters as escapes, everything printable as it is.
@Suite struct DisplayTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("任务状态 é 😀", "任务状态 é 😀"),
        ("\u{1B}[31mred", "\\u{1B}[31mred"),
        ("a\u{0}b", "a\\u{00}b"),
        ("line\nbreak\r\t", "line\\u{0A}break\\u{0D}\\u{09}"),
        ("del\u{7F}", "del\\u{7F}"),
        ("c1\u{80}\u{9B}\u{9F}", "c1\\u{80}\\u{9B}\\u{9F}"),
        ("\u{202E}evil\u{202C}", "\\u{202E}evil\\u{202C}"),
        ("\u{2066}\u{2067}\u{2068}\u{2069}\u{202A}\u{202B}\u{202D}", "\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{202A}\\u{202B}\\u{202D}"),
        ("\u{200E}\u{200F}\u{061C}", "\\u{200E}\\u{200F}\\u{61C}"),
        ("a backslash \\u{1B} stays", "a backslash \\u{1B} stays"),
    ])
    func controlCharactersBecomeEscapesAndTheRestStays(_ text: String, _ shown: String) {
        #expect(DisplayText.escaped(text) == shown)
    }

    @Test func escapedTextHasNoControlCharactersLeft() {
        let every = String(String.UnicodeScalarView((0...0x2100).compactMap(Unicode.Scalar.init)))
        #expect(!DisplayText.escaped(every).unicodeScalars.contains(where: DisplayText.needsEscaping))
    }
}
