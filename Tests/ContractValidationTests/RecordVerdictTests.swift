import ContractRuntime
import ContractValidation
import Testing

/// A record line that is not one complete JSON value is a JSON error at its first bad byte;
/// `not_an_object` is for a complete value that is not an object, `wrong_type` for a complete value of
/// another type.
@Suite struct RecordVerdictTests {
    private func verdict(_ line: String) throws -> RecordError? {
        try taskStepResultValidator().validate(Array(line.utf8))
    }

    @Test(arguments: [
        ("n", 1), ("nu", 2), ("nul", 3), ("nope", 1), ("nullx", 4), ("not json at all", 1),
        ("t", 1), ("tru", 3), ("trux", 3), ("f", 1), ("fals", 4), ("falsey", 5),
        ("42abc", 2), ("-", 1), ("1e", 2), ("01", 1), (#""abc"#, 4), (#"{"step": "s"#, 11), ("[1,", 3),
    ])
    func aLineThatIsNotOneJSONValueIsMalformedJSONAtItsFirstBadByte(_ line: String, _ offset: Int) throws {
        let error = try #require(try verdict(line))
        #expect(error.category == "malformed_json", "\(error)")
        #expect(error.offset == offset, "\(error)")
    }

    @Test(arguments: [("[1]", "an array"), (#""x""#, "a string"), ("42", "a number"), ("null", "null"), ("false", "a boolean")])
    func aCompleteValueThatIsNotAnObjectIsNotAnObject(_ line: String, _ found: String) throws {
        let error = try #require(try verdict(line))
        #expect(error == RecordError(category: "not_an_object", message: "expected a TaskStepResult object, found \(found)",
                                     path: "$", offset: 0))
    }

    @Test(arguments: ["[1] x", "42 abc", "null null"])
    func aCompleteNonObjectFollowedByMoreIsTrailingData(_ line: String) throws {
        #expect(try verdict(line)?.category == "trailing_data")
    }

    @Test(arguments: [
        (#"{"step": nope}"#, "malformed_json", 10), (#"{"step": trux}"#, "malformed_json", 12),
        (#"{"step": 42abc}"#, "malformed_json", 11), (#"{"step": [1,}"#, "malformed_json", 12),
        (#"{"step": [1]}"#, "wrong_type", 9), (#"{"completed": nul}"#, "malformed_json", 17),
        (#"{"status": nullx}"#, "malformed_json", 15), (#"{"error_code": 7x}"#, "malformed_json", 16),
    ])
    func aFieldValueIsAWrongTypeOnlyWhenItIsWellFormed(_ line: String, _ category: String, _ offset: Int) throws {
        let error = try #require(try verdict(line))
        #expect(error.category == category, "\(error)")
        #expect(error.offset == offset, "\(error)")
    }
}
