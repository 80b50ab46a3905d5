import ContractRuntime
import ExecutionContracts
import Foundation
import Testing

/// Generated decoders match enum, lifecycle and error-catalog values by their bytes before making a
/// `String`; escaped spellings, legacy values and unknown values must come out as they did before.
@Suite struct WireValueMatchingTests {
    static func record(status: String, code: String) -> Data {
        Data(#"{"step":"a","result":null,"completed":false,"message":"","status":\#(status),"error_code":\#(code),"error_message":\#(code == "null" ? "null" : "\"x\"")}"#.utf8)
    }

    @Test func anEscapedSpellingOfAValueIsThatValue() throws {
        let value = try TaskStepResult(jsonUTF8Data: Self.record(status: #""f\u0061iled""#, code: #""E\u0030\u00303""#))
        #expect(value.status == .failed)
        #expect(value.errorCode == .executionError)
    }

    @Test func aLegacyValueIsReadOnlyWhenAskedFor() throws {
        let data = Self.record(status: #""error""#, code: #""E003""#)
        #expect(throws: RecordError.self) { try TaskStepResult(jsonUTF8Data: data) }
        let value = try TaskStepResult(jsonUTF8Data: data, options: JSONDecodingOptions(acceptsLegacyValues: true))
        #expect(value.status == .failed)
    }

    @Test(arguments: [#""done""#, #""FAILED""#, #""faile""#, #""failed ""#, #""E0033""#])
    func aValueThatIsNotOneIsAnUnknownEnumValue(status: String) {
        do {
            _ = try TaskStepResult(jsonUTF8Data: Self.record(status: status, code: #""E003""#))
            Issue.record("decoded \(status)")
        } catch let error as RecordError {
            #expect(error.category == "unknown_enum_value")
            #expect(error.path == "$.status")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
