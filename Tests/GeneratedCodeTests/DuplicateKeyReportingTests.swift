import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import ExecutionContracts
import Foundation
import Testing

/// Generated decoders and `contractgen validate` find a record's repeated top-level keys with their own
/// field flags (the reader does not remember those keys); they must report each exactly as the reader
/// does for any JSON text: same category, message, path and offset.
@Suite struct DuplicateKeyReportingTests {
    static let validator: RecordValidator = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/execution.yaml").path
        return try! RecordValidator(contract: SchemaLoader().load(contentsOf: path).contract!)
    }()

    static let record = #"{"step":"a","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null"#

    /// The reader's own error for the text, as a record error.
    static func readerError(_ text: String) -> RecordError? {
        do {
            _ = try JSONValue(strictUTF8: Array(text.utf8))
            return nil
        } catch {
            return RecordError(error)
        }
    }

    @Test(arguments: [
        #","status":"failed"}"#,             // a required field, after the whole record
        #","error_code":"E003"}"#,           // a nullable field whose first value was null
        #","result":{"a":1}}"#,              // the json field whose first value was null
        #", "st\u0061tus" : "pending"}"#,    // an escaped spelling of a key already read
    ])
    func aRepeatedTopLevelKeyIsReportedAsTheReaderReportsIt(tail: String) throws {
        let text = Self.record + tail
        let expected = try #require(Self.readerError(text))
        #expect(expected.category == "duplicate_key")
        do {
            _ = try TaskStepResult(jsonUTF8Data: Data(text.utf8))
            Issue.record("a record with a repeated key decoded: \(text)")
        } catch let error as RecordError {
            #expect(error == expected)
        }
        #expect(Self.validator.validate(Array(text.utf8)) == expected)
    }

    @Test func aRepeatedKeyInsideTheJSONFieldIsStillFoundByTheReader() {
        let text = #"{"step":"a","result":{"rows":1,"rows":2},"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#
        let expected = Self.readerError(#"{"step":"a","result":{"rows":1,"rows":2}}"#)
        #expect(expected?.path == "$.result.rows")
        #expect((try? TaskStepResult(jsonUTF8Data: Data(text.utf8))) == nil)
        #expect(Self.validator.validate(Array(text.utf8)) == expected)
    }
}
