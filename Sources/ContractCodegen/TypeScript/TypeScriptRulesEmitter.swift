import ContractSchema

/// A model's rules become `xViolations(value)`, one `if` per rule on the negation of its check in schema order, and
/// `validateX(value)`, which throws `ValidationFailure` for the violations.
struct TypeScriptRulesEmitter {
    let model: Model
    let contract: Contract
    let imports: TypeScriptImports

    func emit(into w: inout TypeScriptWriter) {
        let names = imports.names(ofModel: model.name)
        let violation = imports.type("RuleViolation")
        w.doc("Every rule `value` breaks, in schema order; empty when the value is valid.")
        if model.rules.isEmpty {
            w.block("export function \(names.violations)(_value: \(model.name)): \(violation)[]") { w in
                w.line("return [];")
            }
        } else {
            w.block("export function \(names.violations)(value: \(model.name)): \(violation)[]") { w in
                w.line("const violations: \(violation)[] = [];")
                let compiler = TypeScriptRuleCompiler(model: model, contract: contract, imports: imports, receiver: "value")
                for rule in model.rules { emitRule(rule, compiler: compiler, into: &w) }
                w.line("return violations;")
            }
        }
        w.line()
        w.doc("Throws `ValidationFailure` listing every rule `value` breaks.")
        w.block("export function \(names.validate)(value: \(model.name)): void") { w in
            w.line("\(imports.value("throwIfViolated"))(\(TypeScriptSyntax.stringLiteral(model.name)), \(names.violations)(value));")
        }
    }

    private func emitRule(_ rule: Rule, compiler: TypeScriptRuleCompiler, into w: inout TypeScriptWriter) {
        w.comment("\(rule.id): \(rule.source)")
        if let doc = rule.doc { w.comment(doc) }
        let condition = compiler.compileNegation(rule.expression)
        emitIf(condition, into: &w)
        w.indented { w in
            let id = "ruleId: " + TypeScriptSyntax.stringLiteral(rule.id)
            let fields = "fields: [" + rule.expression.referencedFields.map(TypeScriptSyntax.stringLiteral)
                .joined(separator: ", ") + "]"
            let message = "message: " + TypeScriptSyntax.stringLiteral(rule.message ?? "the record breaks rule \(rule.id): \(rule.source)")
            let single = "violations.push({ \(id), \(fields), \(message) });"
            let twoLines = "violations.push({ \(id), \(fields),"
            if w.indentation.count + single.count <= TypeScriptWriter.width {
                w.line(single)
            } else if rule.expression.referencedFields.count == 1, w.indentation.count + twoLines.count <= TypeScriptWriter.width,
                      w.indentation.count + 4 + message.count + 4 <= TypeScriptWriter.width {
                w.line(twoLines)
                w.line("    \(message) });")
            } else {
                w.line("violations.push({")
                w.indented { w in
                    w.line("\(id), \(fields),")
                    w.line(message + ",")
                }
                w.line("});")
            }
        }
        w.line("}")
    }

    /// `if (condition) {`, breaking a long `&&`/`||` chain or comparison before its operators onto continuation lines.
    private func emitIf(_ condition: TypeScriptRuleCompiler.Compiled, into w: inout TypeScriptWriter) {
        let single = "if (\(condition.code)) {"
        guard w.indentation.count + single.count > TypeScriptWriter.width, condition.parts.count > 1 else {
            w.line(single)
            return
        }
        let op = String(condition.joiner.drop { $0 == " " })
        let width = TypeScriptWriter.width - w.indentation.count
        var lines: [String] = []
        var current = "if (" + condition.parts[0]
        for part in condition.parts.dropFirst() {
            if current.count + 1 + op.count + part.count <= width - (lines.isEmpty ? 0 : 4) - 3 {
                current += " " + op + part
            } else {
                lines.append(current)
                current = op + part
            }
        }
        lines.append(current + ") {")
        for (index, text) in lines.enumerated() {
            w.line(index == 0 ? text : "    " + text)
        }
    }
}
