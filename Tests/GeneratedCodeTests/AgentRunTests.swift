import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

/// The AgentRun model and AgentRunStatus lifecycle of schema/agent_run.yaml (generated internal here).
@Suite struct AgentRunTests {
    static let started = Date(timeIntervalSince1970: 1_772_101_800)  // 2026-02-26T10:30:00Z
    static let running = AgentRun(id: "run-1", source: .chat, sourceRef: nil, sessionId: "s-1", status: .running,
                                  startedAt: started, finishedAt: nil, durationMs: nil, errorCode: nil,
                                  errorMessage: nil, metadata: nil)
    static let timedOut = AgentRun(id: "run-2", source: .skill, sourceRef: "summarize", sessionId: nil, status: .timeout,
                                   startedAt: started, finishedAt: started.addingTimeInterval(1.5), durationMs: 1500,
                                   errorCode: .timeout, errorMessage: "The run took too long and timed out.",
                                   metadata: ["retryable": true])

    static let runningJSON = """
        {"id":"run-1","source":"chat","source_ref":null,"session_id":"s-1","status":"running",\
        "started_at":"2026-02-26T10:30:00Z","finished_at":null,"duration_ms":null,"error_code":null,\
        "error_message":null,"metadata":null}
        """

    @Test func transitionsAreExactlyTheSchemas() {
        let allowed: Set<[AgentRunStatus]> = [[.queued, .running], [.running, .success], [.running, .error],
                                              [.running, .timeout], [.running, .canceled]]
        for from in AgentRunStatus.allCases {
            for to in AgentRunStatus.allCases {
                #expect(from.canTransition(to: to) == allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
    }

    @Test func validRunsBreakNoRule() {
        #expect(Self.running.violations().isEmpty)
        #expect(Self.timedOut.violations().isEmpty)
    }

    @Test func eachBrokenRuleIsReported() {
        func broken(_ change: (inout AgentRun) -> Void) -> [String] {
            var run = Self.timedOut
            change(&run)
            return run.violations().map(\.ruleID)
        }
        #expect(broken { $0.id = "" } == ["id_not_empty"])
        #expect(broken { $0.durationMs = -1 } == ["duration_non_negative"])
        #expect(broken { $0.finishedAt = Self.started.addingTimeInterval(-1) } == ["finished_not_before_started"])
        #expect(broken { $0.errorMessage = nil } == ["error_message_iff_error_code"])
        #expect(broken { $0.errorCode = .internalError } == ["timeout_status_iff_timeout_code"])
        #expect(broken { $0.durationMs = nil } == ["duration_iff_finished"])
        #expect(broken { $0.status = .success } == ["error_code_iff_unsuccessful", "timeout_status_iff_timeout_code"])
        #expect(broken { $0.status = .running } == ["finished_iff_terminal", "error_code_iff_unsuccessful", "timeout_status_iff_timeout_code"])
    }

    @Test func timestampsDecodeFromRFC3339AndEncodeBack() throws {
        let run = try AgentRun(jsonString: Self.runningJSON)
        #expect(run == Self.running)
        #expect(try run.jsonString() == Self.runningJSON)
    }

    @Test func fractionalSecondsRoundTrip() throws {
        let text = try Self.timedOut.jsonString()
        #expect(text.contains(#""finished_at":"2026-02-26T10:30:01.5Z""#))
        #expect(try AgentRun(jsonString: text) == Self.timedOut)
    }

    @Test func aBadTimestampFailsToDecode() {
        for bad in ["2026-02-26 10:30:00", "2026-02-26T10:30:00", "1772101800", "2026-02-30T10:30:00Z"] {
            let text = Self.runningJSON.replacingOccurrences(of: "2026-02-26T10:30:00Z", with: bad)
            #expect(JSON.decodingFailure(AgentRun.self, text)?.contains("RFC 3339") == true, "\(bad)")
        }
        let number = Self.runningJSON.replacingOccurrences(of: #""2026-02-26T10:30:00Z""#, with: "1772101800")
        #expect(JSON.decodingFailure(AgentRun.self, number) != nil)
    }

    @Test func anOffsetTimestampIsReadAsTheSameInstant() throws {
        let text = Self.runningJSON.replacingOccurrences(of: "2026-02-26T10:30:00Z", with: "2026-02-26T18:30:00+08:00")
        #expect(try AgentRun(jsonString: text).startedAt == Self.started)
    }

    @Test func aClosedEnumRefusesAnUnknownSource() {
        let text = Self.runningJSON.replacingOccurrences(of: #""source":"chat""#, with: #""source":"cron""#)
        #expect(JSON.decodingFailure(AgentRun.self, text)?.contains("not a value of RunSource") == true)
    }

    @Test func aDoubleWhereAnIntIsExpectedFails() {
        let text = Self.runningJSON.replacingOccurrences(of: #""duration_ms":null"#, with: #""duration_ms":1.5"#)
        #expect(JSON.decodingFailure(AgentRun.self, text) != nil)
    }
}
