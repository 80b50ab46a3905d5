import ContractSchema

/// A model's JSON support: the `xModel` codec table (every field in wire order with its `TypeSpec` and options),
/// `parseX` and `encodeX`.
struct TypeScriptCodecEmitter {
    let model: Model
    let contract: Contract
    let imports: TypeScriptImports

    func emit(into w: inout TypeScriptWriter) {
        let names = imports.names(ofModel: model.name)
        let types = TypeScriptFieldTypes(contract: contract, imports: imports)
        let spec = "\(imports.type("ModelSpec"))<\(model.name)>"
        w.doc("How \(TypeScriptText.code(model.name)) is read and written: its fields in wire order, with their types and defaults.")
        w.line("export const \(names.table): \(spec) = \(imports.value("defineModel"))<\(model.name)>({")
        w.indented { w in
            w.line("name: \(TypeScriptSyntax.stringLiteral(model.name)),")
            if model.allowsAdditionalKeys { w.line("additionalKeys: \"allow\",") }
            w.line("fields: [")
            w.indented { w in
                let field = imports.value("field")
                for f in model.fields {
                    var options: [String] = []
                    if f.isNullable { options.append("nullable: true") }
                    if !f.isRequired { options.append("required: false") }
                    if let value = f.defaultValue { options.append("default: " + TypeScriptFieldTypes.literal(value)) }
                    let suffix = options.isEmpty ? "" : ", { " + options.joined(separator: ", ") + " }"
                    w.line("\(field)(\(TypeScriptSyntax.stringLiteral(f.name)), \(types.spec(f.type))\(suffix)),")
                }
            }
            w.line("],")
            w.line("violations: \(names.violations),")
        }
        w.line("});")
        w.line()
        w.doc(parseDoc)
        let input = "string | " + imports.global("Uint8Array")
        let options = imports.type("ParseOptions")
        w.block("export function \(names.parse)(input: \(input), options?: \(options)): \(model.name)") { w in
            w.line("return \(imports.value("parseRecord"))(\(names.table), input, options);")
        }
        w.line()
        w.doc("`value` as compact JSON, keys in schema order and nulls explicit; throws `RecordError` for a value that is not valid.")
        w.block("export function \(names.encode)(value: \(model.name)): string") { w in
            w.line("return \(imports.value("encodeRecord"))(\(names.table), value);")
        }
    }

    private var parseDoc: String {
        let name = TypeScriptText.code(model.name)
        let extra = model.allowsAdditionalKeys ? "keys that are not fields are skipped" : "keys that are not fields are refused"
        var doc = "Reads \(TypeScriptText.article(model.name)) \(name) from JSON text or UTF-8 bytes, strictly: keys may come in any order, \(extra), required "
            + "keys must be present (nullable ones as explicit null), types and enum values must match"
        doc += model.rules.isEmpty ? "." : ", and every rule must hold."
        let integers = model.fields.filter { $0.type == .int }.map { TypeScriptText.code($0.name) }
        if !integers.isEmpty {
            doc += " " + TypeScriptText.list(integers) + (integers.count == 1 ? " must be an integer" : " must be integers")
                + " within ±(2^53−1) (`number_out_of_range` beyond)."
        }
        return doc + " Throws `RecordError` with the category and path `contractgen validate` reports."
    }
}
