import ContractRuntime
import Testing

/// `not_an_object` and `wrong_type` are only for complete, well-formed JSON values; a value that is not
/// one is reported as the JSON error it is, so generated decoders and `contractgen validate` (which both
/// read through `JSONFields`) never call `nope` a null or `42abc` a number.
@Suite struct JSONFieldsKindTests {
    /// The category and offset `body` fails with on `text`, or nil when it succeeds.
    private func failure(_ text: String, _ body: (inout JSONReader) throws -> Void) -> (category: String, offset: Int?, path: String)? {
        do {
            try JSONFields.decode(Array(text.utf8), limits: JSONReaderLimits()) { reader in try body(&reader) }
            return nil
        } catch {
            return (error.category, error.offset, error.path)
        }
    }

    private func model(_ reader: inout JSONReader) throws {
        _ = try JSONFields.beginModel(&reader, name: "M")
        while try reader.nextKey() != nil { try reader.skipValue() }
    }

    @Test(arguments: [("[1]", 0), (#""x""#, 0), ("42", 0), ("null", 0), ("true", 0), ("  [ ]  ", 2)])
    func aCompleteValueThatIsNotAnObjectIsNotAnObject(_ text: String, _ offset: Int) throws {
        let found = try #require(failure(text, model))
        #expect(found.category == "not_an_object")
        #expect(found.offset == offset)
        #expect(found.path == "$")
    }

    @Test(arguments: [("nope", 1), ("trux", 3), ("42abc", 2), ("[1,", 3), (#""x"#, 2), ("[1,}", 3)])
    func aRecordThatIsNotOneJSONValueIsMalformedAtItsFirstBadByte(_ text: String, _ offset: Int) throws {
        let found = try #require(failure(text, model))
        #expect(found.category == "malformed_json")
        #expect(found.offset == offset)
    }

    @Test func aNonObjectFollowedByMoreTextIsTrailingData() throws {
        let found = try #require(failure("[1] x", model))
        #expect(found.category == "trailing_data")
        #expect(found.offset == 4)
    }

    @Test func aNestedNonObjectIsNotAnObjectAtItsPath() throws {
        let found = try #require(failure(#"{"m": [1]}"#) { reader in
            try reader.beginObject()
            _ = try reader.nextKey()
            try model(&reader)
        })
        #expect(found.category == "not_an_object")
        #expect(found.path == "$.m")
        #expect(found.offset == 6)
    }

    @Test(arguments: [("[1]", "wrong_type", 0), ("nope", "malformed_json", 1), ("42abc", "malformed_json", 2),
                      ("[1,}", "malformed_json", 3), ("1e400", "number_out_of_range", 0), ("truex", "malformed_json", 4)])
    func aFieldOfTheWrongKindIsAWrongTypeOnlyWhenItIsWellFormed(_ text: String, _ category: String, _ offset: Int) throws {
        let found = try #require(failure(text) { reader in _ = try JSONFields.string(&reader) })
        #expect(found.category == category)
        #expect(found.offset == offset)
    }

    @Test(arguments: [(#"["a", null]"#, "wrong_type", 6), (#"["a", nul]"#, "malformed_json", 9), (#"["a", nullx]"#, "malformed_json", 10)])
    func aNullElementIsAWrongTypeOnlyWhenItIsANull(_ text: String, _ category: String, _ offset: Int) throws {
        let found = try #require(failure(text) { reader in
            _ = try JSONFields.list(&reader, elementDescription: "a string") { try JSONFields.string(&$0) }
        })
        #expect(found.category == category)
        #expect(found.offset == offset)
        #expect(found.path == "$[1]")
    }
}
