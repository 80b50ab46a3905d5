import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// What the supported constructs match: whole codes only, one Unicode scalar at a time, with Swift's
/// meaning of `.`, `\d`, `\w` and `\s`.
@Suite struct CodePatternMatchingTests {
    static func matches(_ pattern: String, _ code: String) throws -> Bool {
        try CodePattern(pattern).matches(code)
    }

    @Test func aCodeMustMatchThePatternWhole() throws {
        #expect(try Self.matches("E[0-9]{3}", "E001"))
        #expect(try !Self.matches("E[0-9]{3}", "E0012"))
        #expect(try !Self.matches("E[0-9]{3}", "xE001"))
        #expect(try !Self.matches("E[0-9]{3}", "E01"))
    }

    @Test(arguments: ["E[0-9]{3}", "^E[0-9]{3}", "E[0-9]{3}$", "^E[0-9]{3}$"])
    func aLeadingCaretAndATrailingDollarChangeNothing(_ pattern: String) throws {
        #expect(try Self.matches(pattern, "E001"))
        #expect(try !Self.matches(pattern, "E001\n"))
        #expect(try !Self.matches(pattern, "\nE001"))
    }

    @Test func anEscapedDollarAtTheEndIsALiteral() throws {
        #expect(try Self.matches(#"E\$"#, "E$"))
        #expect(try !Self.matches(#"E\$"#, "E"))
    }

    @Test(arguments: [("a*", "a*?"), ("a+", "a+?"), ("a?", "a??"), ("a{2,}", "a{2,}?"), ("a{1,3}", "a{1,3}?"), ("a{2}", "a{2}?")])
    func aLazyQuantifierMatchesTheSameCodesAsItsGreedyForm(_ greedy: String, _ lazy: String) throws {
        for count in 0...5 {
            let code = String(repeating: "a", count: count)
            #expect(try Self.matches(greedy, code) == Self.matches(lazy, code), "\(code)")
        }
    }

    @Test(arguments: [("a{2,3}", [2, 3]), ("a{2}", [2]), ("a{2,}", [2, 3, 4, 5]), ("a{0}", [0]), ("a{0,1}", [0, 1]),
                      ("a*", [0, 1, 2, 3, 4, 5]), ("a+", [1, 2, 3, 4, 5]), ("a?", [0, 1]), ("(?:aa){1,2}", [2, 4])])
    func aQuantifierMatchesExactlyItsCounts(_ pattern: String, _ counts: [Int]) throws {
        for count in 0...5 {
            #expect(try Self.matches(pattern, String(repeating: "a", count: count)) == counts.contains(count), "\(count)")
        }
    }

    @Test func emptyGroupsAndAlternativesMatchTheEmptyCode() throws {
        for pattern in ["()", "(?:)", "a|", "|a", "(|)", "()*", "(a*)*", "^", "$", "^$"] {
            #expect(try Self.matches(pattern, ""), "\(pattern)")
        }
        #expect(try Self.matches("a|", "a"))
        #expect(try !Self.matches("()", "a"))
    }

    @Test func alternationBindsLooserThanConcatenation() throws {
        #expect(try Self.matches("ab|cd", "cd"))
        #expect(try !Self.matches("ab|cd", "abd"))
        #expect(try Self.matches("a(b|c)d", "acd"))
        #expect(try Self.matches("^ab|cd$", "ab"))
    }

    @Test func classesMatchTheirMembersRangesAndEscapes() throws {
        let pattern = try CodePattern(#"[a-cX\d_\-\]\\.]"#)
        for code in ["a", "b", "c", "X", "7", "٣", "_", "-", "]", "\\", "."] { #expect(pattern.matches(code), "\(code)") }
        for code in ["d", "x", "[", "^", "", "ab"] { #expect(!pattern.matches(code), "\(code)") }
    }

    @Test func aNegatedClassMatchesOneScalarOutsideIt() throws {
        #expect(try Self.matches("[^a-z]", "A"))
        #expect(try Self.matches("[^a-z]", "\n"))
        #expect(try !Self.matches("[^a-z]", "q"))
        #expect(try !Self.matches("[^a-z]", ""))
        #expect(try Self.matches(#"[^\D]"#, "5"))
        #expect(try !Self.matches(#"[^\D]"#, "x"))
    }

    @Test func aDashFirstOrLastACaretNotFirstAndAColonNotAroundAPOSIXNameAreLiteralsInAClass() throws {
        for (pattern, code) in [("[-a]", "-"), ("[a-]", "-"), ("[^-a]", "b"), ("[a^]", "^"), ("[.$|()*+?{}/]", "{"),
                                ("[:]", ":"), ("[:a]", ":"), ("[^:a:]", "b")] {
            #expect(try Self.matches(pattern, code), "\(pattern)")
        }
    }

    @Test func theDotMatchesAnyScalarButALineBreak() throws {
        for code in ["a", " ", "\t", "\u{0}", "é", "\u{301}", "😀"] { #expect(try Self.matches(".", code), "\(code.debugDescription)") }
        for code in ["\n", "\u{B}", "\u{C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(try !Self.matches(".", code), "\(code.debugDescription)")
        }
    }

    @Test func builtinClassesFollowSwiftsUnicodeScalarDefinitions() throws {
        #expect(try Self.matches(#"\d+"#, "07٣²½"))
        #expect(try !Self.matches(#"\d"#, "a"))
        #expect(try Self.matches(#"\w+"#, "aZ_09éЖ日"))
        #expect(try !Self.matches(#"\w"#, "-"))
        #expect(try !Self.matches(#"\w"#, "٣"))
        #expect(try Self.matches(#"\s+"#, " \t\n\u{A0}\u{3000}\u{2028}"))
        #expect(try Self.matches(#"\D\W\S"#, "a-x"))
    }

    @Test func codesAreMatchedOneUnicodeScalarAtATime() throws {
        let decomposed = "e\u{301}"
        #expect(try !Self.matches(".", decomposed))
        #expect(try Self.matches("..", decomposed))
        #expect(try Self.matches("e.", decomposed))
        #expect(try Self.matches(".", "é"))
        #expect(try Self.matches("..", "🇫🇷"))
    }

    @Test func controlCharactersAndNonASCIIScalarsMayBeWrittenAsThemselves() throws {
        #expect(try Self.matches("E\t[é-ü]+", "E\téü"))
        #expect(try !Self.matches("E\t[é-ü]+", "E\tè"))
        #expect(try Self.matches("日本[0-9]", "日本7"))
    }

    @Test func everyEscapedMetacharacterMatchesItself() throws {
        for scalar in #".-[](){}*+?|\^$/"#.unicodeScalars {
            let text = String(scalar)
            #expect(try Self.matches("\\" + text, text), "\(text)")
            #expect(try Self.matches("[\\" + text + "]", text), "\(text)")
        }
    }
}
