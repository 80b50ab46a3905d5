import ContractRunTracking
import ContractRuntime
import ContractSchema
import ExecutionContracts
import Testing

/// Every pair of states of the four seed lifecycles, allowed or refused exactly as the schema file lists.
@Suite struct LifecycleTransitionTableTests {
    /// A generated lifecycle and the schema file and lifecycle name it comes from.
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let check: @Sendable (ContractSchema.Lifecycle) throws -> Void
        let name: String
        var description: String { "\(name) in \(file)" }

        static func of<Status: ContractLifecycle>(_ type: Status.Type, in file: String) -> Case {
            Case(file: file, check: { try LifecycleTransitionTableTests.compare(Status.self, with: $0) },
                 name: Status.lifecycleName)
        }
    }

    static let seeds: [Case] = [
        .of(TaskStatus.self, in: "execution.yaml"),
        .of(AgentRunStatus.self, in: "agent_run.yaml"),
        .of(ExecutionStatus.self, in: "execution_feed.yaml"),
        .of(SubTaskStatus.self, in: "task_pipeline.yaml"),
    ]

    /// Checks every (from, to) pair of `Status` against the transitions the schema lists.
    static func compare<Status: ContractLifecycle>(_: Status.Type, with schema: ContractSchema.Lifecycle) throws {
        #expect(Status.allCases.map(\.rawValue) == schema.states.map(\.name))
        #expect(Status.initial.rawValue == schema.initial)
        for from in Status.allCases {
            let listed = schema.transitions(from: from.rawValue).map(\.to)
            var seen: Set<String> = []
            #expect(from.allowedTransitions.map(\.rawValue) == listed.filter { seen.insert($0).inserted })
            #expect(from.isTerminal == schema.state(named: from.rawValue)?.isTerminal)
            for to in Status.allCases {
                let allowed = listed.contains(to.rawValue)
                #expect(from.canTransition(to: to) == allowed, "\(from) → \(to)")
                do {
                    #expect(try from.transition(to: to) == to && allowed, "\(from) → \(to) was allowed")
                } catch {
                    #expect(!allowed, "\(from) → \(to) was refused")
                    #expect(error == TransitionError(lifecycle: schema.name, from: from.rawValue, to: to.rawValue,
                                                     allowed: from.allowedTransitions.map(\.rawValue)))
                }
            }
        }
    }

    @Test(arguments: seeds)
    func everyPairOfStatesIsAllowedExactlyWhenTheSchemaListsIt(_ seed: Case) throws {
        try seed.check(try SeedSchemas.lifecycle(seed.name, in: seed.file))
    }

    @Test func aTerminalStateRefusesEvenAMoveToItself() {
        for status in TaskStatus.allCases where status.isTerminal {
            #expect(throws: TransitionError.self) { try status.transition(to: status) }
        }
        #expect(throws: TransitionError.self) { try AgentRunStatus.success.transition(to: .error) }
    }

    @Test func theGeneratedSwitchAgreesWithTheAllowedTransitionsTable() {
        func agree<Status: ContractLifecycle>(_: Status.Type) -> Bool {
            Status.allCases.allSatisfy { from in
                Status.allCases.allSatisfy { to in from.canTransition(to: to) == from.allowedTransitions.contains(to) }
            }
        }
        #expect(agree(TaskStatus.self) && agree(AgentRunStatus.self) && agree(ExecutionStatus.self) && agree(SubTaskStatus.self))
    }

    @Test(arguments: 0...4)
    func aFailedSubTaskIsQueuedWhileRetriesRemainAndBlockedOnceExhausted(retryCount: Int) throws {
        let task = SubTask(id: "t1", parentId: "p1", taskType: .codeGen, status: .failed, inputContext: nil,
                           retryCount: Int64(retryCount), maxRetries: 3, errorCode: .toolError)
        let retriesRemain = retryCount < 3
        #expect(task.status.canTransition(to: .queued, record: task) == retriesRemain)
        #expect(task.status.canTransition(to: .blocked, record: task) == !retriesRemain)
        let next: SubTaskStatus = retriesRemain ? .queued : .blocked
        let refused: SubTaskStatus = retriesRemain ? .blocked : .queued
        #expect(try task.status.transition(to: next, record: task) == next)
        do {
            _ = try task.status.transition(to: refused, record: task)
            Issue.record("FAILED → \(refused) should throw at retry_count \(retryCount)")
        } catch {
            #expect(error.unmetGuard == (retriesRemain ? "retry_count >= max_retries" : "retry_count < max_retries"))
            #expect(error.allowed == ["QUEUED", "BLOCKED"])
        }
    }

    @Test func guardsDoNotOpenMovesTheSchemaDoesNotList() {
        let task = SubTask(id: "t1", parentId: "p1", taskType: .codeGen, status: .running, inputContext: nil)
        for to in SubTaskStatus.allCases where ![.completed, .failed].contains(to) {
            #expect(!task.status.canTransition(to: to, record: task))
            #expect(throws: TransitionError.self) { try task.status.transition(to: to, record: task) }
        }
    }
}
