import ContractRuntime
import Testing

@Suite struct DisplayTextTests {
    /// `\u{XX}` as the escape is written: hexadecimal, upper case, without leading zeros.
    private func escape(_ value: UInt32) -> String { "\\u{" + String(value, radix: 16, uppercase: true) + "}" }

    @Test func everyC0ControlOtherThanNewlineReturnAndTabBecomesAHexEscape() {
        for value in UInt32(0x00)...0x1F where ![0x09, 0x0A, 0x0D].contains(value) {
            let scalar = Unicode.Scalar(value)!
            #expect(DisplayText.escaped("a\(Character(scalar))b") == "a\(escape(value))b", "U+\(value)")
        }
    }

    @Test func newlineReturnAndTabBecomeBackslashLetters() {
        #expect(DisplayText.escaped("a\nb\rc\td") == "a\\nb\\rc\\td")
    }

    @Test func deleteAndEveryC1ControlBecomeHexEscapes() {
        for value in UInt32(0x7F)...0x9F {
            let scalar = Unicode.Scalar(value)!
            #expect(DisplayText.escaped("x\(Character(scalar))") == "x\(escape(value))", "U+\(value)")
        }
    }

    @Test func bidirectionalOverridesAndIsolatesBecomeHexEscapes() {
        for value in Array(UInt32(0x202A)...0x202E) + Array(UInt32(0x2066)...0x2069) {
            let scalar = Unicode.Scalar(value)!
            #expect(DisplayText.escaped("\(Character(scalar))abc") == "\(escape(value))abc", "U+\(value)")
        }
    }

    @Test func terminalSequencesLoseTheirEscapeCharacter() {
        #expect(DisplayText.escaped("\u{1B}[31mred\u{1B}[0m") == "\\u{1B}[31mred\\u{1B}[0m")
        #expect(DisplayText.escaped("\u{1B}]0;title\u{07}") == "\\u{1B}]0;title\\u{7}")
        #expect(DisplayText.escaped("\u{9B}2J") == "\\u{9B}2J")
    }

    @Test func printableTextIncludingChineseEmojiAndBackslashesIsKept() {
        for text in ["plain ASCII ~!@#$%^&*()", "统一执行追踪", "é and e\u{301}", "🚀 launch", "C:\\path\\n", ""] {
            #expect(DisplayText.escaped(text) == text, "\(text)")
        }
    }

    @Test func widthCountsWideCharactersTwiceAndCombiningMarksNotAtAll() {
        #expect(DisplayText.width("abc") == 3)
        #expect(DisplayText.width("中文") == 4)
        #expect(DisplayText.width("技能ref") == 7)
        #expect(DisplayText.width("e\u{301}") == 1)
        #expect(DisplayText.width("ＡＢ") == 4)
        #expect(DisplayText.width("") == 0)
    }

    @Test func paddingFillsUpToTheDisplayWidthAndNeverCuts() {
        #expect(DisplayText.padded("中文", toWidth: 6) == "中文  ")
        #expect(DisplayText.padded("ab", toWidth: 4) == "ab  ")
        #expect(DisplayText.padded("abcdef", toWidth: 4) == "abcdef")
        #expect(DisplayText.padded("ab", toWidth: -1) == "ab")
    }

    @Test func aShellWordIsQuotedOnlyWhenAShellWouldReadItOtherwise() {
        #expect(DisplayText.shellWord("runs.sqlite") == "runs.sqlite")
        #expect(DisplayText.shellWord("/var/lib/app/runs-1.sqlite") == "/var/lib/app/runs-1.sqlite")
        #expect(DisplayText.shellWord("postgres://app:***@db/app") == "'postgres://app:***@db/app'")
        #expect(DisplayText.shellWord("my runs.sqlite") == "'my runs.sqlite'")
        #expect(DisplayText.shellWord("it's.sqlite") == "'it'\\''s.sqlite'")
        #expect(DisplayText.shellWord("$(rm -rf x)") == "'$(rm -rf x)'")
        #expect(DisplayText.shellWord("运行.sqlite") == "'运行.sqlite'")
        #expect(DisplayText.shellWord("") == "''")
    }
}
