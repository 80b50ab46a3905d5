import ContractSchema

/// A model becomes its interface (properties are the wire names, every one `readonly` and present), the `XInit`
/// interface with the fields that have a default optional, and `createX`, which fills those defaults in.
struct TypeScriptModelEmitter {
    let model: Model
    let contract: Contract
    let imports: TypeScriptImports

    /// Members of `Object.prototype`: `init.toString` would find the inherited method when the key is left out.
    static let prototypeMembers: Set<String> = [
        "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "__proto__",
    ]

    private var names: TypeScriptModelNames { imports.names(ofModel: model.name) }
    private var types: TypeScriptFieldTypes { TypeScriptFieldTypes(contract: contract, imports: imports) }

    /// Whether `XInit` may leave `field` out: it has a default, or it may be absent on the wire and reads as null.
    static func isOptionalInInit(_ field: Field) -> Bool {
        field.defaultValue != nil || (!field.isRequired && (field.isNullable || field.type == .json))
    }

    func emit(into w: inout TypeScriptWriter) {
        var doc = model.doc
        if model.allowsAdditionalKeys {
            let note = "Keys that are not fields are skipped when reading and never written."
            doc = doc.map { $0 + " " + note } ?? note
        }
        w.doc(doc)
        w.block("export interface \(model.name)") { w in
            for field in model.fields {
                var fieldDoc = field.doc
                if field.type == .int {
                    let note = "An integer within ±(2^53−1)."
                    fieldDoc = fieldDoc.map { $0 + " " + note } ?? note
                }
                w.doc(fieldDoc)
                w.line("readonly \(TypeScriptSyntax.interfaceKey(field.name)): \(types.propertyType(field));")
            }
        }
        w.line()
        w.doc("The fields of a new \(TypeScriptText.code(model.name)); those with a default in the schema may be left out.")
        w.block("export interface \(names.initType)") { w in
            for field in model.fields {
                let optional = Self.isOptionalInInit(field) ? "?" : ""
                w.line("readonly \(TypeScriptSyntax.interfaceKey(field.name))\(optional): \(types.propertyType(field));")
            }
        }
        w.line()
        emitCreate(into: &w)
    }

    private func emitCreate(into w: inout TypeScriptWriter) {
        var doc = "\(TypeScriptText.article(model.name) == "an" ? "An" : "A") \(TypeScriptText.code(model.name)) with the schema's defaults for the fields `init` leaves out."
        if !model.rules.isEmpty {
            doc += " Rules are checked by `\(names.validate)`, `\(names.encode)` and `\(names.parse)`, not here."
        }
        let inherited = model.fields.filter { Self.isOptionalInInit($0) && Self.prototypeMembers.contains($0.name) }
        if let example = inherited.first {
            doc += " (Optional fields named like members of `Object.prototype` are looked up with `Object.hasOwn`, or "
                + "\(TypeScriptText.code(TypeScriptSyntax.member("init", example.name))) would find the inherited member.)"
        }
        w.doc(doc)
        let entries = model.fields.map { "\(TypeScriptSyntax.literalKey($0.name)): \(initialValue($0))" }
        w.block("export function \(names.create)(init: \(names.initType)): \(model.name)") { w in
            let single = "return { " + entries.joined(separator: ", ") + " };"
            if w.indentation.count + single.count <= TypeScriptWriter.width {
                w.line(single)
            } else {
                w.line("return {")
                w.indented { w in
                    for entry in entries { w.line(entry + ",") }
                }
                w.line("};")
            }
        }
    }

    /// The expression `createX` gives `field`.
    private func initialValue(_ field: Field) -> String {
        let read = TypeScriptSyntax.member("init", field.name)
        guard Self.isOptionalInInit(field) else { return read }
        let fallback = field.defaultValue.map(TypeScriptFieldTypes.literal) ?? "null"
        // `??` would turn an explicit null into the default, and null is a value of a nullable or json field.
        let keepsNull = field.isNullable || field.type == .json
        let chosen = keepsNull ? "\(read) === undefined ? \(fallback) : \(read)" : "\(read) ?? \(fallback)"
        guard Self.prototypeMembers.contains(field.name) else { return chosen }
        let hasOwn = "\(imports.global("Object")).hasOwn(init, \(TypeScriptSyntax.stringLiteral(field.name)))"
        return keepsNull
            ? "\(hasOwn) && \(read) !== undefined ? \(read) : \(fallback)"
            : "\(hasOwn) ? \(read) ?? \(fallback) : \(fallback)"
    }
}
