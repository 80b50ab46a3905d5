import ContractRuntime
import Testing

/// Text that only starts like a JSON value (a misspelled or cut-off literal, a number with something
/// stuck to it, a string that does not close) is malformed at its first bad byte, whichever way it is
/// read; it is never taken for a value of the kind its first byte suggests.
@Suite struct MalformedTokenTests {
    /// A text, where it stops being JSON, and what the reader says there.
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var offset: Int
        var message: String
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "n", offset: 1, message: "unexpected end of input; expected the literal null"),
        Case(text: "nu", offset: 2, message: "unexpected end of input; expected the literal null"),
        Case(text: "nul", offset: 3, message: "unexpected end of input; expected the literal null"),
        Case(text: "nope", offset: 1, message: "unexpected 'o'; expected the literal null"),
        Case(text: "not json at all", offset: 1, message: "unexpected 'o'; expected the literal null"),
        Case(text: "nullx", offset: 4, message: "unexpected 'x' after the literal null"),
        Case(text: "null1", offset: 4, message: "unexpected '1' after the literal null"),
        Case(text: "t", offset: 1, message: "unexpected end of input; expected the literal true"),
        Case(text: "tru", offset: 3, message: "unexpected end of input; expected the literal true"),
        Case(text: "trux", offset: 3, message: "unexpected 'x'; expected the literal true"),
        Case(text: "truefalse", offset: 4, message: "unexpected 'f' after the literal true"),
        Case(text: "f", offset: 1, message: "unexpected end of input; expected the literal false"),
        Case(text: "fals", offset: 4, message: "unexpected end of input; expected the literal false"),
        Case(text: "falsey", offset: 5, message: "unexpected 'y' after the literal false"),
        Case(text: "false_", offset: 5, message: "unexpected '_' after the literal false"),
        Case(text: "42abc", offset: 2, message: "unexpected 'a' after the number 42"),
        Case(text: "1.5.3", offset: 3, message: "unexpected '.' after the number 1.5"),
        Case(text: "1e5e", offset: 3, message: "unexpected 'e' after the number 1e5"),
        Case(text: "-1-", offset: 2, message: "unexpected '-' after the number -1"),
        Case(text: "7é", offset: 1, message: "unexpected character U+00E9 after the number 7"),
        Case(text: "-", offset: 1, message: "expected a digit after '-'"),
        Case(text: "1e", offset: 2, message: "expected a digit in the exponent"),
        Case(text: "1.", offset: 2, message: "expected a digit after the decimal point"),
        Case(text: "01", offset: 1, message: "numbers must not have leading zeros"),
        Case(text: #""abc"#, offset: 4,
             message: "unexpected end of input in the string that starts at byte 0; expected its closing quote"),
        Case(text: #""ab\"#, offset: 4,
             message: "unexpected end of input after '\\' in a string; expected an escape and the closing quote"),
    ]

    @Test(arguments: cases)
    func aMalformedTokenIsMalformedAtItsFirstBadByte(_ c: Case) throws {
        let error = try #require(readError(c.text))
        #expect(error.category == .malformedJSON)
        #expect(error.offset == c.offset)
        #expect(error.message == c.message)
    }

    @Test(arguments: cases)
    func skippingAMalformedTokenFailsTheSameWay(_ c: Case) throws {
        let error = try #require(skipError(c.text))
        #expect(error.category == .malformedJSON)
        #expect(error.offset == c.offset)
        #expect(error.message == c.message)
    }

    @Test(arguments: cases)
    func aMalformedTokenInsideAnArrayIsMalformedAtTheSameByte(_ c: Case) throws {
        // Stripped of its own end, a cut-off token meets the ']' instead of the end of input.
        guard !c.message.contains("end of input") else { return }
        let error = try #require(readError("[" + c.text + "]"))
        #expect(error.category == .malformedJSON)
        #expect(error.offset == c.offset + 1)
        #expect(error.path == "$[0]")
    }

    @Test(arguments: cases)
    func readingAMalformedTokenAsAnotherKindReportsTheTokenNotTheKind(_ c: Case) throws {
        // The pull API's "expected a string, found null" is only for a real null.
        for read in [Read.string, .bool, .int, .double, .object] {
            let error = try #require(pullError(c.text, read), "\(read)")
            #expect(error.category == .malformedJSON, "\(read): \(error)")
            #expect(error.offset == c.offset, "\(read): \(error)")
        }
    }

    @Test func aWellFormedValueOfAnotherKindIsStillATypeMismatch() throws {
        let error = try #require(pullError("null", .string))
        #expect(error.category == .typeMismatch)
        #expect(error.message == "expected a string, found null")
        #expect(error.offset == 0)
    }

    @Test(arguments: ["42 abc", "null x", "true\t@", "[1] x", #""s" x"#])
    func aCompleteValueFollowedBySomethingElseIsTrailingData(_ text: String) throws {
        let error = try #require(readError(text))
        #expect(error.category == .trailingData)
    }

    @Test(arguments: ["null", "true", "false", "0", "-0", "42", "1.5e-3", "null ", "[null,true,false,1]", #"{"a":null}"#, "1\r"])
    func aLiteralOrNumberEndedByWhitespaceOrStructureReads(_ text: String) {
        #expect(readError(text) == nil)
    }

    // MARK: Helpers

    enum Read: CaseIterable { case string, bool, int, double, object }

    private func skipError(_ text: String) -> JSONReadError? {
        do {
            try JSONReader.withReader(reading: Array(text.utf8)) { reader in
                try reader.skipValue()
                try reader.expectEnd()
            }
            return nil
        } catch {
            return error as? JSONReadError
        }
    }

    private func pullError(_ text: String, _ read: Read) -> JSONReadError? {
        do {
            try JSONReader.withReader(reading: Array(text.utf8)) { reader in
                switch read {
                case .string: _ = try reader.readString()
                case .bool: _ = try reader.readBool()
                case .int: _ = try reader.readInt64()
                case .double: _ = try reader.readDouble()
                case .object: try reader.beginObject()
                }
            }
            return nil
        } catch {
            return error as? JSONReadError
        }
    }
}
