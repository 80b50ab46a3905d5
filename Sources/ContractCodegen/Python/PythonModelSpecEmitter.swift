import ContractSchema

/// A model's field table for the runtime's codecs, below `# MARK: - JSON support`: one `rt.Field` per field
/// in schema order, with the attribute when it differs from the wire name.
struct PythonModelSpecEmitter {
    let model: Model
    let contract: Contract
    let naming: PythonNaming

    func emit(into w: inout PythonWriter) {
        let name = naming.type(model.name)
        let tail = model.allowsAdditionalKeys ? "), allows_additional_keys=True)" : "))"
        if model.fields.isEmpty {
            w.line("\(name)._spec = rt.ModelSpec(\(name), ()" + tail.dropFirst())
            return
        }
        let types = PythonTypes(contract: contract, naming: naming)
        w.line("\(name)._spec = rt.ModelSpec(\(name), (")
        w.indented { w in
            for field in model.fields {
                var arguments = [PythonSyntax.stringLiteral(field.name), types.valueType(field.type)]
                let attribute = naming.attribute(field.name, of: model.name)
                if attribute != field.name { arguments.append("attribute=" + PythonSyntax.stringLiteral(attribute)) }
                if field.isNullable { arguments.append("nullable=True") }
                if !field.isRequired { arguments.append("required=False") }
                w.list("rt.Field(", arguments, "),")
            }
        }
        w.line(tail)
    }
}
