import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

/// The execution_update message of schema/execution_feed.yaml (generated internal here).
@Suite struct ExecutionFeedTests {
    static let messageJSON = """
        {"type":"execution_update","data":{"id":7,"execution_type":"agent_test","status":"succeeded",\
        "agent_id":3,"started_at":"2026-02-26T10:30:00Z","output":{"answer":42},"error":null}}
        """

    @Test func theRealtimeMessageRoundTripsWithKeysInSchemaOrder() throws {
        let message = try ExecutionUpdate(jsonString: Self.messageJSON)
        #expect(message.type == .executionUpdate)
        #expect(message.data.executionType == .agentTest)
        #expect(message.data.output == ["answer": 42])
        #expect(try message.jsonString() == Self.messageJSON)
    }

    @Test func anOpenEnumKeepsAnUnknownValueThroughDecodeAndEncode() throws {
        let text = Self.messageJSON.replacingOccurrences(of: "agent_test", with: "batch_import")
            .replacingOccurrences(of: #""agent_id":3"#, with: #""agent_id":null"#)
        let message = try ExecutionUpdate(jsonString: text)
        #expect(message.data.executionType == .unknown("batch_import"))
        #expect(try message.jsonString() == text)
        #expect(try JSONDecoder().decode(ExecutionUpdate.self, from: try JSONEncoder().encode(message)) == message)
    }

    @Test func anOpenEnumListsOnlyKnownCasesAndMapsKnownRawValuesToThem() {
        #expect(ExecutionType.allCases == [.workflow, .agentTest])
        #expect(ExecutionType(rawValue: "workflow") == .workflow)
        #expect(ExecutionType.unknown("x").rawValue == "x")
    }

    @Test func aNestedModelsBrokenRuleFailsTheWholeMessage() {
        let text = Self.messageJSON.replacingOccurrences(of: #""status":"succeeded""#, with: #""status":"pending""#)
        #expect(JSON.decodingFailure(ExecutionUpdate.self, text)?.contains("pending_not_started") == true)
    }

    @Test func eachRuleRejectsItsBrokenCase() {
        let valid = ExecutionUpdateData(id: 1, executionType: .workflow, status: .pending, agentId: nil, startedAt: nil,
                                        output: nil, error: nil)
        #expect(valid.violations().isEmpty)
        func broken(_ change: (inout ExecutionUpdateData) -> Void) -> [String] {
            var value = valid
            change(&value)
            return value.violations().map(\.ruleID)
        }
        #expect(broken { $0.id = 0 } == ["id_positive"])
        #expect(broken { $0.agentId = 0 } == ["agent_id_positive"])
        #expect(broken { $0.executionType = .agentTest } == ["agent_test_has_agent_id"])
        #expect(broken { $0.startedAt = Date() } == ["pending_not_started"])
        #expect(broken { $0.status = .running } == ["started_when_running_or_succeeded"])
        #expect(broken { $0.error = "boom" } == ["error_iff_failed"])
        #expect(broken { $0.output = ["x": 1] } == ["output_only_when_succeeded"])
    }

    @Test func aJSONFieldHoldingJSONNullCountsAsNull() {
        let value = ExecutionUpdateData(id: 1, executionType: .workflow, status: .pending, agentId: nil, startedAt: nil,
                                        output: .null, error: nil)
        #expect(value.violations().isEmpty)
    }

    @Test func pendingMayMoveStraightToFailed() {
        #expect(ExecutionStatus.pending.canTransition(to: .failed))
        #expect(!ExecutionStatus.succeeded.canTransition(to: .failed))
    }
}
