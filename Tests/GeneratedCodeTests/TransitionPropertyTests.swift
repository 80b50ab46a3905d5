import ContractRunTracking
import ContractRuntime
import ContractSchema
import ExecutionContracts
import PropertyTesting
import Testing

/// The generated lifecycles and `TrackedStatus` against a plain reference: a set of (from, to) pairs
/// read from the seed schema, and a state variable. Random sequences of moves, finishes and checks
/// must get the same answers, the same errors and leave the same state.
@Suite struct TransitionPropertyTests {
    /// The reference lifecycle: which pairs the schema lists, which states are terminal.
    struct Reference {
        let edges: Set<[String]>
        let terminal: Set<String>
        let allowedInOrder: [String: [String]]

        init(_ schema: ContractSchema.Lifecycle) {
            edges = Set(schema.transitions.map { [$0.from, $0.to] })
            terminal = Set(schema.states.filter(\.isTerminal).map(\.name))
            var allowed: [String: [String]] = [:]
            for t in schema.transitions where !(allowed[t.from]?.contains(t.to) ?? false) { allowed[t.from, default: []].append(t.to) }
            allowedInOrder = allowed
        }

        func refusal(_ lifecycle: String, _ from: String, _ to: String) -> TransitionError {
            TransitionError(lifecycle: lifecycle, from: from, to: to, allowed: allowedInOrder[from] ?? [])
        }
    }

    /// One random walk: each step checks a pair, advances or finishes, on both the generated type and the reference.
    static func walk<Status: ContractLifecycle>(_: Status.Type, _ reference: Reference, using random: inout SplitMix64) throws {
        let name = Status.lifecycleName
        let tracked = TrackedStatus<Status>()
        var current = Status.initial.rawValue
        for _ in 0..<random.int(in: 1...40) {
            let next = random.pick(Status.allCases)
            let listed = reference.edges.contains([current, next.rawValue])
            let from = try #require(Status(rawValue: current))
            try #require(from.canTransition(to: next) == listed, "\(current) → \(next)")
            switch random.int(in: 0...2) {
            case 0:
                do {
                    try #require(try from.transition(to: next) == next && listed, "\(current) → \(next) was allowed")
                } catch let error as TransitionError {
                    try #require(!listed && error == reference.refusal(name, current, next.rawValue), "\(error)")
                }
            case 1:
                do {
                    try #require(try tracked.advance(to: next) == next && listed, "advance \(current) → \(next) was allowed")
                    current = next.rawValue
                } catch let error as TransitionError {
                    try #require(!listed && error == reference.refusal(name, current, next.rawValue), "\(error)")
                }
            default:
                let expected: Result<FinishResult<Status>, FinishError>
                if !reference.terminal.contains(next.rawValue) {
                    expected = .failure(.notTerminal(lifecycle: name, state: next.rawValue))
                } else if reference.terminal.contains(current) {
                    expected = .success(.alreadyFinished(existing: from))
                } else if listed {
                    expected = .success(.finished(next))
                    current = next.rawValue
                } else {
                    expected = .failure(.refused(reference.refusal(name, current, next.rawValue)))
                }
                let actual = Result { () throws(FinishError) in try tracked.finish(next) }
                try #require(actual == expected, "finish \(next) from \(from)")
            }
            try #require(tracked.current.rawValue == current)
        }
    }

    /// A generated lifecycle type and the seed schema it comes from.
    struct Seed: Sendable, CustomTestStringConvertible {
        let file: String
        let walk: @Sendable (Reference, inout SplitMix64) throws -> Void
        let name: String
        var testDescription: String { name }

        static func of<Status: ContractLifecycle>(_ type: Status.Type, in file: String) -> Seed {
            Seed(file: file, walk: { try TransitionPropertyTests.walk(Status.self, $0, using: &$1) }, name: Status.lifecycleName)
        }
    }

    @Test(arguments: [
        Seed.of(TaskStatus.self, in: "execution.yaml"),
        Seed.of(AgentRunStatus.self, in: "agent_run.yaml"),
        Seed.of(ExecutionStatus.self, in: "execution_feed.yaml"),
        Seed.of(SubTaskStatus.self, in: "task_pipeline.yaml"),
    ])
    func randomMovesAndFinishesAgreeWithAPlainSetOfEdges(_ seed: Seed) throws {
        let reference = Reference(try SeedSchemas.lifecycle(seed.name, in: seed.file))
        Property.check("\(#function) \(seed.name)", iterations: 300) { random in
            try seed.walk(reference, &random)
        }
    }
}
