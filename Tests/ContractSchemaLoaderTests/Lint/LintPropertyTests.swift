import ContractSchema
import ContractSchemaLoader
import PropertyTesting
import Testing

/// Random schemas that are valid by construction lint with no findings, and each deliberate mistake
/// in one of their lifecycles gives exactly the finding it should, on the line where it is written.
@Suite struct LintPropertyTests {
    /// Every finding of `contract`'s schema text, each paired with the text of the line it points at.
    private static func findings(_ contract: RandomContract) -> [(message: String, line: String)] {
        let yaml = contract.yaml
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        return SchemaLoader().load(text: yaml, file: "random.yaml").diagnostics.map { diagnostic in
            let line = diagnostic.location.map { lines.indices.contains($0.line - 1) ? String(lines[$0.line - 1]) : "" } ?? ""
            return (diagnostic.message, line)
        }
    }

    /// Requires exactly `expected` (message and a word of the line it points at) and nothing else.
    private static func require(_ contract: RandomContract, findExactly expected: [(message: String, onLineWith: String)]) throws {
        let found = findings(contract)
        try #require(found.map(\.message).sorted() == expected.map(\.message).sorted(), "\(contract.yaml)")
        for (message, word) in expected {
            let line = try #require(found.first { $0.message == message }?.line)
            try #require(line.contains(word), "`\(message)` points at `\(line)`")
        }
    }

    @Test func schemasValidByConstructionLintWithNoFindings() {
        Property.check(iterations: 200) { random in
            let contract = RandomContract(using: &random)
            let found = Self.findings(contract)
            try #require(found.isEmpty, "\(found.map(\.message))\n\(contract.yaml)")
        }
    }

    @Test func removingEveryWayIntoAStateMakesItAndOnlyWhatHangsOffItUnreachable() {
        Property.check(iterations: 100) { random in
            var contract = RandomContract(using: &random, minimumLifecycleStates: 2)
            var lifecycle = contract.lifecycles[0]
            let cut = random.pick(lifecycle.states.filter { $0.name != lifecycle.initial }).name
            lifecycle.edges.removeAll { $0.to == cut && $0.from != cut }
            // A state left without an exit gets one elsewhere, so the only mistake is the cut.
            for state in lifecycle.states where !state.isTerminal && !lifecycle.edges.contains(where: { $0.from == state.name }) {
                let target = random.pick(lifecycle.states.filter { $0.name != cut }).name
                lifecycle.edges.append(RandomContract.Edge(from: state.name, to: target))
            }
            contract.lifecycles[0] = lifecycle
            let reachable = lifecycle.reachableStates
            try #require(!reachable.contains(cut))
            try Self.require(contract, findExactly: lifecycle.states.filter { !reachable.contains($0.name) }.map {
                ("state `\($0.name)` is unreachable from the initial state `\(lifecycle.initial)`", "\($0.name):")
            })
        }
    }

    @Test func anExitFromATerminalStateIsReported() {
        Property.check(iterations: 100) { random in
            var contract = RandomContract(using: &random, minimumLifecycleStates: 2)
            let terminal = random.pick(contract.lifecycles[0].states.filter(\.isTerminal)).name
            let target = random.pick(contract.lifecycles[0].states).name
            contract.lifecycles[0].edges.insert(RandomContract.Edge(from: terminal, to: target),
                                                at: random.int(in: 0...contract.lifecycles[0].edges.count))
            try Self.require(contract, findExactly: [
                ("terminal state `\(terminal)` has outgoing transitions; a terminal state is final, so remove `terminal: true` or these transitions",
                 "\(terminal):"),
            ])
        }
    }

    @Test func aTerminalStateWithoutAnOutcomeIsReported() {
        Property.check(iterations: 60) { random in
            var contract = RandomContract(using: &random, minimumLifecycleStates: 2)
            let index = try #require(contract.lifecycles[0].states.indices.filter { contract.lifecycles[0].states[$0].isTerminal }
                .randomElement(using: &random))
            contract.lifecycles[0].states[index].outcome = nil
            let name = contract.lifecycles[0].states[index].name
            try Self.require(contract, findExactly: [
                ("terminal state `\(name)` needs an outcome: success, failure, cancelled or timeout", name),
            ])
        }
    }

    /// "; valid states are `a`, `b`": how lint lists a lifecycle's states (up to ten) when no name is close.
    private static func validStates(_ names: [String]) -> String {
        let shown = names.prefix(10).map { "`\($0)`" }.joined(separator: ", ")
        return "; valid states are \(shown)" + (names.count > 10 ? " and \(names.count - 10) more" : "")
    }

    /// The places a lifecycle state is named, each given a name that is no state.
    enum UnknownStateReference: String, CaseIterable, CustomTestStringConvertible {
        case transitionTarget, transitionSource, initialState, legacyValue, errorCodeStatus

        var testDescription: String { rawValue }
    }

    @Test(arguments: UnknownStateReference.allCases)
    func aReferenceToAStateThatDoesNotExistIsReported(_ reference: UnknownStateReference) {
        Property.check("\(#function) \(reference)", iterations: 40) { random in
            var contract = RandomContract(using: &random, minimumLifecycleStates: 2)
            let lifecycle = contract.lifecycles[0]
            // Far from every generated name, so no "did you mean" recovery turns it into a real state.
            let missing = "zzq_nowhere_\(random.int(in: 0...999))"
            let valid = Self.validStates(lifecycle.states.map(\.name))
            let expected: (message: String, onLineWith: String)
            switch reference {
            case .transitionTarget:
                let from = random.pick(lifecycle.states.filter { !$0.isTerminal }).name
                contract.lifecycles[0].edges.append(RandomContract.Edge(from: from, to: missing))
                expected = ("transition to unknown state `\(missing)` in lifecycle `\(lifecycle.name)`\(valid)", missing)
            case .transitionSource:
                contract.lifecycles[0].edges.append(RandomContract.Edge(from: missing, to: random.pick(lifecycle.states).name))
                expected = ("transition from unknown state `\(missing)` in lifecycle `\(lifecycle.name)`\(valid)", missing)
            case .initialState:
                contract.lifecycles[0].initial = missing
                expected = ("initial state `\(missing)` is not a state of lifecycle `\(lifecycle.name)`\(valid)", missing)
            case .legacyValue:
                contract.lifecycles[0].legacy.append((value: "legacy_zzq", state: missing))
                expected = ("legacy value `legacy_zzq` maps to unknown state `\(missing)`\(valid)", missing)
            case .errorCodeStatus:
                let code = RandomContract.Code(code: "ZZQ1", name: "zzq_error", category: "client", isRetryable: false,
                                               message: nil, status: missing)
                contract.catalogs.append(RandomContract.Catalog(name: "ZzqCodes", pattern: nil, lifecycle: lifecycle.name,
                                                                codes: [code], normalize: nil))
                expected = ("status `\(missing)` of code `ZZQ1` is not a state of lifecycle `\(lifecycle.name)`\(valid)", missing)
            }
            try Self.require(contract, findExactly: [expected])
        }
    }
}

extension RandomContract.Lifecycle {
    /// The reference for reachability: a plain search over the edge list from the initial state.
    var reachableStates: Set<String> {
        var reached: Set<String> = [initial]
        var frontier = [initial]
        while let state = frontier.popLast() {
            for edge in edges where edge.from == state && reached.insert(edge.to).inserted {
                frontier.append(edge.to)
            }
        }
        return reached
    }
}
