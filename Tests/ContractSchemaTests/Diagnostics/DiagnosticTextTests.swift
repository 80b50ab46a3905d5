import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Text quoted in messages stays on one line and cannot carry terminal control sequences.
@Suite struct DiagnosticTextTests {
    @Test func plainTextIsQuotedInBackticksAsIs() {
        #expect(DiagnosticText.code("E[0-9]{3} é 日") == "`E[0-9]{3} é 日`")
    }

    @Test func controlCharactersSeparatorsAndBidiControlsAreEscaped() {
        #expect(DiagnosticText.code("a\u{1B}[31m\nb\t\u{7F}\u{85}\u{2028}\u{2029}\u{202E}c")
                == "`a\\u{1B}[31m\\u{A}b\\u{9}\\u{7F}\\u{85}\\u{2028}\\u{2029}\\u{202E}c`")
    }

    @Test func textLongerThanTheMaximumIsCutWithAnEllipsis() {
        #expect(DiagnosticText.code("abcdef", maxLength: 3) == "`abc…`")
        #expect(DiagnosticText.code("abc", maxLength: 3) == "`abc`")
        #expect(DiagnosticText.code("abc", maxLength: 0) == "`…`")
    }
}
