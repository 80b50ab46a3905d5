import ContractSchema

/// A lifecycle becomes a `String` enum conforming to `ContractLifecycle`: its cases, the tables the
/// runtime's checks read, strict decoding, and guard evaluation when transitions carry guards.
struct LifecycleEmitter {
    let lifecycle: Lifecycle
    let contract: Contract
    let access: String

    private var name: String { lifecycle.name }

    private func caseRef(_ state: String) -> String { "." + SwiftSyntax.member(state) }

    /// `case .a, .b: value`, one line per group, groups in order of first appearance.
    private func switchLines(_ value: (State) -> String) -> [String] {
        var groups: [(value: String, states: [String])] = []
        var groupIndex: [String: Int] = [:]
        for state in lifecycle.states {
            let v = value(state)
            if let i = groupIndex[v] {
                groups[i].states.append(caseRef(state.name))
            } else {
                groupIndex[v] = groups.count
                groups.append((v, [caseRef(state.name)]))
            }
        }
        return groups.map { "case \($0.states.joined(separator: ", ")): \($0.value)" }
    }

    func emit(into w: inout SwiftWriter) {
        w.doc(lifecycle.doc ?? "The states of the \(name) lifecycle.")
        let conformances = ["String", "Sendable", "Hashable", "CaseIterable", "Codable"].map(SwiftSyntax.std)
            + [SwiftSyntax.runtime("ContractLifecycle")]
        w.typeBlock("\(access)enum \(name)", conformances: conformances) { w in
            for state in lifecycle.states {
                w.doc(state.doc ?? "The `\(state.name)` state.")
                w.line(SwiftSyntax.caseDeclaration(state.name, rawValue: state.name))
            }
            w.line()
            w.doc("The lifecycle's name in errors.")
            w.line("\(access)static var lifecycleName: \(SwiftSyntax.std("String")) { \(SwiftSyntax.stringLiteral(name)) }")
            w.line()
            w.doc("The state a new record starts in.")
            w.line("\(access)static var initial: \(name) { \(caseRef(lifecycle.initial)) }")
            if !lifecycle.legacy.isEmpty {
                w.line()
                w.doc("Wire values of earlier versions and the states they are read as. They are read only when the decoder's `userInfo[.contractAcceptsLegacyValues]` is true, and never written.")
                let pairs = lifecycle.legacy.map { "\(SwiftSyntax.stringLiteral($0.value)): \(caseRef($0.state))" }
                w.line("\(access)static var legacyValues: [\(SwiftSyntax.std("String")): \(name)] { [\(pairs.joined(separator: ", "))] }")
            }
            w.line()
            w.doc("Whether the record is finished in this state; no transition leaves a terminal state.")
            w.block("\(access)var isTerminal: \(SwiftSyntax.std("Bool"))") { w in
                w.switchBlock("self") { w in
                    for l in switchLines({ $0.isTerminal ? "true" : "false" }) { w.line(l) }
                }
            }
            w.line()
            w.doc("The states this state may move to, in schema order; empty for a terminal state. Guards (`when:`) are not evaluated here.")
            var targets: [String: [String]] = [:]
            for transition in lifecycle.transitions {
                targets[transition.from, default: []].append(transition.to)
            }
            w.block("\(access)var allowedTransitions: [\(name)]") { w in
                w.switchBlock("self") { w in
                    for l in switchLines({ state in
                        "[" + targets[state.name, default: []].map(caseRef).joined(separator: ", ") + "]"
                    }) { w.line(l) }
                }
            }
            w.line()
            emitCanTransition(targets: targets, into: &w)
            w.line()
            w.doc("What reaching this state means; nil for a state that is not terminal.")
            w.block("\(access)var outcome: \(SwiftSyntax.runtime("Outcome"))?") { w in
                w.switchBlock("self") { w in
                    for l in switchLines({ $0.outcome.map { "." + $0.rawValue } ?? "nil" }) { w.line(l) }
                }
            }
            w.line()
            w.doc(lifecycle.legacy.isEmpty
                  ? "Decodes a wire value, refusing values that are not states."
                  : "Decodes a wire value, refusing values that are not states and, unless the decoder's `userInfo[.contractAcceptsLegacyValues]` is true, legacy values.")
            w.block("\(access)init(from decoder: any \(SwiftSyntax.std("Decoder"))) throws") { w in
                let legacy = lifecycle.legacy.isEmpty ? "" : ", legacyValues: \(name).legacyValues"
                w.line("self = try decoder.decodeWireValue(\(name).self, typeName: \(name).lifecycleName\(legacy))")
            }
            if let record = lifecycle.record, let model = contract.model(named: record),
               lifecycle.transitions.contains(where: { $0.condition != nil }) {
                emitGuards(record: model, into: &w)
            }
        }
    }

    /// `canTransition(to:)` as a switch over the state and then the target, so the check allocates
    /// nothing; states with the same targets share a case.
    private func emitCanTransition(targets: [String: [String]], into w: inout SwiftWriter) {
        var groups: [(targets: [String], states: [String])] = []
        var groupIndex: [[String]: Int] = [:]
        for state in lifecycle.states {
            var seen: Set<String> = []
            let stateTargets = targets[state.name, default: []].filter { seen.insert($0).inserted }
            if let i = groupIndex[stateTargets] {
                groups[i].states.append(caseRef(state.name))
            } else {
                groupIndex[stateTargets] = groups.count
                groups.append((stateTargets, [caseRef(state.name)]))
            }
        }
        w.doc("Whether the schema lists the move to `next`, without allocating. Guards (`when:`) are not evaluated here.")
        w.block("\(access)func canTransition(to next: \(name)) -> \(SwiftSyntax.std("Bool"))") { w in
            w.switchBlock("self") { w in
                for group in groups {
                    let head = "case \(group.states.joined(separator: ", ")):"
                    if group.targets.isEmpty || group.targets.count == lifecycle.states.count {
                        w.line("\(head) \(!group.targets.isEmpty)")
                        continue
                    }
                    // The inner switch is the case's expression, one level deeper than `case`.
                    w.line(head)
                    w.line("    switch next {")
                    w.line("    case \(group.targets.map(caseRef).joined(separator: ", ")): true")
                    w.line("    default: false")
                    w.line("    }")
                }
            }
        }
    }

    private func emitGuards(record: Model, into w: inout SwiftWriter) {
        let compiler = RuleCompiler(model: record, contract: contract, receiver: "record.")
        w.line()
        w.doc("The guard (`when:`) of the move to `next` as written in the schema, and whether it holds for `record`; nil when the move has no guard.")
        w.block("private func guardCheck(to next: \(name), record: \(record.name)) -> (source: \(SwiftSyntax.std("String")), holds: \(SwiftSyntax.std("Bool")))?") { w in
            w.switchBlock("(self, next)") { w in
                for transition in lifecycle.transitions {
                    guard let condition = transition.condition else { continue }
                    w.line("case (\(caseRef(transition.from)), \(caseRef(transition.to))):")
                    w.line("    (\(SwiftSyntax.stringLiteral(condition.source)), \(compiler.compile(condition.expression)))")
                }
                w.line("default:")
                w.line("    nil")
            }
        }
        w.line()
        w.doc("Whether the schema lists the move to `next` and its guard, if any, holds for `record`. `canTransition(to:)` checks the listing only.")
        w.block("\(access)func canTransition(to next: \(name), record: \(record.name)) -> \(SwiftSyntax.std("Bool"))") { w in
            w.line("self.canTransition(to: next) && self.guardCheck(to: next, record: record)?.holds != false")
        }
        w.line()
        w.doc("`next` if the schema lists the move and its guard, if any, holds for `record`; otherwise throws `TransitionError`.")
        w.block("\(access)func transition(to next: \(name), record: \(record.name)) throws(\(SwiftSyntax.runtime("TransitionError"))) -> \(name)") { w in
            w.line("let moved = try self.transition(to: next)")
            w.block("if let check = self.guardCheck(to: next, record: record), !check.holds") { w in
                w.line("throw self.transitionError(to: next, unmetGuard: check.source)")
            }
            w.line("return moved")
        }
    }
}
