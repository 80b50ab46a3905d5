import ContractRunTracking
import ContractRuntime
import ExecutionContracts
import Foundation
import Testing

/// What a consumer sees when it prints an error from the generated `Codable`: one message per problem,
/// each said once, with no doubled full stop. The printed form is the standard library's
/// ("DecodingError.typeMismatch: expected value of type Bool. Path: completed. Debug description: …"), so
/// the runtime's part is the debug description, which adds only what the rest does not say.
@Suite struct CodableErrorTextTests {
    static let record = #"{"step":"s","result":null,"completed":false,"message":"","status":"failed","error_code":"E003","error_message":"x"}"#
    static let update = """
        {"type":"execution_update","data":{"id":7,"execution_type":"agent_test","status":"succeeded",\
        "agent_id":3,"started_at":"2026-02-26T10:30:00Z","output":{"answer":42},"error":null}}
        """
    static let subTask = #"{"id":"t1","parent_id":"p1","task_type":"API_CALL","status":"PENDING","dependencies":["t0"],"input_context":{},"output_result":null,"retry_count":0,"max_retries":3,"error_code":null}"#

    /// The printed error from decoding `text`, or nil when it decodes.
    private func printed<T: Decodable>(_ type: T.Type, _ text: String) -> String? {
        do {
            _ = try JSONDecoder().decode(type, from: Data(text.utf8))
            return nil
        } catch {
            return String(describing: error)
        }
    }

    private func record(_ old: String, _ new: String) -> String {
        Self.record.replacingOccurrences(of: old, with: new)
    }

    @Test func brokenRulesPrintOneLinePerRuleOnce() {
        #expect(printed(TaskStepResult.self, record(#""error_code":"E003""#, #""error_code":null"#)) == """
            DecodingError.dataCorrupted: Data was corrupted. Debug description: TaskStepResult breaks 2 rules:
            - error_code_iff_error_message (error_code, error_message): error_code and error_message must be set together or both be null.
            - unsuccessful_has_error_code (status, error_code): A failed, timed-out or cancelled result must carry an error code.
            """)
    }

    @Test func encodingAValueThatBreaksARulePrintsTheRuleOnce() {
        do {
            _ = try JSONEncoder().encode(TaskStepResult(step: "s", result: nil, status: .failed))
            Issue.record("encoding should fail")
        } catch {
            #expect(String(describing: error) == """
                EncodingError.invalidValue: ExecutionContracts.TaskStepResult(step: "s", result: ContractRuntime.JSONValue.null, \
                completed: false, message: "", status: ExecutionContracts.TaskStatus.failed, errorCode: nil, errorMessage: nil) \
                (TaskStepResult). Debug description: TaskStepResult breaks 1 rule:
                - unsuccessful_has_error_code (status, error_code): A failed, timed-out or cancelled result must carry an error code.
                """)
        }
    }

    @Test func unknownKeysAreQuotedWithControlCharactersEscaped() {
        #expect(printed(TaskStepResult.self, record("{", #"{"x\n":1,"retries":2,"#)) == #"""
            DecodingError.dataCorrupted: Data was corrupted. Debug description: unknown keys "retries", "x\n" in TaskStepResult; expected keys: step, result, completed, message, status, error_code, error_message
            """#)
    }

    @Test func aMissingKeyNamesTheModelThatRequiresIt() {
        #expect(printed(TaskStepResult.self, record(#""message":"","#, "")) == """
            DecodingError.keyNotFound: Key 'message' not found in keyed decoding container. Debug description: required by TaskStepResult
            """)
    }

    @Test func aMissingNullableKeySaysNullStandsForNoValue() {
        #expect(printed(TaskStepResult.self, record(#","error_message":"x""#, "")) == """
            DecodingError.keyNotFound: Key 'error_message' not found in keyed decoding container. Debug description: required by TaskStepResult (null when there is no value)
            """)
    }

    @Test func aMissingKeyOfANestedModelNamesThatModelAndItsPath() {
        #expect(printed(ExecutionUpdate.self, Self.update.replacingOccurrences(of: #""id":7,"#, with: "")) == """
            DecodingError.keyNotFound: Key 'id' not found in keyed decoding container. Path: data. Debug description: required by ExecutionUpdateData
            """)
    }

    @Test(arguments: [
        (#""completed":false"#, #""completed":"no""#, "Bool. Path: completed. Debug description: found a string"),
        (#""step":"s""#, #""step":[1]"#, "String. Path: step. Debug description: found an array"),
        (#""status":"failed""#, #""status":5"#, "TaskStatus. Path: status. Debug description: found a number"),
        (#""error_code":"E003""#, #""error_code":{}"#, "ErrorCode. Path: error_code. Debug description: found an object"),
        (#""error_message":"x""#, #""error_message":true"#, "String. Path: error_message. Debug description: found a boolean"),
    ])
    func aValueOfTheWrongTypeSaysWhatWasFound(old: String, new: String, expected: String) {
        #expect(printed(TaskStepResult.self, record(old, new)) == "DecodingError.typeMismatch: expected value of type " + expected)
    }

    @Test func aWrongTypeInsideAListNamesTheElement() {
        let text = Self.subTask.replacingOccurrences(of: #""dependencies":["t0"]"#, with: #""dependencies":["t0",{}]"#)
        #expect(printed(SubTask.self, text) == """
            DecodingError.typeMismatch: expected value of type String. Path: dependencies[1]. Debug description: found an object
            """)
    }

    @Test func aWrongTypeInANestedModelSaysWhatWasFound() {
        #expect(printed(ExecutionUpdate.self, Self.update.replacingOccurrences(of: #""id":7"#, with: #""id":"7""#)) == """
            DecodingError.typeMismatch: expected value of type Int64. Path: data.id. Debug description: found a string
            """)
        #expect(printed(ExecutionUpdate.self, Self.update.replacingOccurrences(of: #""2026-02-26T10:30:00Z""#, with: "5")) == """
            DecodingError.typeMismatch: expected value of type RFC3339Timestamp. Path: data.started_at. Debug description: found a number
            """)
    }

    @Test(arguments: ["1.5", "1e30", "-9223372036854775809"])
    func aNumberThatDoesNotFitAnIntegerFieldSaysSoInsteadOfInvalidJSON(number: String) {
        #expect(printed(ExecutionUpdate.self, Self.update.replacingOccurrences(of: #""id":7"#, with: #""id":\#(number)"#)) == """
            DecodingError.typeMismatch: expected value of type Int64. Path: data.id. Debug description: found a number that does not fit
            """)
    }

    @Test func nullInAFieldThatIsNotNullableSaysNullIsNotAllowed() {
        #expect(printed(TaskStepResult.self, record(#""message":"""#, #""message":null"#)) == """
            DecodingError.valueNotFound: Expected value of type String but found null instead. Path: message. Debug description: null is not allowed here
            """)
        #expect(printed(ExecutionUpdate.self, #"{"type":"execution_update","data":null}"#) == """
            DecodingError.valueNotFound: Expected value of type ExecutionUpdateData but found null instead. Path: data. Debug description: null is not allowed here
            """)
    }

    @Test func aRecordThatIsNotAnObjectSaysWhatItIs() {
        #expect(printed(TaskStepResult.self, "[1]") == """
            DecodingError.typeMismatch: expected value of type TaskStepResult. Debug description: found an array
            """)
        #expect(printed(ExecutionUpdate.self, #"{"type":"execution_update","data":"s"}"#) == """
            DecodingError.typeMismatch: expected value of type ExecutionUpdateData. Path: data. Debug description: found a string
            """)
    }

    @Test func anUnknownEnumValueIsQuotedAndListsTheAllowedValues() {
        #expect(printed(TaskStepResult.self, record(#""status":"failed""#, #""status":"pa\tused""#)) == #"""
            DecodingError.dataCorrupted: Data was corrupted. Path: status. Debug description: "pa\tused" is not a value of TaskStatus; expected one of: pending, running, completed, cancelled, timed_out, failed
            """#)
    }

    @Test func aLegacyValueSaysHowToAcceptIt() {
        #expect(printed(TaskStepResult.self, record(#""status":"failed""#, #""status":"error""#)) == #"""
            DecodingError.dataCorrupted: Data was corrupted. Path: status. Debug description: "error" is a legacy value of TaskStatus (read as "failed"); set userInfo[.contractAcceptsLegacyValues] = true on the decoder to accept it
            """#)
    }

    @Test func aTimestampThatIsNotRFC3339IsQuotedAsTheFastDecoderQuotesIt() throws {
        let text = Self.update.replacingOccurrences(of: #""2026-02-26T10:30:00Z""#, with: #""yesterday""#)
        #expect(printed(ExecutionUpdate.self, text) == #"""
            DecodingError.dataCorrupted: Data was corrupted. Path: data.started_at. Debug description: "yesterday" is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z"
            """#)
        let fast = try #require(throws: RecordError.self) { try ExecutionUpdate(jsonString: text) }
        #expect(fast.message == #""yesterday" is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z""#)
    }

    @Test func noCodableErrorOfAMutatedRecordRepeatsItselfOrDoublesItsFullStop() {
        // Every field of the seed record replaced by every kind of wrong value, and every key removed.
        let keys = ["step", "result", "completed", "message", "status", "error_code", "error_message"]
        let values = ["null", "true", "1", "1.5", "\"x\"", "[]", "{}", "[null]", "\"success\"", "\"E999\""]
        var texts: [String] = ["null", "1", "[]", "\"s\""]
        for key in keys {
            let object = try! JSONValue(jsonString: Self.record).objectValue!
            for value in values {
                var changed = object
                changed[key] = try! JSONValue(jsonString: value)
                texts.append(try! JSONValue.object(changed).jsonString())
            }
            var removed = object
            removed[key] = nil
            texts.append(try! JSONValue.object(removed).jsonString())
        }
        var failures = 0
        for text in texts {
            guard let message = printed(TaskStepResult.self, text) else { continue }
            failures += 1
            #expect(!message.contains(".."), "\(text): \(message)")
            #expect(!message.contains("Underlying error"), "\(text): \(message)")
            #expect(!message.contains("Expected to decode") && !message.contains("Cannot get"), "\(text): \(message)")
            #expect(!message.contains("No value associated"), "\(text): \(message)")
        }
        #expect(failures > 50)
    }
}
