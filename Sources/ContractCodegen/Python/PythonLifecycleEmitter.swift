import ContractSchema

/// A lifecycle becomes a `str` enum of its states with `initial`, `legacy_values`, `is_terminal`, `outcome`,
/// `allowed_transitions`, `can_transition` and `transition`, the private tables they read, and, when its
/// transitions carry guards, `_unmet_guard` evaluating them against the lifecycle's record.
struct PythonLifecycleEmitter {
    let lifecycle: Lifecycle
    let contract: Contract
    let naming: PythonNaming

    private var name: String { naming.type(lifecycle.name) }
    private var transitionsTable: String { "_\(naming.upperSnake(lifecycle.name))_TRANSITIONS" }
    private var outcomesTable: String { "_\(naming.upperSnake(lifecycle.name))_OUTCOMES" }
    /// The table of legacy values; the runtime's `EnumType` reads it too.
    var legacyTable: String { "_\(naming.upperSnake(lifecycle.name))_LEGACY" }

    private func state(_ wire: String) -> String { naming.memberReference(wire, of: lifecycle.name) }

    /// The guarded lifecycle's record model, when some transition has a guard.
    private var guardRecord: Model? {
        guard lifecycle.transitions.contains(where: { $0.condition != nil }), let record = lifecycle.record else { return nil }
        return contract.model(named: record)
    }

    func emit(into w: inout PythonWriter) {
        w.block("class \(name)(str, enum.Enum):") { w in
            w.docstring(lifecycle.doc ?? "The states of the \(lifecycle.name) lifecycle.", closesOnOwnLine: true)
            w.line()
            for state in lifecycle.states {
                w.line("\(naming.member(state.name, of: lifecycle.name)) = \(PythonSyntax.stringLiteral(state.name))")
                w.docstring(state.doc ?? "The ``\(state.name)`` state.")
            }
            w.line()
            w.block("def __str__(self) -> str:") { $0.line("return self.value") }
            w.line()
            w.line("@classmethod")
            w.block("def initial(cls) -> \(name):") { w in
                w.docstring("The state a new record starts in.")
                w.line("return \(state(lifecycle.initial))")
            }
            w.line()
            w.line("@classmethod")
            w.block("def legacy_values(cls) -> typing.Mapping[str, \(name)]:") { w in
                if lifecycle.legacy.isEmpty {
                    w.docstring("Wire values of earlier versions and the states they are read as; none for this lifecycle.")
                    w.line("return {}")
                } else {
                    w.docstring("Wire values of earlier versions and the states they are read as; read only when ``accept_legacy`` is true, never written.")
                    w.line("return \(legacyTable)")
                }
            }
            w.line()
            w.line("@property")
            w.block("def is_terminal(self) -> bool:") { w in
                w.docstring("Whether the record is finished in this state; no transition leaves a terminal state.")
                w.line("return self in \(outcomesTable)")
            }
            w.line()
            w.line("@property")
            w.block("def outcome(self) -> rt.Outcome | None:") { w in
                w.docstring("What reaching this state means; None for a state that is not terminal.")
                w.line("return \(outcomesTable).get(self)")
            }
            w.line()
            w.line("@property")
            w.block("def allowed_transitions(self) -> tuple[\(name), ...]:") { w in
                w.docstring("The states this state may move to, in schema order; empty for a terminal state."
                            + (guardRecord == nil ? "" : " Guards (``when:``) are not evaluated here."))
                w.line("return \(transitionsTable)[self]")
            }
            w.line()
            if let record = guardRecord {
                emitGuardedMoves(record: record, into: &w)
            } else {
                w.block("def can_transition(self, to: \(name)) -> bool:") { w in
                    w.docstring("Whether the schema lists the move to ``to``.")
                    w.line("return to in \(transitionsTable)[self]")
                }
                w.line()
                w.block("def transition(self, to: \(name)) -> \(name):") { w in
                    w.docstring("``to`` if the schema lists the move; otherwise raises ``TransitionError``.")
                    w.line("return rt.checked_transition(\(PythonSyntax.stringLiteral(lifecycle.name)), self, to, \(transitionsTable)[self])")
                }
            }
        }
        w.line()
        w.line()
        emitTables(into: &w)
    }

    private func emitGuardedMoves(record: Model, into w: inout PythonWriter) {
        let recordType = naming.type(record.name)
        w.block("def can_transition(self, to: \(name), *, record: \(recordType) | None = None) -> bool:") { w in
            w.docstring("Whether the schema lists the move to ``to`` and, when ``record`` is given, its guard holds for it.")
            w.block("if to not in \(transitionsTable)[self]:") { $0.line("return False") }
            w.line("return record is None or self._unmet_guard(to, record) is None")
        }
        w.line()
        w.block("def transition(self, to: \(name), *, record: \(recordType) | None = None) -> \(name):") { w in
            w.docstring("``to`` if the schema lists the move and, when ``record`` is given, its guard holds for it; otherwise raises ``TransitionError`` (naming the unmet guard when that is why).")
            w.line("unmet = None if record is None else self._unmet_guard(to, record)")
            w.line("return rt.checked_transition(\(PythonSyntax.stringLiteral(lifecycle.name)), self, to, \(transitionsTable)[self], unmet)")
        }
        w.line()
        let compiler = PythonRuleCompiler(model: record, contract: contract, naming: naming, receiver: "record.")
        w.block("def _unmet_guard(self, to: \(name), record: \(recordType)) -> str | None:") { w in
            w.docstring("The guard (``when:``) of the move to ``to``, as written in the schema, when it does not hold for ``record``; None when it holds or the move has none.")
            for transition in lifecycle.transitions {
                guard let condition = transition.condition else { continue }
                w.block("if self == \(state(transition.from)) and to == \(state(transition.to)):") { w in
                    let holds = compiler.compile(condition.expression).code
                    let source = PythonSyntax.stringLiteral(condition.source)
                    let oneLine = "return None if \(holds) else \(source)"
                    if w.indentation.count + oneLine.count <= PythonWriter.width {
                        w.line(oneLine)
                    } else {
                        w.block("if \(holds):") { $0.line("return None") }
                        w.line("return \(source)")
                    }
                }
            }
            w.line("return None")
        }
    }

    private func emitTables(into w: inout PythonWriter) {
        var targets: [String: [String]] = [:]
        for transition in lifecycle.transitions where !(targets[transition.from]?.contains(transition.to) ?? false) {
            targets[transition.from, default: []].append(transition.to)
        }
        w.line("\(transitionsTable): typing.Final[dict[\(name), tuple[\(name), ...]]] = {")
        w.indented { w in
            for s in lifecycle.states {
                w.list("\(state(s.name)): (", targets[s.name, default: []].map(state), "),", trailingComma: true)
            }
        }
        w.line("}")
        let terminal = lifecycle.states.compactMap { s in s.outcome.map { (s.name, $0) } }
        w.line("\(outcomesTable): typing.Final[dict[\(name), rt.Outcome]] = {" + (terminal.isEmpty ? "}" : ""))
        if !terminal.isEmpty {
            w.indented { w in
                for (s, outcome) in terminal {
                    w.line("\(state(s)): rt.Outcome.\(outcome.rawValue.uppercased()),")
                }
            }
            w.line("}")
        }
        if !lifecycle.legacy.isEmpty {
            w.line("\(legacyTable): typing.Final[typing.Mapping[str, \(name)]] = {")
            w.indented { w in
                for alias in lifecycle.legacy {
                    w.line("\(PythonSyntax.stringLiteral(alias.value)): \(state(alias.state)),")
                }
            }
            w.line("}")
        }
    }
}
