import ContractRuntime
import ExecutionContracts
import Foundation
import Testing

/// The TaskStatus lifecycle of schema/execution.yaml.
@Suite struct TaskStatusTests {
    static let allowed: [TaskStatus: [TaskStatus]] = [
        .pending: [.running, .cancelled],
        .running: [.completed, .failed, .timedOut, .cancelled],
    ]

    @Test func everyTransitionTheSchemaListsIsAllowed() throws {
        for (from, targets) in Self.allowed {
            for to in targets {
                #expect(from.canTransition(to: to))
                #expect(try from.transition(to: to) == to)
            }
        }
    }

    @Test func everyTransitionTheSchemaDoesNotListThrows() {
        for from in TaskStatus.allCases {
            for to in TaskStatus.allCases where !(Self.allowed[from] ?? []).contains(to) {
                #expect(!from.canTransition(to: to))
                #expect(throws: TransitionError.self) { try from.transition(to: to) }
            }
        }
    }

    @Test func aTerminalStateRefusesEveryMoveAndSaysItIsTerminal() {
        #expect(throws: TransitionError(lifecycle: "TaskStatus", from: "completed", to: "failed", allowed: [])) {
            try TaskStatus.completed.transition(to: .failed)
        }
        let error = TransitionError(lifecycle: "TaskStatus", from: "completed", to: "failed", allowed: [])
        #expect(error.description == "TaskStatus: cannot move from completed to failed; completed is terminal")
    }

    @Test func aRefusedMoveListsTheAllowedTargets() throws {
        do {
            _ = try TaskStatus.pending.transition(to: .completed)
            Issue.record("pending → completed should throw")
        } catch {
            #expect(error.allowed == ["running", "cancelled"])
            #expect(error.description == "TaskStatus: cannot move from pending to completed; allowed: running, cancelled")
        }
    }

    @Test func theTablesMatchTheSchema() {
        #expect(TaskStatus.initial == .pending)
        #expect(TaskStatus.allCases.filter(\.isTerminal) == [.completed, .cancelled, .timedOut, .failed])
        #expect(TaskStatus.completed.outcome == .success)
        #expect(TaskStatus.timedOut.outcome == .timeout)
        #expect(TaskStatus.failed.outcome == .failure)
        #expect(TaskStatus.cancelled.outcome == .cancelled)
        #expect(TaskStatus.running.outcome == nil)
        #expect(TaskStatus.timedOut.rawValue == "timed_out")
        #expect(TaskStatus.running.allowedTransitions == [.completed, .failed, .timedOut, .cancelled])
    }

    @Test func legacyValuesDecodeOnlyWhenAsked() throws {
        #expect(throws: DecodingError.self) { try JSON.decode(TaskStatus.self, #""success""#) }
        #expect(try JSON.decode(TaskStatus.self, #""success""#, legacy: true) == .completed)
        #expect(try JSON.decode(TaskStatus.self, #""error""#, legacy: true) == .failed)
        #expect(TaskStatus(legacyValue: "error") == .failed)
        #expect(TaskStatus(legacyValue: "running") == nil)
    }

    @Test func aRefusedLegacyValueSaysHowToAcceptIt() {
        let message = JSON.decodingFailure(TaskStatus.self, #""success""#)
        #expect(message?.contains("legacy value of TaskStatus") == true)
        #expect(message?.contains("contractAcceptsLegacyValues") == true)
    }

    @Test func anUnknownValueFailsNamingTheAllowedValues() {
        let message = JSON.decodingFailure(TaskStatus.self, #""paused""#)
        #expect(message == #""paused" is not a value of TaskStatus; expected one of: pending, running, completed, cancelled, timed_out, failed"#)
    }

    @Test func encodingWritesTheWireValue() throws {
        #expect(String(decoding: try JSON.encode([TaskStatus.timedOut]), as: UTF8.self) == #"["timed_out"]"#)
    }

    @Test func anExhaustiveSwitchCompilesWithoutADefault() {
        func label(_ status: TaskStatus) -> String {
            switch status {
            case .pending: "waiting"
            case .running: "busy"
            case .completed: "done"
            case .cancelled: "stopped"
            case .timedOut: "late"
            case .failed: "broken"
            }
        }
        #expect(TaskStatus.allCases.map(label) == ["waiting", "busy", "done", "stopped", "late", "broken"])
    }
}
