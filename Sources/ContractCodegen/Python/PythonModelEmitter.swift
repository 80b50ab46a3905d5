import ContractSchema

/// A model becomes a frozen, slotted, keyword-only dataclass deriving from `rt.ContractModel`: fields in
/// schema order with the schema's defaults and docs, and `violations()` compiled from the rules.
struct PythonModelEmitter {
    let model: Model
    let contract: Contract
    let naming: PythonNaming

    func emit(into w: inout PythonWriter) {
        w.line("@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)")
        w.block("class \(naming.type(model.name))(rt.ContractModel):") { w in
            w.docstring(model.doc ?? "A record of type \(model.name).", closesOnOwnLine: true)
            if !model.fields.isEmpty { w.line() }
            for field in model.fields {
                let annotation = PythonTypes(contract: contract, naming: naming).annotation(of: field)
                let assigned = defaultExpression(for: field).map { " = " + $0 } ?? ""
                w.line("\(naming.attribute(field.name, of: model.name)): \(annotation)\(assigned)")
                if let doc = field.doc { w.docstring(doc) }
            }
            if !model.rules.isEmpty {
                w.line()
                emitViolations(into: &w)
            }
        }
    }

    /// What follows `=` for a field: its default, and `dataclasses.field(hash=False)` for a field that holds
    /// json or a map (left out of `__hash__` so the model stays hashable); nil when it has neither.
    func defaultExpression(for field: Field) -> String? {
        let unhashable = PythonTypes.isUnhashable(field.type)
        guard let value = field.defaultValue else { return unhashable ? "dataclasses.field(hash=False)" : nil }
        let literal: String
        switch value {
        case .null: literal = "None"
        case .bool(let b): literal = b ? "True" : "False"
        case .int(let i): literal = String(i)
        case .double(let d): literal = PythonSyntax.doubleLiteral(d)
        case .string(let s): literal = PythonSyntax.stringLiteral(s)
        case .enumValue(let wire):
            if case .named(let type) = field.type {
                literal = naming.memberReference(wire, of: type)
            } else {
                literal = PythonSyntax.stringLiteral(wire)
            }
        case .emptyList: literal = "()"
        case .emptyMap: return "dataclasses.field(default_factory=dict, hash=False)"
        }
        return unhashable ? "dataclasses.field(default=\(literal), hash=False)" : literal
    }

    private func emitViolations(into w: inout PythonWriter) {
        let compiler = PythonRuleCompiler(model: model, contract: contract, naming: naming, receiver: "self.")
        w.block("def violations(self) -> list[rt.RuleViolation]:") { w in
            w.docstring("Every rule this value breaks, in schema order; empty when the value is valid.")
            w.line("violations: list[rt.RuleViolation] = []")
            for rule in model.rules {
                w.comment("\(rule.id): \(rule.source)")
                if let doc = rule.doc { w.comment(doc) }
                // The condition under which the rule is broken, negated at generation time.
                let broken = compiler.compileNegation(rule.expression)
                let oneLine = "if \(broken.code):"
                if w.indentation.count + oneLine.count <= PythonWriter.width || broken.operands.count < 2 {
                    w.line(oneLine)
                } else {
                    let keyword = broken.joiner
                    w.line("if (" + broken.operands[0])
                    for operand in broken.operands.dropFirst().dropLast() {
                        w.line("        \(keyword) \(operand)")
                    }
                    w.line("        \(keyword) \(broken.operands[broken.operands.count - 1])):")
                }
                w.indented { w in emitAppend(rule, into: &w) }
            }
            w.line("return violations")
        }
    }

    private func emitAppend(_ rule: Rule, into w: inout PythonWriter) {
        let fields = rule.expression.referencedFields.map(PythonSyntax.stringLiteral)
        let tuple = "(" + fields.joined(separator: ", ") + (fields.count == 1 ? ",)" : ")")
        let id = PythonSyntax.stringLiteral(rule.id)
        let message = PythonSyntax.stringLiteral(rule.message ?? "rule \(rule.id) does not hold")
        let oneLine = "violations.append(rt.RuleViolation(\(id), \(tuple), \(message)))"
        if w.indentation.count + oneLine.count <= PythonWriter.width {
            w.line(oneLine)
            return
        }
        w.line("violations.append(rt.RuleViolation(")
        w.indented { w in
            let arguments = "\(id), \(tuple), \(message)))"
            if w.indentation.count + arguments.count <= PythonWriter.width {
                w.line(arguments)
            } else {
                w.line("\(id), \(tuple),")
                w.line("\(message)))")
            }
        }
    }
}
