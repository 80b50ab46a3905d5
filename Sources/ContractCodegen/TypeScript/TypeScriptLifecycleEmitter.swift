import ContractSchema

/// A lifecycle becomes a string-literal union of its states and a same-named `Lifecycle` const: states in schema
/// order with their moves (guarded moves with their compiled guard), terminal outcomes, legacy values and the retry
/// policy.
struct TypeScriptLifecycleEmitter {
    let lifecycle: Lifecycle
    let contract: Contract
    let imports: TypeScriptImports

    func emit(into w: inout TypeScriptWriter) {
        let bullets = lifecycle.states.map { state -> String in
            var bullet = "- " + TypeScriptText.code(state.name)
            if state.isTerminal { bullet += " (terminal" + (state.outcome.map { ", " + $0.rawValue } ?? "") + ")" }
            if let doc = state.doc { bullet += ": " + TypeScriptWriter.paragraphs(doc).joined(separator: " ") }
            return bullet
        }
        w.doc(lifecycle.doc, bullets: bullets)
        TypeScriptUnion.emit(name: lifecycle.name, values: lifecycle.states.map(\.name), into: &w)
        w.line()
        w.doc(constDoc)
        let name = lifecycle.name
        let arguments = [name] + (lifecycle.record.map { [$0] } ?? [])
        TypeScriptText.constDeclaration(
            &w, "export const \(name): \(imports.type("Lifecycle"))<\(arguments.joined(separator: ", "))>",
            callee: imports.value("lifecycle"), typeArguments: arguments)
        w.indented { w in
            w.line("name: \(TypeScriptSyntax.stringLiteral(name)),")
            w.line("initial: \(TypeScriptSyntax.stringLiteral(lifecycle.initial)),")
            w.line("states: [")
            w.indented { w in
                for state in lifecycle.states { emitState(state, into: &w) }
            }
            w.line("],")
            if !lifecycle.legacy.isEmpty {
                let items = lifecycle.legacy.map {
                    "{ value: \(TypeScriptSyntax.stringLiteral($0.value)), state: \(TypeScriptSyntax.stringLiteral($0.state)) }"
                }
                TypeScriptText.wrappedList(&w, open: "legacy: [", items: items, close: "],", oneLineClose: "],")
            }
            if let retry = lifecycle.retry { emitRetry(retry, into: &w) }
        }
        w.line("});")
    }

    private var constDoc: String {
        var doc = "The states and moves of " + TypeScriptText.code(lifecycle.name)
        if !lifecycle.legacy.isEmpty {
            doc += "; legacy values " + TypeScriptText.list(lifecycle.legacy.map { TypeScriptText.code($0.value) })
                + " are read only when asked for"
        }
        doc += "."
        let guarded = lifecycle.transitions.filter { $0.condition != nil }
        if !guarded.isEmpty, let record = lifecycle.record {
            let phrases = guarded.enumerated().map { index, move in
                TypeScriptText.code("\(move.from) → \(move.to)") + (index == 0 ? " is guarded by " : " by ")
                    + TypeScriptText.code(move.condition?.source ?? "")
            }
            doc += " " + TypeScriptText.list(phrases) + ", evaluated when \(TypeScriptText.article(record)) " + TypeScriptText.code(record)
                + " is passed to `canTransition` or `transition`."
        }
        if let retry = lifecycle.retry {
            let policy = retry.policy
            let retries = policy.maxRetries == 1 ? "1 retry" : "\(policy.maxRetries) retries"
            let jitter = policy.jitter == .none ? "no jitter" : "\(policy.jitter.rawValue) jitter"
            doc += " Retry policy: \(retries), \(retry.initialDelayMilliseconds) ms × "
                + "\(TypeScriptSyntax.plainNumber(policy.multiplier))^n up to \(retry.maxDelayMilliseconds) ms, \(jitter)"
            doc += retry.counterField.map { ", counted in " + TypeScriptText.code($0) + "." } ?? "."
        }
        return doc
    }

    private func emitState(_ state: State, into w: inout TypeScriptWriter) {
        let moves = lifecycle.transitions(from: state.name)
        var entries = ["state: " + TypeScriptSyntax.stringLiteral(state.name)]
        if let outcome = state.outcome, state.isTerminal {
            entries.append("outcome: " + TypeScriptSyntax.stringLiteral(outcome.rawValue))
        }
        if moves.allSatisfy({ $0.condition == nil }) {
            if !moves.isEmpty {
                entries.append("moves: [" + moves.map { TypeScriptSyntax.stringLiteral($0.to) }.joined(separator: ", ") + "]")
            }
            let single = "{ " + entries.joined(separator: ", ") + " },"
            if w.indentation.count + single.count <= TypeScriptWriter.width {
                w.line(single)
                return
            }
        }
        w.line("{")
        w.indented { w in
            for entry in entries where !entry.hasPrefix("moves:") { w.line(entry + ",") }
            guard !moves.isEmpty else { return }
            w.line("moves: [")
            w.indented { w in
                for move in moves { w.line(moveEntry(move) + ",") }
            }
            w.line("],")
        }
        w.line("},")
    }

    private func moveEntry(_ move: Transition) -> String {
        let target = TypeScriptSyntax.stringLiteral(move.to)
        guard let condition = move.condition, let recordName = lifecycle.record,
              let record = contract.model(named: recordName) else { return target }
        let compiler = TypeScriptRuleCompiler(model: record, contract: contract, imports: imports, receiver: "record")
        let holds = compiler.compile(condition.expression).code
        return "{ to: \(target), when: \(TypeScriptSyntax.stringLiteral(condition.source)), holds: (record) => \(holds) }"
    }

    private func emitRetry(_ retry: RetryDeclaration, into w: inout TypeScriptWriter) {
        let policy = retry.policy
        var items = [
            "maxRetries: \(policy.maxRetries)", "initialDelayMs: \(retry.initialDelayMilliseconds)",
            "multiplier: \(TypeScriptSyntax.plainNumber(policy.multiplier))",
            "maxDelayMs: \(retry.maxDelayMilliseconds)", "jitter: \(TypeScriptSyntax.stringLiteral(policy.jitter.rawValue))",
        ]
        if let counter = retry.counterField { items.append("counter: " + TypeScriptSyntax.stringLiteral(counter)) }
        TypeScriptText.wrappedList(&w, open: "retry: {", items: items, close: "},", oneLineOpen: "retry: { ",
                                   oneLineClose: " },")
    }
}
