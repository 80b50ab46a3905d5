import ContractSchema

/// The strict fast path of a model: `init(jsonReader:options:)`, a loop over the runtime's
/// `JSONModelReader` with one `read` per field, and `writeJSON(to:)`, one `field` call per field. The
/// runtime does the per-field work (types, nulls, repeated and unknown keys, missing keys, rules) and
/// reports problems with the categories `contractgen validate` uses, so the generated code stays one line
/// per field however a field's type nests.
struct FastJSONEmitter {
    let model: Model
    let contract: Contract
    let access: String

    func emit(into w: inout SwiftWriter) {
        w.block("extension \(model.name)") { w in
            emitFields(into: &w)
            w.line()
            w.doc("Reads a value with the strict pull reader: keys may come in any order, "
                  + (model.allowsAdditionalKeys ? "keys that are not fields are skipped (still validated), "
                                                : "keys that are not fields are refused, ")
                  + "required keys must be present, types and enum values must match, and every rule must hold. "
                  + "Throws `RecordError`.")
            w.block("\(access)init(jsonReader reader: inout \(SwiftSyntax.runtime("JSONReader")), "
                    + "options: \(SwiftSyntax.runtime("JSONDecodingOptions"))) throws") { w in
                emitDecode(into: &w)
            }
            w.line()
            w.doc("Writes the value as compact JSON, keys in schema order and nulls explicit; rules are not checked here.")
            w.block("\(access)func writeJSON(to output: inout \(SwiftSyntax.runtime("JSONOutput")))") { w in
                w.line("output.beginObject()")
                for field in model.fields {
                    w.line("output.field(\(SwiftSyntax.stringLiteral(field.name)), self.\(SwiftSyntax.member(field.name)))")
                }
                w.line("output.endObject()")
            }
        }
    }

    /// `private static let jsonFields = ContractRuntime.JSONModelFields([...])`, names wrapped at the width.
    private func emitFields(into w: inout SwiftWriter) {
        w.doc("The wire names in schema order (a field's index is its place here), and which may be absent.")
        var arguments: [String] = []
        let optional = model.fields.indices.filter { !model.fields[$0].isRequired }
        if !optional.isEmpty { arguments.append("optional: [" + optional.map(String.init).joined(separator: ", ") + "]") }
        if model.allowsAdditionalKeys { arguments.append("allowsUnknownKeys: true") }
        let names = model.fields.map { SwiftSyntax.stringLiteral($0.name) }
        let opener = "private static let jsonFields = \(SwiftSyntax.runtime("JSONModelFields"))(["
        let closer = "]" + arguments.map { ", " + $0 }.joined() + ")"
        let oneLine = opener + names.joined(separator: ", ") + closer
        if w.indentation.count + oneLine.count <= SwiftWriter.width {
            w.line(oneLine)
            return
        }
        w.line(opener)
        w.indented { w in
            var current = ""
            for name in names {
                let piece = name + ","
                if !current.isEmpty, w.indentation.count + current.count + 1 + piece.count > SwiftWriter.width {
                    w.line(current)
                    current = piece
                } else {
                    current += current.isEmpty ? piece : " " + piece
                }
            }
            if !current.isEmpty { w.line(current) }
        }
        w.line(closer)
    }

    /// Locals start at the schema's default or a placeholder; `checkPresence` refuses a record that
    /// lacks a required key, so a placeholder never reaches the value.
    private func emitDecode(into w: inout SwiftWriter) {
        w.line("var fields = try \(SwiftSyntax.runtime("JSONModelReader"))(&reader, fields: Self.jsonFields, modelName: Self.modelName)")
        for field in model.fields {
            w.line("var \(local(field)): \(localType(field)) = \(initialValue(field))")
        }
        w.block("while let field = try fields.next(&reader)") { w in
            w.switchBlock("field") { w in
                for (index, field) in model.fields.enumerated() {
                    let cast = needsOptionalLocal(field) ? " as \(SwiftSyntax.type(field.type))" : ""
                    w.line("case \(index): \(local(field)) = try fields.read(&reader, options: options)\(cast)")
                }
                w.line("default: break")
            }
        }
        w.line("try fields.checkPresence(at: reader.path)")
        let arguments = model.fields.map { field in
            var value = local(field)
            // `consume` moves a local that holds references into the value instead of copying it.
            if holdsReferences(field) { value = "consume " + value }
            if needsOptionalLocal(field) { value = "(\(value))!" }
            return "\(SwiftSyntax.member(field.name)): \(value)"
        }
        emitCall("self.init(", arguments, ")", into: &w)
        w.line("try fields.checkRules(self, at: reader.path)")
    }

    /// `head` + arguments + `tail` on one line when it fits, else one argument group per line.
    private func emitCall(_ head: String, _ arguments: [String], _ tail: String, into w: inout SwiftWriter) {
        let oneLine = head + arguments.joined(separator: ", ") + tail
        if w.indentation.count + oneLine.count <= SwiftWriter.width {
            w.line(oneLine)
            return
        }
        var lines = [head]
        for (index, argument) in arguments.enumerated() {
            let piece = argument + (index == arguments.count - 1 ? tail : ",")
            let last = lines[lines.count - 1]
            if last == head || last.allSatisfy({ $0 == " " }) {
                lines[lines.count - 1] = last + piece
            } else if w.indentation.count + last.count + 1 + piece.count <= SwiftWriter.width {
                lines[lines.count - 1] = last + " " + piece
            } else {
                lines.append(String(repeating: " ", count: head.count) + piece)
            }
        }
        lines.forEach { w.line($0) }
    }

    private func local(_ field: Field) -> String { "_" + (SwiftNaming.memberName(field.name) ?? field.name) }

    /// A required, non-null field of a model type has no placeholder value: its local is optional.
    private func needsOptionalLocal(_ field: Field) -> Bool {
        guard field.isRequired, !field.isNullable, case .named(let name) = field.type,
              case .model? = contract.namedType(name) else { return false }
        return true
    }

    private func localType(_ field: Field) -> String {
        SwiftSyntax.type(of: field) + (needsOptionalLocal(field) ? "?" : "")
    }

    /// The schema's default for a field that may be absent; otherwise a placeholder of the field's type.
    private func initialValue(_ field: Field) -> String {
        if let value = field.defaultValue {
            return ModelEmitter(model: model, contract: contract, access: access).defaultLiteral(value, for: field)
        }
        if field.isNullable || needsOptionalLocal(field) { return "nil" }
        switch field.type {
        case .string: return "\"\""
        case .bool: return "false"
        case .int, .double: return "0"
        case .timestamp: return "\(SwiftSyntax.foundation("Date"))(timeIntervalSince1970: 0)"
        case .json: return ".null"
        case .list: return "[]"
        case .map: return "[:]"
        case .named(let name):
            switch contract.namedType(name) {
            case .lifecycle(let l)?: return "." + SwiftSyntax.member(l.initial)
            case .enumeration(let e)? where e.isOpen: return ".unknown(\"\")"
            case .enumeration(let e)?: return "." + SwiftSyntax.member(e.values[0].name)
            case .errorCatalog(let c)?: return "." + SwiftSyntax.member(c.codes[0].name)
            case .model?, nil: return "nil"
            }
        }
    }

    /// Whether the field's value holds references (so moving it saves a retain and a release).
    private func holdsReferences(_ field: Field) -> Bool {
        switch field.type {
        case .string, .json, .list, .map: return true
        case .bool, .int, .double, .timestamp: return false
        case .named(let name):
            switch contract.namedType(name) {
            case .enumeration(let e)?: return e.isOpen
            // A model of only numbers and flags is bitwise-copyable, where `consume` is a warning.
            default: return false
            }
        }
    }
}
