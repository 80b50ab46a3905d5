import ContractRuntime
import Foundation
import Testing

/// The SubTask model and its guarded SubTaskStatus lifecycle of schema/task_pipeline.yaml.
@Suite struct SubTaskTests {
    static let failed = SubTask(id: "t1", parentId: "p1", taskType: .codeGen, status: .failed, inputContext: [:],
                                retryCount: 1, errorCode: .toolTimeout)

    @Test func theInitializerHasTheSchemasDefaults() {
        let task = SubTask(id: "t1", parentId: "p1", taskType: .apiCall, inputContext: nil)
        #expect(task.status == .pending && task.dependencies.isEmpty && task.outputResult == nil)
        #expect(task.retryCount == 0 && task.maxRetries == 3 && task.errorCode == nil)
        #expect(task.violations().isEmpty)
    }

    @Test func aFailedTaskWithRetriesLeftIsQueuedAgainNotBlocked() throws {
        #expect(Self.failed.status.canTransition(to: .queued, record: Self.failed))
        #expect(try Self.failed.status.transition(to: .queued, record: Self.failed) == .queued)
        #expect(!Self.failed.status.canTransition(to: .blocked, record: Self.failed))
    }

    @Test func aFailedTaskWithoutRetriesLeftIsBlockedNotQueued() throws {
        var task = Self.failed
        task.retryCount = 3
        #expect(try task.status.transition(to: .blocked, record: task) == .blocked)
        do {
            _ = try task.status.transition(to: .queued, record: task)
            Issue.record("FAILED → QUEUED should throw when retries are used up")
        } catch {
            #expect(error.unmetGuard == "retry_count < max_retries")
            #expect(error.description == "SubTaskStatus: cannot move from FAILED to QUEUED; the guard `retry_count < max_retries` does not hold")
        }
    }

    @Test func theStructuralCheckIgnoresGuards() {
        var task = Self.failed
        task.retryCount = 3
        #expect(task.status.canTransition(to: .queued))
        #expect(!task.status.canTransition(to: .queued, record: task))
    }

    @Test func unguardedMovesFollowTheSchema() {
        #expect(SubTaskStatus.pending.allowedTransitions == [.splitting])
        #expect(SubTaskStatus.running.allowedTransitions == [.completed, .failed])
        #expect(!SubTaskStatus.completed.canTransition(to: .queued, record: Self.failed))
        #expect(SubTaskStatus.allCases.map(\.rawValue) == ["PENDING", "SPLITTING", "READY", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "BLOCKED"])
    }

    @Test func eachRuleRejectsItsBrokenCase() {
        func broken(_ change: (inout SubTask) -> Void) -> [String] {
            var task = Self.failed
            change(&task)
            return task.violations().map(\.ruleID)
        }
        #expect(broken { _ in } == [])
        #expect(broken { $0.id = "" } == ["id_not_empty"])
        #expect(broken { $0.retryCount = -1 } == ["retry_count_non_negative"])
        #expect(broken { $0.maxRetries = 0 } == ["retry_count_within_max"])
        #expect(broken { $0.maxRetries = -1 } == ["max_retries_non_negative", "retry_count_within_max"])
        #expect(broken { $0.status = .ready } == ["no_retries_before_queued"])
        #expect(broken { $0.errorCode = nil } == ["failed_has_error_code"])
        #expect(broken { $0.status = .completed } == ["completed_has_no_error_code"])
        #expect(broken { $0.outputResult = "done" } == ["output_only_when_completed"])
    }

    @Test func everyKeyIsRequiredOnTheWireEvenWithADefault() {
        let text = #"{"id":"t1","parent_id":"p1","task_type":"API_CALL","status":"PENDING","input_context":{},"output_result":null,"retry_count":0,"max_retries":3,"error_code":null}"#
        #expect(JSON.decodingFailure(SubTask.self, text)?.hasPrefix("missing key 'dependencies'") == true)
    }

    @Test func listsRoundTrip() throws {
        var task = SubTask(id: "t1", parentId: "p1", taskType: .dataRetrieval, inputContext: ["q": "x"])
        task.dependencies = ["t0", "t00"]
        #expect(try SubTask(jsonUTF8Data: try task.jsonUTF8Data()) == task)
    }
}
