import ContractRuntime
import DecodingDifferential
import ExecutionContracts
import Foundation
import Testing

/// Lines that are not one complete JSON value, and complete values that are not a record, get the same
/// category, offset and path from the generated fast decoder as from `contractgen validate`'s
/// interpreter, and all three readers (Codable too) the same verdict.
@Suite struct NonJSONRecordTests {
    static let differential = try! TaskStepResultDifferential()

    /// Misspelled and cut-off literals, numbers with something stuck to them, strings that do not close,
    /// the same as field values, and complete values that are not objects or of the wrong type.
    static let lines: [String] = [
        "n", "nu", "nul", "nope", "nullx", "not json at all", "t", "tru", "trux", "f", "fals", "falsey",
        "42abc", "-", "1e", "01", "1.5.3", #""abc"#, #""ab\"#, "[1,", "[1] x", "42 x",
        "[1]", #""x""#, "42", "null", "true", "[]",
        #"{"step": nope, "result": null}"#, #"{"step": trux}"#, #"{"step": 42abc}"#, #"{"step": [1,}"#,
        #"{"step": "s", "result": nul}"#, #"{"step": "s", "result": [tru]}"#, #"{"step": [1]}"#,
        #"{"step":"s","result":null,"completed":fals,"message":"","status":"pending","error_code":null,"error_message":null}"#,
        #"{"step":"s","result":null,"completed":false,"message":"","status":nullx,"error_code":null,"error_message":null}"#,
        #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":nope,"error_message":null}"#,
        #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":1x}"#,
    ]

    private func fastError(_ line: String) -> RecordError? {
        do {
            _ = try TaskStepResult(jsonUTF8Data: Data(line.utf8))
            return nil
        } catch {
            return error as? RecordError
        }
    }

    @Test(arguments: lines)
    func theFastDecoderAndTheInterpreterReportTheSameCategoryOffsetAndPath(_ line: String) throws {
        let fast = try #require(fastError(line))
        let interpreted = try #require(Self.differential.validator.validate(Array(line.utf8)))
        #expect(fast.category == interpreted.category)
        #expect(fast.offset == interpreted.offset)
        #expect(fast.path == interpreted.path)
        if fast.category == "malformed_json" { #expect(fast.message == interpreted.message) }
    }

    @Test(arguments: lines)
    func allThreeReadersGiveTheSameVerdict(_ line: String) {
        let disagreements = Self.differential.disagreements(Array(line.utf8))
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    @Test(arguments: ["nope", "nullx", "trux", "42abc", "[1,", #""abc"#])
    func aLineThatIsNotOneJSONValueIsNeverNotAnObject(_ line: String) throws {
        #expect(try #require(fastError(line)).category == "malformed_json")
    }
}
