import ContractRuntime
import Testing

/// Each error category, with where it is reported: byte offset (from 0), line and column (from 1,
/// column in bytes) and JSON path.
@Suite struct JSONReadErrorTests {
    @Test func aTrailingCommaIsMalformedAndPointsAtTheClosingBracket() throws {
        let error = try #require(readError(#"{"a": [1, 2,]}"#))
        #expect(error.category == .malformedJSON)
        #expect(error.message == "trailing comma before ']'")
        #expect(error.offset == 12)
        #expect((error.line, error.column) == (1, 13))
        #expect(error.path == "$.a[1]")
    }

    @Test func lineAndColumnCountFromOneAfterLineFeeds() throws {
        // `tru` is malformed at its first wrong byte, the line feed after it.
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}"
        let error = try #require(readError(text))
        #expect(error.category == .malformedJSON)
        #expect(error.offset == 22)
        #expect((error.line, error.column) == (3, 11))
        #expect(error.path == "$.b")
    }

    @Test func columnsCountBytesNotCharacters() throws {
        let error = try #require(readError(#"["é", x]"#))
        #expect(error.offset == 7)
        #expect(error.column == 8)
    }

    @Test func aTruncatedUTF8SequenceIsInvalidUTF8() throws {
        let bytes = Array(#"{"name": "caf"#.utf8) + [0xC3] + Array(#""}"#.utf8)
        let error = try #require(readError(bytes))
        #expect(error.category == .invalidUTF8)
        #expect(error.message == "truncated UTF-8 sequence")
        #expect(error.offset == 13)
        #expect(error.path == "$.name")
    }

    @Test func anEncodedSurrogateIsInvalidUTF8() throws {
        let bytes = Array(#"{"k": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)
        let error = try #require(readError(bytes))
        #expect(error.category == .invalidUTF8)
        #expect(error.message.contains("CESU-8"))
        #expect(error.offset == 7)
    }

    @Test func aDuplicateKeyReportsThePathOfTheRepeatedKey() throws {
        let text = #"{"result": {"items": [{"id": 1, "id": 2}]}}"#
        let error = try #require(readError(text))
        #expect(error.category == .duplicateKey)
        #expect(error.message == #"the key "id" appears more than once in this object"#)
        #expect(error.offset == byteOffset(of: #""id": 2"#, in: text))
        #expect(error.path == "$.result.items[0].id")
    }

    @Test func keysThatAreNotIdentifiersAreBracketedInPaths() throws {
        let error = try #require(readError(#"{"a b": 1, "a b": 2}"#))
        #expect(error.category == .duplicateKey)
        #expect(error.path == #"$["a b"]"#)
    }

    @Test func keysAreComparedAfterUnescaping() throws {
        let error = try #require(readError(#"{"a": 1, "\u0061": 2}"#))
        #expect(error.category == .duplicateKey)
        #expect(error.offset == 9)
    }

    @Test func duplicatesAreFoundInObjectsWithManyKeys() throws {
        let members = (0..<1000).map { #""key\#($0)": \#($0)"# }.joined(separator: ", ")
        let error = try #require(readError("{\(members), \"key999\": 0}"))
        #expect(error.category == .duplicateKey)
        #expect(error.path == "$.key999")
    }

    @Test func aNumberThatOverflowsADoubleIsOutOfRange() throws {
        let error = try #require(readError(#"{"x": [1e400]}"#))
        #expect(error.category == .numberOutOfRange)
        #expect(error.offset == 7)
        #expect(error.path == "$.x[0]")
    }

    @Test func nestingBeyondTheLimitIsTooDeep() throws {
        let error = try #require(readError("[[[[1]]]]", limits: JSONReaderLimits(maxDepth: 3)))
        #expect(error.category == .tooDeep)
        #expect(error.message == "arrays and objects nest more than 3 levels deep")
        #expect(error.offset == 3)
        #expect(error.path == "$[0][0][0]")
    }

    @Test func anUnescapedTabInAStringIsAControlCharacter() throws {
        let error = try #require(readError("{\"a b\": \"x\ty\"}"))
        #expect(error.category == .controlCharacter)
        #expect(error.message == "control character U+0009 must be escaped in a string")
        #expect(error.offset == 10)
        #expect(error.path == #"$["a b"]"#)
    }

    @Test func anUnknownEscapeIsAnInvalidEscape() throws {
        let error = try #require(readError(#"["ok", "\q"]"#))
        #expect(error.category == .invalidEscape)
        #expect(error.offset == 8)
        #expect(error.path == "$[1]")
    }

    @Test func aLoneHighSurrogateEscapeIsALoneSurrogate() throws {
        let error = try #require(readError(#"{"s": "\ud800"}"#))
        #expect(error.category == .loneSurrogate)
        #expect(error.offset == 7)
        #expect(error.path == "$.s")
    }

    @Test func aLoneLowSurrogateEscapeIsALoneSurrogate() throws {
        let error = try #require(readError(#"["\udc00"]"#))
        #expect(error.category == .loneSurrogate)
        #expect(error.message.contains("low surrogate"))
    }

    @Test func aUTF8ByteOrderMarkIsRejectedAtOffsetZero() throws {
        let error = try #require(readError([0xEF, 0xBB, 0xBF] + Array("{}".utf8)))
        #expect(error.category == .byteOrderMark)
        #expect(error.offset == 0)
        #expect((error.line, error.column) == (1, 1))
        #expect(error.path == "$")
    }

    @Test func textAfterTheTopLevelValueIsTrailingData() throws {
        let error = try #require(readError(#"{"a":1} x"#))
        #expect(error.category == .trailingData)
        #expect(error.message == "unexpected 'x' after the top-level value")
        #expect(error.offset == 8)
        #expect(error.path == "$")
    }

    @Test func aStringLongerThanTheLimitIsTooLong() throws {
        let error = try #require(readError(#"{"k": "12345"}"#, limits: JSONReaderLimits(maxStringLength: 4)))
        #expect(error.category == .tooLong)
        #expect(error.message == "the string is 5 bytes, more than the limit of 4")
        #expect(error.offset == 6)
        #expect(error.path == "$.k")
    }

    @Test func anObjectWithMoreKeysThanTheLimitIsTooLong() throws {
        let error = try #require(readError(#"{"x": {"a":1,"b":2,"c":3}}"#, limits: JSONReaderLimits(maxKeysPerObject: 2)))
        #expect(error.category == .tooLong)
        #expect(error.message == "the object has more than 2 keys")
        #expect(error.offset == 19)
        #expect(error.path == "$.x")
    }

    @Test func inputLongerThanTheLimitIsTooLong() throws {
        let error = try #require(readError("[1, 2, 3, 4]", limits: JSONReaderLimits(maxInputLength: 10)))
        #expect(error.category == .tooLong)
        #expect(error.message == "the input is 12 bytes, more than the limit of 10")
    }

    @Test func commentsAreMalformedWithAMessageSayingSo() throws {
        let error = try #require(readError("[1, /* two */ 2]"))
        #expect(error.category == .malformedJSON)
        #expect(error.message == "comments are not allowed in JSON")
    }

    @Test func nanIsMalformedWithAMessageSayingSo() throws {
        let error = try #require(readError("[NaN]"))
        #expect(error.category == .malformedJSON)
        #expect(error.message.hasPrefix("NaN and Infinity are not JSON numbers"))
    }

    @Test func leadingZerosAreMalformedAtTheDigitAfterTheZero() throws {
        let error = try #require(readError("[007]"))
        #expect(error.category == .malformedJSON)
        #expect(error.message == "numbers must not have leading zeros")
        #expect(error.offset == 2)
    }

    @Test func theDescriptionNamesLocationPathCategoryAndMessage() throws {
        let error = try #require(readError(#"{"a": 1, "a": 2}"#))
        #expect(error.description
            == #"line 1, column 10 (byte 9) at $.a: duplicate_key: the key "a" appears more than once in this object"#)
    }

    @Test func categoriesHaveTheDocumentedRawValues() {
        #expect(JSONErrorCategory.allCases.map(\.rawValue) == [
            "malformed_json", "invalid_utf8", "duplicate_key", "number_out_of_range", "too_deep",
            "control_character", "invalid_escape", "lone_surrogate", "byte_order_mark", "trailing_data",
            "too_long", "type_mismatch",
        ])
    }
}
