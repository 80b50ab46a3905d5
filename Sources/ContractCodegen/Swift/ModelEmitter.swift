import ContractSchema

/// A model becomes a struct conforming to `ContractModel`: properties in schema order, a memberwise
/// initializer with the schema's defaults, and `violations()` compiled from the rules.
struct ModelEmitter {
    let model: Model
    let contract: Contract
    let access: String

    private var name: String { model.name }

    /// The Swift expression for a field's default value.
    func defaultLiteral(_ value: DefaultValue, for field: Field) -> String {
        switch value {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return SwiftSyntax.doubleLiteral(d)
        case .string(let s): return SwiftSyntax.stringLiteral(s)
        case .enumValue(let wire):
            guard case .named(let type) = field.type else { return SwiftSyntax.stringLiteral(wire) }
            let member = SwiftSyntax.caseName(wire, in: type, contract: contract)
            return field.isNullable ? SwiftSyntax.optionalCaseRef(member, type: type) : "." + member
        case .emptyList: return "[]"
        case .emptyMap: return "[:]"
        }
    }

    func emit(into w: inout SwiftWriter) {
        w.doc(model.doc ?? "A record of type \(name).")
        let conformances = [SwiftSyntax.std("Sendable"), SwiftSyntax.std("Hashable"), SwiftSyntax.std("Codable"),
                            SwiftSyntax.runtime("ContractModel")]
        w.typeBlock("\(access)struct \(name)", conformances: conformances) { w in
            for field in model.fields {
                w.doc(field.doc ?? "The `\(field.name)` field.")
                w.line("\(access)var \(SwiftSyntax.member(field.name)): \(SwiftSyntax.storedType(of: field))")
            }
            w.line()
            emitInit(into: &w)
            w.line()
            w.doc("The model's name in errors.")
            w.line("\(access)static var modelName: \(SwiftSyntax.std("String")) { \(SwiftSyntax.stringLiteral(name)) }")
            w.line()
            emitViolations(into: &w)
        }
    }

    private func emitInit(into w: inout SwiftWriter) {
        w.doc("Creates a value; omitted arguments take the schema's defaults. Rules are checked by `validate()`, when encoding and when decoding, not here.")
        let parameters = model.fields.map { field in
            let label = SwiftSyntax.member(field.name)
            let defaultValue = field.defaultValue.map { " = " + defaultLiteral($0, for: field) } ?? ""
            return "\(label): \(SwiftSyntax.type(of: field))\(defaultValue)"
        }
        let opener = "\(access)init("
        let limit = SwiftWriter.width - w.indentation.count
        // One line when it fits, else parameters filled greedily onto lines aligned after `init(`.
        var lines = [opener]
        for (index, parameter) in parameters.enumerated() {
            let piece = parameter + (index == parameters.count - 1 ? "" : ",")
            let last = lines[lines.count - 1]
            let isFresh = last == opener || last.allSatisfy { $0 == " " }
            if isFresh {
                lines[lines.count - 1] = last + piece
            } else if last.count + 1 + piece.count + 3 <= limit {
                lines[lines.count - 1] = last + " " + piece
            } else {
                lines.append(String(repeating: " ", count: opener.count) + piece)
            }
        }
        for line in lines.dropLast() { w.line(line) }
        w.block(lines[lines.count - 1] + ")") { w in
            for field in model.fields {
                let member = SwiftSyntax.member(field.name)
                w.line("self.\(member) = \(member)")
            }
        }
    }

    private func emitViolations(into w: inout SwiftWriter) {
        w.doc("Every rule this value breaks, in schema order; empty when the value is valid.")
        if model.rules.isEmpty {
            w.line("\(access)func violations() -> [\(SwiftSyntax.runtime("RuleViolation"))] { [] }")
            return
        }
        // Fields are read through `self.`, so no field can be mistaken for the local `violations`.
        let compiler = RuleCompiler(model: model, contract: contract, receiver: "self.")
        let violation = SwiftSyntax.runtime("RuleViolation")
        w.block("\(access)func violations() -> [\(violation)]") { w in
            w.line("var violations: [\(violation)] = []")
            for rule in model.rules {
                w.comment("\(rule.id): \(rule.source)")
                if let doc = rule.doc { w.comment(doc) }
                let expression = rule.expression
                let fields = expression.referencedFields.map(SwiftSyntax.stringLiteral).joined(separator: ", ")
                let message = rule.message ?? "rule \(rule.id) does not hold"
                // The condition under which the rule is broken, negated at generation time.
                w.block("if \(compiler.compileNegation(expression))") { w in
                    w.line("violations.append(\(violation)(")
                    w.line("    ruleID: \(SwiftSyntax.stringLiteral(rule.id)), fields: [\(fields)],")
                    w.line("    message: \(SwiftSyntax.stringLiteral(message))))")
                }
            }
            w.line("return violations")
        }
    }
}
