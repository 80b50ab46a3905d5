import ContractRunTracking
import ContractRuntime
import ExecutionContracts
import Testing

/// TrackedStatus: checked moves and idempotent finishing, one task at a time.
@Suite struct TrackedStatusTests {
    @Test func aNewRecordStartsInTheLifecyclesInitialState() {
        #expect(TrackedStatus<TaskStatus>().current == .pending)
        #expect(TrackedStatus<AgentRunStatus>().current == .queued)
        #expect(TrackedStatus(TaskStatus.running).current == .running)
    }

    @Test func advancingFollowsTheSchema() throws {
        let status = TrackedStatus<TaskStatus>()
        #expect(try status.advance(to: .running) == .running)
        #expect(status.current == .running)
    }

    @Test func aRefusedMoveThrowsAndKeepsTheState() {
        let status = TrackedStatus<TaskStatus>()
        #expect(throws: TransitionError(lifecycle: "TaskStatus", from: "pending", to: "completed", allowed: ["running", "cancelled"])) {
            try status.advance(to: .completed)
        }
        #expect(status.current == .pending)
    }

    @Test func finishingSetsTheTerminalState() throws {
        let status = TrackedStatus(TaskStatus.running)
        #expect(try status.finish(.completed) == .finished(.completed))
        #expect(status.current == .completed)
    }

    @Test func finishingATerminalRecordKeepsTheFirstOutcome() throws {
        let status = TrackedStatus(AgentRunStatus.running)
        #expect(try status.finish(.error) == .finished(.error))
        #expect(try status.finish(.success) == .alreadyFinished(existing: .error))
        #expect(try status.finish(.error) == .alreadyFinished(existing: .error))
        #expect(status.current == .error)
    }

    @Test func finishingInAStateThatIsNotTerminalIsATypedError() {
        let status = TrackedStatus(TaskStatus.running)
        #expect(throws: FinishError.notTerminal(lifecycle: "TaskStatus", state: "pending")) {
            try status.finish(.pending)
        }
        #expect(FinishError.notTerminal(lifecycle: "TaskStatus", state: "running").description
                == "TaskStatus: cannot finish in running; it is not a terminal state")
        #expect(status.current == .running)
    }

    @Test func finishingThroughAMoveTheSchemaDoesNotListIsRefused() {
        let status = TrackedStatus<AgentRunStatus>()
        let refused = TransitionError(lifecycle: "AgentRunStatus", from: "queued", to: "success", allowed: ["running"])
        #expect(throws: FinishError.refused(refused)) { try status.finish(.success) }
        #expect(status.current == .queued)
    }

    @Test func aPendingTaskMayBeCancelledWithoutRunning() throws {
        let status = TrackedStatus<TaskStatus>()
        #expect(try status.finish(.cancelled) == .finished(.cancelled))
    }

    @Test func movingOutOfATerminalStateStillThrows() throws {
        let status = TrackedStatus(TaskStatus.running)
        _ = try status.finish(.timedOut)
        #expect(throws: TransitionError.self) { try status.advance(to: .running) }
        #expect(status.current == .timedOut)
    }

    @Test func aGuardedMoveIsCheckedAgainstTheRecord() throws {
        var task = SubTask(id: "t1", parentId: "p1", taskType: .apiCall, status: .failed, inputContext: nil,
                           retryCount: 3, errorCode: .toolTimeout)
        let status = TrackedStatus(task.status)
        func requeue(_ task: SubTask) throws -> SubTaskStatus {
            try status.advance { current in try current.transition(to: .queued, record: task) }
        }
        #expect(throws: TransitionError.self) { try requeue(task) }
        #expect(status.current == .failed)
        task.retryCount = 2
        #expect(try requeue(task) == .queued)
    }

    @Test func theResultSaysWhoFinished() {
        #expect(FinishResult<TaskStatus>.finished(.failed).didFinish)
        #expect(!FinishResult<TaskStatus>.alreadyFinished(existing: .failed).didFinish)
        #expect(FinishResult<TaskStatus>.alreadyFinished(existing: .failed).status == .failed)
    }
}
