import ContractSchema

/// Checks one lifecycle: states, initial state, transitions, reachability, dead ends, legacy values,
/// guards and retry policy.
struct LifecycleLint {
    let reader: SchemaReader
    let types: TypeResolver

    func lint(_ lifecycle: Lifecycle) -> Lifecycle {
        var lifecycle = lifecycle
        let what = "lifecycle `\(lifecycle.name)`"
        let names = lifecycle.states.map(\.name)
        if lifecycle.states.isEmpty {
            // Missing or unreadable `states:` was reported already; nothing else can be checked against them.
            if !reader.notes.unreadStates.contains(lifecycle.location) {
                reader.error("\(what) has no states", at: lifecycle.location)
            }
            return lifecycle
        }
        NamingLint(reader: reader).checkMembers(lifecycle.states.map { ($0.name, $0.location) }, of: what,
                                                reserved: SwiftNaming.lifecycleMembers, what: "state")
        for state in lifecycle.states {
            if state.isTerminal && state.outcome == nil && !reader.notes.writtenOutcomes.contains(state.location) {
                reader.error("terminal state `\(state.name)` needs an outcome: success, failure, cancelled or timeout",
                             at: state.location)
            } else if !state.isTerminal, let outcome = state.outcome {
                reader.error("state `\(state.name)` has outcome `\(outcome.rawValue)` but is not terminal; add `terminal: true` or remove the outcome",
                             at: state.location)
            }
        }
        var initial: String?
        if !lifecycle.initial.isEmpty {
            initial = types.resolve(lifecycle.initial, among: names, at: lifecycle.initialLocation,
                                    message: "initial state `\(lifecycle.initial)` is not a state of \(what)", noun: "states")
        }

        // Transitions, with targets recovered from likely typos for the graph checks below.
        var edges: [String: [String]] = [:]
        var seenEdges: [String: SourceLocation] = [:]
        var reportedTerminal: Set<String> = []
        let stateSet = Set(names)
        let terminalStates = Set(lifecycle.states.filter(\.isTerminal).map(\.name))
        // Each source state is resolved (and, when unknown, reported) once, not once per target.
        var resolvedFrom: [String: String?] = [:]
        // A move that could not be read or resolved leaves the graph incomplete: its unreachable states and
        // dead ends would only repeat that finding.
        var graphIsComplete = !reader.notes.incompleteGraphs.contains(lifecycle.location)
        for transition in lifecycle.transitions {
            if resolvedFrom[transition.from] == nil {
                resolvedFrom[transition.from] = .some(stateSet.contains(transition.from) ? transition.from
                    : types.resolve(transition.from, among: names, at: transition.fromLocation,
                                    message: "transition from unknown state `\(transition.from)` in \(what)", noun: "states"))
            }
            guard let from = resolvedFrom[transition.from] ?? nil,
                  let to = stateSet.contains(transition.to) ? transition.to
                    : types.resolve(transition.to, among: names, at: transition.location,
                                    message: "transition to unknown state `\(transition.to)` in \(what)", noun: "states")
            else {
                graphIsComplete = false
                continue
            }
            if terminalStates.contains(from), reportedTerminal.insert(from).inserted {
                reader.error("terminal state `\(from)` has outgoing transitions; a terminal state is final, so remove `terminal: true` or these transitions",
                             at: transition.fromLocation)
            }
            let key = from + "\u{0}" + to
            if let first = seenEdges[key] {
                reader.error("duplicate transition `\(from)` → `\(to)` in \(what)", at: transition.location,
                             notes: [.init(location: first, message: "first listed here")])
            } else {
                seenEdges[key] = transition.location
                edges[from, default: []].append(to)
            }
        }
        if let initial, graphIsComplete {
            checkGraph(lifecycle, initial: initial, edges: edges)
        }
        checkLegacy(lifecycle, names: names)
        lifecycle = checkGuardsAndRetry(lifecycle)
        return lifecycle
    }

    /// Unreachable states and non-terminal dead ends.
    private func checkGraph(_ lifecycle: Lifecycle, initial: String, edges: [String: [String]]) {
        var reached: Set<String> = [initial]
        var queue = [initial]
        while let state = queue.popLast() {
            for next in edges[state, default: []] where reached.insert(next).inserted {
                queue.append(next)
            }
        }
        for state in lifecycle.states {
            if !reached.contains(state.name) {
                reader.error("state `\(state.name)` is unreachable from the initial state `\(initial)`", at: state.location)
            }
            // A state with an outcome but no `terminal: true` was reported; adding that ends this one too.
            if !state.isTerminal && state.outcome == nil && edges[state.name, default: []].isEmpty {
                reader.error("state `\(state.name)` is not terminal but has no transitions out; add transitions or mark it `terminal: true`",
                             at: state.location)
            }
        }
    }

    private func checkLegacy(_ lifecycle: Lifecycle, names: [String]) {
        for alias in lifecycle.legacy {
            if names.contains(alias.value) {
                reader.error("legacy value `\(alias.value)` is a current state of lifecycle `\(lifecycle.name)`; legacy values are old spellings only",
                             at: alias.location)
                continue
            }
            _ = types.resolve(alias.state, among: names, at: alias.stateLocation,
                              message: "legacy value `\(alias.value)` maps to unknown state `\(alias.state)`", noun: "states")
        }
    }

    private func checkGuardsAndRetry(_ lifecycle: Lifecycle) -> Lifecycle {
        var lifecycle = lifecycle
        let what = "lifecycle `\(lifecycle.name)`"
        var record: Model?
        if let name = lifecycle.record {
            let models = types.contract.models.map(\.name)
            record = types.resolve(name, among: models, at: lifecycle.recordLocation ?? lifecycle.location,
                                   message: "the record of \(what), `\(name)`, is not a model", noun: "models",
                                   unread: reader.notes.unreadTypeNames).flatMap(types.contract.model(named:))
        }
        // A guard joins its transition only once it parses and type-checks; one that does not has been
        // reported, and the contract is not valid.
        for i in lifecycle.transitions.indices {
            let transition = lifecycle.transitions[i]
            guard let written = reader.notes.writtenGuards[transition.location] else { continue }
            guard let record else {
                if lifecycle.record == nil {
                    reader.error("the guard on `\(transition.from)` → `\(transition.to)` reads fields, so \(what) needs `record:` naming the model that holds them",
                                 at: written.location)
                }
                continue
            }
            let scope = ModelLint.scope(of: record, types: types)
            let expression = RuleLint(reader: reader).check(
                written.value, at: written.location, style: written.style, scope: scope,
                what: "guard on `\(transition.from)` → `\(transition.to)`",
                typeCheck: !reader.notes.unreadFieldLists.contains(record.location))
            lifecycle.transitions[i].condition = expression.map {
                TransitionGuard(source: written.value, expression: $0, location: written.location)
            }
        }
        if let retry = lifecycle.retry, let counter = retry.counterField {
            if let record {
                if let field = record.field(named: counter) {
                    if field.type != .int || field.isNullable {
                        reader.error("the retry counter `\(counter)` must be a non-null int field of model `\(record.name)`",
                                     at: retry.counterLocation ?? retry.location)
                    }
                } else if !reader.notes.unreadFieldLists.contains(record.location)
                            && !(reader.notes.unreadFieldNames[record.location] ?? []).contains(counter) {
                    let hint = Suggestion.hint(for: counter, among: record.fields.map(\.name), noun: "fields")
                    reader.error("the retry counter `\(counter)` is not a field of model `\(record.name)`\(hint)",
                                 at: retry.counterLocation ?? retry.location)
                }
            } else if lifecycle.record == nil {
                reader.error("the retry counter `\(counter)` is a field, so \(what) needs `record:` naming the model that holds it",
                             at: retry.counterLocation ?? retry.location)
            }
        }
        return lifecycle
    }
}
