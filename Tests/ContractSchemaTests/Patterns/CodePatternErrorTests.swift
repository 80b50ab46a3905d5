import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Every construct outside the linear-time subset, every malformed pattern and every limit is refused
/// with its own message, at the offending character (offsets in Unicode scalars), and never crashes.
@Suite struct CodePatternErrorTests {
    /// A pattern, where its problem is, and the exact message.
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var offset: Int
        var message: String
        var testDescription: String { pattern.debugDescription }
    }

    static let linear = ", which is not supported: patterns are matched in linear time, without backtracking"

    static func unsupported(_ pattern: String, at offset: Int, _ construct: String) -> Case {
        Case(pattern: pattern, offset: offset, message: "uses \(construct)\(linear)")
    }

    static func invalid(_ pattern: String, at offset: Int, _ detail: String) -> Case {
        Case(pattern: pattern, offset: offset, message: "is not a valid regular expression: \(detail)")
    }

    static func error(_ pattern: String, limits: CodePatternLimits = .default) throws -> CodePatternError {
        do {
            let compiled = try CodePattern(pattern, limits: limits)
            throw Accepted(pattern: compiled.source)
        } catch let error as CodePatternError {
            return error
        }
    }

    struct Accepted: Error, CustomStringConvertible {
        var pattern: String
        var description: String { "the pattern \(pattern.debugDescription) was accepted" }
    }

    static let unsupportedConstructs: [Case] = [
        unsupported(#"(a)\1"#, at: 3, #"a backreference `\1`"#),
        unsupported(#"(?<n>a)\k<n>"#, at: 0, "a named group `(?<`"),
        unsupported(#"a\k<n>"#, at: 1, #"a backreference `\k`"#),
        unsupported(#"a\g1"#, at: 1, #"a backreference `\g`"#),
        unsupported("(?P<n>a)", at: 0, "a named group `(?P<`"),
        unsupported("(?'n'a)", at: 0, "a named group `(?'`"),
        unsupported("(?P=n)", at: 0, "a named reference `(?P=`"),
        unsupported("a(?=b)", at: 1, "a lookahead `(?=`"),
        unsupported("a(?!b)", at: 1, "a negative lookahead `(?!`"),
        unsupported("(?<=a)b", at: 0, "a lookbehind `(?<=`"),
        unsupported("(?<!a)b", at: 0, "a negative lookbehind `(?<!`"),
        unsupported("(?>a+)b", at: 0, "an atomic group `(?>`"),
        unsupported("(?i)e001", at: 0, "inline options `(?i)`"),
        unsupported("(?i:e)001", at: 0, "inline options `(?i:`"),
        unsupported("(?-i)e", at: 0, "inline options `(?-i)`"),
        unsupported("(?#note)E", at: 0, "a comment `(?#`"),
        unsupported("(?|a)", at: 0, "a branch reset group `(?|`"),
        unsupported("(?(1)a)", at: 0, "a conditional group `(?(`"),
        unsupported("a(?R)", at: 1, "a recursion `(?R`"),
        unsupported("(a)(?1)", at: 3, "a recursion `(?1`"),
        unsupported("a(?", at: 1, "`(?` at the end of the pattern"),
        unsupported("a(?%)", at: 1, "the group syntax `(?%`"),
        unsupported("(?)", at: 0, "the group syntax `(?)`"),
        unsupported("a*+", at: 1, "a possessive quantifier `*+`"),
        unsupported("a++", at: 1, "a possessive quantifier `++`"),
        unsupported("a?+", at: 1, "a possessive quantifier `?+`"),
        unsupported("a{2}+", at: 1, "a possessive quantifier `{2}+`"),
        unsupported(#"\bE001"#, at: 0, #"the assertion `\b`"#),
        unsupported(#"E\B0"#, at: 1, #"the assertion `\B`"#),
        unsupported(#"\AE"#, at: 0, #"the assertion `\A`"#),
        unsupported(#"E\z"#, at: 1, #"the assertion `\z`"#),
        unsupported(#"E\Z"#, at: 1, #"the assertion `\Z`"#),
        unsupported(#"\p{L}+"#, at: 0, #"a Unicode property class `\p`"#),
        unsupported(#"[\P{L}]"#, at: 1, #"a Unicode property class `\P`"#),
        unsupported(#"\Q.\E"#, at: 0, #"quoting with `\Q...\E`"#),
        unsupported(#"\x41"#, at: 0, #"the escape `\x` (write the character itself)"#),
        unsupported(#"\u{41}"#, at: 0, #"the escape `\u` (write the character itself)"#),
        unsupported(#"E\n"#, at: 1, #"the escape `\n` (write the character itself)"#),
        unsupported(#"E\t"#, at: 1, #"the escape `\t` (write the character itself)"#),
        unsupported(#"\X"#, at: 0, #"the escape `\X`"#),
        unsupported(#"\R"#, at: 0, #"the escape `\R`"#),
        unsupported(##"E\#"##, at: 1, ##"the escape `\#` (write `#` without the backslash)"##),
        unsupported(#"E\_"#, at: 1, #"the escape `\_`"#),
        unsupported("[[:alpha:]]", at: 1, "a nested or POSIX class (`[` inside a class; write `\\[` for a literal `[`)"),
        unsupported("[a[bc]]", at: 2, "a nested or POSIX class (`[` inside a class; write `\\[` for a literal `[`)"),
        unsupported("E[:digit:]{3}", at: 1, "a POSIX class `[:digit:]`"),
        unsupported("[::]", at: 0, "a POSIX class `[::]`"),
        unsupported("[:a-z:]", at: 0, "a POSIX class `[:a-z:]`"),
        unsupported("[a-z&&[^aeiou]]", at: 4, "the class set operation `&&`"),
        unsupported("[a--b]", at: 2, "the class set operation `--`"),
        unsupported("[--a]", at: 1, "the class set operation `--`"),
        unsupported("[a~~b]", at: 2, "the class set operation `~~`"),
        unsupported("E^1", at: 1, "the anchor `^` after the start of the pattern"),
        unsupported("(^E)", at: 1, "the anchor `^` after the start of the pattern"),
        unsupported("^^E", at: 1, "the anchor `^` after the start of the pattern"),
        unsupported("E$1", at: 1, "the anchor `$` before the end of the pattern"),
        unsupported("(E$)", at: 2, "the anchor `$` before the end of the pattern"),
        unsupported("E$$", at: 1, "the anchor `$` before the end of the pattern"),
        unsupported("a|b$|c", at: 3, "the anchor `$` before the end of the pattern"),
        unsupported("<{2}>", at: 0, "`<{...}>`, which Swift's `Regex` reserves for interpolation (write `(?:<)` to repeat a `<`)"),
        unsupported("E<{1,2}a}>", at: 1, "`<{...}>`, which Swift's `Regex` reserves for interpolation (write `(?:<)` to repeat a `<`)"),
        unsupported("Ee\u{301}1", at: 1, "a character made of several Unicode scalars (`e\u{301}`: U+0065 U+0301)"),
        unsupported("E\r\n", at: 1, "a character made of several Unicode scalars (`\\u{D}\\u{A}`: U+000D U+000A)"),
        unsupported("[🇫🇷]", at: 1, "a character made of several Unicode scalars (`🇫🇷`: U+1F1EB U+1F1F7)"),
    ]

    @Test(arguments: unsupportedConstructs)
    func anUnsupportedConstructIsRefusedByNameAtItsOffset(_ c: Case) throws {
        let error = try Self.error(c.pattern)
        #expect(error.message == c.message)
        #expect(error.offset == c.offset)
        guard case .unsupported = error.kind else {
            Issue.record("expected an unsupported construct, got \(error.kind)")
            return
        }
    }

    static let malformedPatterns: [Case] = [
        invalid("(a", at: 0, "`(` opens a group that is never closed; add `)`"),
        invalid("((a)", at: 0, "`(` opens a group that is never closed; add `)`"),
        invalid("a)", at: 1, "unmatched `)`; write `\\)` for a literal `)`"),
        invalid("E[0-9{3}", at: 1, "`[` opens a character class that is never closed; add `]`"),
        invalid("[", at: 0, "`[` opens a character class that is never closed; add `]`"),
        invalid("[]a]", at: 0, "the character class `[]` is empty; write `\\]` for a literal `]`"),
        invalid("[^]", at: 0, "the character class `[^]` is empty; write `\\]` for a literal `]`"),
        invalid("*a", at: 0, "`*` has nothing to repeat; write `\\*` for a literal `*`"),
        invalid("a|+", at: 2, "`+` has nothing to repeat; write `\\+` for a literal `+`"),
        invalid("^*", at: 1, "`*` has nothing to repeat; write `\\*` for a literal `*`"),
        invalid("{3}", at: 0, "`{3}` has nothing to repeat"),
        invalid("a|{1,2}", at: 2, "`{1,2}` has nothing to repeat"),
        invalid("a{", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a{,3}", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a{1,2", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a{x}", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a{ 1}", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a{-1}", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a{٣}", at: 1, "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; write `\\{` for a literal `{`"),
        invalid("a}", at: 1, "unmatched `}`; write `\\}` for a literal `}`"),
        invalid("a]", at: 1, "unmatched `]`; write `\\]` for a literal `]`"),
        invalid("a**", at: 2, "a quantifier cannot follow another quantifier; group what it repeats, like `(?:a{2})*`"),
        invalid("a{2}{3}", at: 4, "a quantifier cannot follow another quantifier; group what it repeats, like `(?:a{2})*`"),
        invalid("a+*", at: 2, "a quantifier cannot follow another quantifier; group what it repeats, like `(?:a{2})*`"),
        invalid("a???", at: 3, "a quantifier cannot follow another quantifier; group what it repeats, like `(?:a{2})*`"),
        invalid("a*?+", at: 3, "a quantifier cannot follow another quantifier; group what it repeats, like `(?:a{2})*`"),
        invalid("E\\", at: 1, "the pattern ends with `\\`, which escapes nothing; write `\\\\` for a literal `\\`"),
        invalid("[a\\", at: 2, "the pattern ends with `\\`, which escapes nothing; write `\\\\` for a literal `\\`"),
        invalid("[z-a]", at: 1, "the range `z-a` is out of order; write the smaller end first"),
        invalid("[\\d-z]", at: 1, "a range cannot start at `\\d`; write `\\-` for a literal `-`"),
        invalid("[a-\\W]", at: 3, "a range cannot end at `\\W`; write `\\-` for a literal `-`"),
        invalid("[a-c-e]", at: 4, "a `-` in the middle of a class that does not make a range is ambiguous; write `\\-` for a literal `-`"),
        invalid("a{3,2}", at: 1, "`{3,2}` repeats at least 3 and at most 2 times; write the smaller count first"),
        invalid("a{1000,0}", at: 1, "`{1000,0}` repeats at least 1000 and at most 0 times; write the smaller count first"),
    ]

    @Test(arguments: malformedPatterns)
    func aMalformedPatternIsRefusedWithWhatIsWrongAtItsOffset(_ c: Case) throws {
        let error = try Self.error(c.pattern)
        #expect(error.message == c.message)
        #expect(error.offset == c.offset)
    }

    // MARK: - Limits

    @Test func aPatternOfExactlyTheByteLimitIsAccepted() throws {
        #expect(try CodePattern(String(repeating: "a", count: 1_000)).matches(String(repeating: "a", count: 1_000)))
        #expect(try CodePattern(String(repeating: "é", count: 500)).instructionCount == 501)
    }

    @Test func aPatternOverTheByteLimitIsRefusedCountingUTF8Bytes() throws {
        for pattern in [String(repeating: "a", count: 1_001), String(repeating: "é", count: 501), String(repeating: "(", count: 100_000)] {
            let error = try Self.error(pattern)
            #expect(error.kind == .tooLong(bytes: pattern.utf8.count, limit: 1_000))
            #expect(error.message == "is \(pattern.utf8.count) bytes; the limit is 1000 bytes")
            #expect(error.offset == 0)
        }
    }

    @Test(arguments: ["a{1000}", "a{0,1000}", "a{1000,}", "a{1000,1000}", "a{0001000}"])
    func aRepetitionCountAtTheLimitIsAccepted(_ pattern: String) throws {
        #expect(try CodePattern(pattern).matches(String(repeating: "a", count: 1_000)))
    }

    @Test(arguments: [("a{1001}", "1001"), ("a{0,1001}", "1001"), ("a{1001,}", "1001"), ("a{2,5000}", "5000"),
                      ("a{99999999999999999999}", "99999999999999999999"),
                      ("a{9223372036854775807}", "9223372036854775807"), ("a{9223372036854775808}", "9223372036854775808"),
                      ("a{1," + String(repeating: "9", count: 900) + "}", String(repeating: "9", count: 900))])
    func aRepetitionCountOverTheLimitIsRefusedWithoutOverflowing(_ pattern: String, _ count: String) throws {
        let error = try Self.error(pattern)
        #expect(error.kind == .repetitionTooLarge(count: count, limit: 1_000))
        #expect(error.message == "repeats something \(count) times; the limit for a repetition count is 1000")
        #expect(Array(pattern.unicodeScalars)[error.offset..<error.offset + count.unicodeScalars.count].elementsEqual(count.unicodeScalars))
    }

    @Test(arguments: [("((a{1000}){1000}){1000}", 1), ("(a{100}){100}", 0), ("x(?:abc|cd|ef){1000}", 1),
                      ("a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}", 0),
                      ("x(((.{10}){10}){10}){11}", 1)])
    func aPatternWhoseProgramWouldPassTheInstructionLimitIsRefusedAtTheRepetitionThatDoesIt(_ pattern: String, _ offset: Int) throws {
        let error = try Self.error(pattern)
        #expect(error.kind == .tooManyInstructions(limit: 10_000))
        #expect(error.message == "compiles to more than 10000 instructions, the limit (a counted repetition copies what it "
                    + "repeats, so nested counts multiply)")
        #expect(error.offset == offset)
    }

    @Test func aProgramJustUnderTheInstructionLimitCompilesAndMatches() throws {
        let pattern = try CodePattern("(?:(?:ab){1000}){4}(?:ab){999}")
        #expect(pattern.instructionCount == 9_999)
        #expect(pattern.matches(String(repeating: "ab", count: 4_999)))
        #expect(!pattern.matches(String(repeating: "ab", count: 4_998)))
    }

    @Test func groupsNestedToTheLimitAreAccepted() throws {
        let pattern = String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)
        #expect(try CodePattern(pattern).matches("a"))
    }

    @Test func groupsNestedPastTheLimitAreRefusedAtTheFirstGroupTooDeep() throws {
        let pattern = String(repeating: "(?:", count: 33) + "a" + String(repeating: ")", count: 33)
        let error = try Self.error(pattern)
        #expect(error.kind == .nestedTooDeep(limit: 32))
        #expect(error.message == "nests groups more than 32 levels deep, the limit")
        #expect(error.offset == 32 * 3)
    }

    @Test func aHundredThousandOpeningParenthesesAreRefusedWithoutRecursingIntoThem() throws {
        var limits = CodePatternLimits.default
        limits.maxBytes = .max
        let error = try Self.error(String(repeating: "(", count: 100_000), limits: limits)
        #expect(error.kind == .nestedTooDeep(limit: 32))
        #expect(error.offset == 32)
    }

    @Test func limitsAtIntMaxNeitherTrapNorChangeWhatIsAccepted() throws {
        let limits = CodePatternLimits(maxBytes: .max, maxRepetition: .max, maxInstructions: .max, maxGroupDepth: .max,
                                       maxPatternSteps: .max)
        #expect(try CodePattern("E[0-9]{3}", limits: limits).matches("E001"))
        // Counts this large still cannot overflow the size computation; they only exceed the instruction limit.
        var bounded = limits
        bounded.maxInstructions = 10_000
        let error = try Self.error("(a{9223372036854775807}){9223372036854775807}", limits: bounded)
        #expect(error.kind == .tooManyInstructions(limit: 10_000))
        let overflow = try Self.error("a{9223372036854775808}", limits: limits)
        #expect(overflow.kind == .repetitionTooLarge(count: "9223372036854775808", limit: .max))
    }
}
