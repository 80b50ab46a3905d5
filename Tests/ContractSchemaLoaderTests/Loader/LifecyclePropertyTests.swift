import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import PropertyTesting
import Testing

/// The lifecycle the loader builds from a random schema allows exactly the moves the schema was
/// generated with: compared on every pair of states with a plain set of edges.
@Suite struct LifecyclePropertyTests {
    /// Each lifecycle of a random contract with at least one, paired with the one the loader builds from its schema.
    private static func lifecycles(using random: inout SplitMix64) throws -> [(generated: RandomContract.Lifecycle, loaded: Lifecycle)] {
        let contract = RandomContract(using: &random, minimumLifecycleStates: 1)
        let loaded = try #require(SchemaLoader().load(text: contract.yaml, file: "random.yaml").contract)
        return try contract.lifecycles.map { ($0, try #require(loaded.lifecycle(named: $0.name))) }
    }

    @Test func theLoadedLifecycleAllowsExactlyTheGeneratedMovesOnEveryPairOfStates() {
        Property.check(iterations: 150) { random in
            for (generated, lifecycle) in try Self.lifecycles(using: &random) {
                let edges = Set(generated.edges.map { [$0.from, $0.to] })
                let names = generated.states.map(\.name) + ["not_a_state"]
                for from in names {
                    let listed = lifecycle.transitions(from: from)
                    for to in names {
                        try #require(listed.contains { $0.to == to } == edges.contains([from, to]), "\(generated.name): \(from) → \(to)")
                    }
                }
                try #require(lifecycle.initial == generated.initial)
                try #require(lifecycle.states.map(\.name) == generated.states.map(\.name))
                for state in generated.states {
                    let loadedState = try #require(lifecycle.state(named: state.name))
                    try #require(loadedState.isTerminal == state.isTerminal && loadedState.outcome == state.outcome, "\(state.name)")
                }
            }
        }
    }

    @Test func everyGuardIsKeptOnItsOwnMoveAsTheExpressionItWasGeneratedFrom() {
        Property.check(iterations: 150) { random in
            for (generated, lifecycle) in try Self.lifecycles(using: &random) {
                for edge in generated.edges {
                    let transition = try #require(lifecycle.transitions(from: edge.from).first { $0.to == edge.to })
                    try #require(transition.condition?.expression.shape == edge.guardExpression?.shape,
                                 "\(edge.from) → \(edge.to): \(transition.condition?.source ?? "no guard")")
                }
            }
        }
    }
}
