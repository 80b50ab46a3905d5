import ContractRuntime
import ExecutionContracts
import Foundation
import Testing

/// The TaskStepResult model of schema/execution.yaml.
@Suite struct TaskStepResultTests {
    static let completed = TaskStepResult(step: "pandas_tool.read_csv", result: ["rows": 3], completed: true,
                                          message: "Successfully read CSV file", status: .completed)
    static let failed = TaskStepResult(step: "pandas_tool.read_csv", result: nil, status: .failed,
                                       errorCode: .executionError, errorMessage: "file not found")

    static let seedJSON = """
        {"step":"pandas_tool.read_csv","result":null,"completed":false,"message":"","status":"failed",\
        "error_code":"E003","error_message":"file not found"}
        """

    private func brokenRules(_ value: TaskStepResult) -> [String] {
        value.violations().map(\.ruleID)
    }

    @Test func theInitializerHasTheSchemasDefaults() {
        let value = TaskStepResult(step: "s", result: .null)
        #expect(value.completed == false && value.message == "" && value.status == .pending)
        #expect(value.errorCode == nil && value.errorMessage == nil)
        #expect(brokenRules(value).isEmpty)
    }

    @Test func validValuesBreakNoRule() throws {
        try Self.completed.validate()
        try Self.failed.validate()
        #expect(brokenRules(TaskStepResult(step: "s", result: 1, status: .running)).isEmpty)
    }

    @Test func completedWithoutTheCompletedStatusBreaksOnlyThatRule() {
        var value = Self.completed
        value.status = .running
        #expect(brokenRules(value) == ["completed_iff_status_completed"])
    }

    @Test func theCompletedStatusWithoutTheFlagBreaksTheCompletedRule() {
        var value = Self.completed
        value.completed = false
        #expect(brokenRules(value) == ["completed_iff_status_completed"])
    }

    @Test func anErrorCodeWithoutAMessageBreaksTheErrorPairRule() {
        var value = Self.failed
        value.errorMessage = nil
        #expect(brokenRules(value) == ["error_code_iff_error_message"])
    }

    @Test func anUnsuccessfulStatusWithoutAnErrorCodeBreaksTwoRules() {
        for status in [TaskStatus.failed, .timedOut, .cancelled] {
            let value = TaskStepResult(step: "s", result: nil, status: status, errorMessage: "boom")
            #expect(brokenRules(value) == ["error_code_iff_error_message", "unsuccessful_has_error_code"])
        }
    }

    @Test func validateListsEveryBrokenRuleWithFieldsAndMessage() {
        let value = TaskStepResult(step: "s", result: nil, completed: true, status: .failed)
        do {
            try value.validate()
            Issue.record("validate should throw")
        } catch {
            #expect(error.modelName == "TaskStepResult")
            #expect(error.ruleIDs == ["completed_iff_status_completed", "unsuccessful_has_error_code"])
            #expect(error.violations[0].fields == ["completed", "status"])
            #expect(error.violations[1].message == "A failed, timed-out or cancelled result must carry an error code.")
        }
    }

    @Test func theSeedsWireFormDecodes() throws {
        let value = try TaskStepResult(jsonString: Self.seedJSON)
        #expect(value == TaskStepResult(step: "pandas_tool.read_csv", result: .null, status: .failed,
                                        errorCode: .executionError, errorMessage: "file not found"))
    }

    @Test func jsonStringWritesTheSevenKeysInSchemaOrderWithExplicitNulls() throws {
        #expect(try Self.failed.jsonString() == Self.seedJSON)
        let text = try TaskStepResult(step: "s", result: 1.0).jsonString()
        #expect(text == #"{"step":"s","result":1.0,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#)
    }

    @Test func codableRoundTripsThroughFoundation() throws {
        for value in [Self.completed, Self.failed] {
            let decoded = try JSONDecoder().decode(TaskStepResult.self, from: try JSONEncoder().encode(value))
            #expect(decoded == value)
        }
    }

    @Test func codableAndTheFastDecoderReadEqualRecordsWhenTheResultIsAnObject() throws {
        let data = Data(#"{"step":"s","result":{"rows":1000,"columns":5,"meta":{"z":[1,2.5],"a":null}},"completed":true,"message":"","status":"completed","error_code":null,"error_message":null}"#.utf8)
        let codable = try JSONDecoder().decode(TaskStepResult.self, from: data)
        let fast = try TaskStepResult(jsonUTF8Data: data)
        #expect(codable == fast)
        #expect(codable.hashValue == fast.hashValue)
    }

    @Test func aRecordWithANestedResultObjectRoundTripsThroughJSONEncoderAndJSONDecoder() throws {
        let value = TaskStepResult(
            step: "composite.plan",
            result: ["children": [["step": "a", "completed": true], ["step": "b", "value": 1.5e-3, "ratio": 0.25]],
                     "文本": "数据 ✓", "counts": ["z": 3, "a": -1], "none": nil],
            completed: true, message: "done", status: .completed)
        let decoded = try JSONDecoder().decode(TaskStepResult.self, from: try JSONEncoder().encode(value))
        #expect(decoded == value)
    }

    @Test func jsonUTF8DataRoundTrips() throws {
        #expect(try TaskStepResult(jsonUTF8Data: try Self.completed.jsonUTF8Data()) == Self.completed)
    }

    @Test func aMissingKeyFailsNamingTheKey() {
        let text = Self.seedJSON.replacingOccurrences(of: #""message":"","#, with: "")
        #expect(JSON.decodingFailure(TaskStepResult.self, text)?.hasPrefix("missing key 'message'") == true)
    }

    @Test func aMissingNullableKeyFailsBecauseNullMustBeExplicit() {
        let text = Self.seedJSON.replacingOccurrences(of: #","error_message":"file not found""#, with: "")
        #expect(JSON.decodingFailure(TaskStepResult.self, text)?.hasPrefix("missing key 'error_message'") == true)
    }

    @Test func anUnknownKeyFailsNamingItAndTheExpectedKeys() {
        let text = Self.seedJSON.replacingOccurrences(of: "{", with: #"{"retries":1,"#)
        let message = JSON.decodingFailure(TaskStepResult.self, text)
        #expect(message == #"unknown key "retries" in TaskStepResult; expected keys: step, result, completed, message, status, error_code, error_message"#)
    }

    @Test func aWrongTypeFails() {
        let text = Self.seedJSON.replacingOccurrences(of: #""completed":false"#, with: #""completed":"no""#)
        #expect(JSON.decodingFailure(TaskStepResult.self, text) != nil)
    }

    @Test func nullInANonNullFieldFails() {
        let text = Self.seedJSON.replacingOccurrences(of: #""message":"""#, with: #""message":null"#)
        #expect(JSON.decodingFailure(TaskStepResult.self, text) != nil)
    }

    @Test func anUnknownStatusFailsNamingTheAllowedValues() {
        let text = Self.seedJSON.replacingOccurrences(of: #""status":"failed""#, with: #""status":"paused""#)
        #expect(JSON.decodingFailure(TaskStepResult.self, text)?.contains("expected one of: pending") == true)
    }

    @Test func aLegacyStatusDecodesOnlyWhenAsked() throws {
        let text = Self.seedJSON.replacingOccurrences(of: #""status":"failed""#, with: #""status":"error""#)
        #expect(throws: DecodingError.self) { try JSON.decode(TaskStepResult.self, text) }
        #expect(try JSON.decode(TaskStepResult.self, text, legacy: true).status == .failed)
    }

    @Test func aBrokenRuleFailsDecodingWithOneLinePerBrokenRuleAndNoUnderlyingCopy() {
        let text = Self.seedJSON.replacingOccurrences(of: #""error_code":"E003""#, with: #""error_code":null"#)
        do {
            _ = try JSON.decode(TaskStepResult.self, text)
            Issue.record("decoding should fail")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == """
                TaskStepResult breaks 2 rules:
                - error_code_iff_error_message (error_code, error_message): error_code and error_message must be set together or both be null.
                - unsuccessful_has_error_code (status, error_code): A failed, timed-out or cancelled result must carry an error code.
                """)
            #expect(context.underlyingError == nil)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func encodingAValueThatBreaksARuleThrows() {
        var value = Self.completed
        value.status = .failed
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(value) }
        #expect(throws: ValidationFailure.self) { try value.jsonUTF8Data() }
    }

    @Test func jsonResultsKeepTheirKeyOrderWhenWritten() throws {
        let value = TaskStepResult(step: "s", result: ["zeta": 1, "alpha": [true, nil]], status: .running)
        #expect(try value.jsonString().contains(#""result":{"zeta":1,"alpha":[true,null]}"#))
    }
}
