import ContractSchema

/// A field's TypeScript property type and its runtime `TypeSpec` expression.
struct TypeScriptFieldTypes {
    let contract: Contract
    let imports: TypeScriptImports

    /// The property type: `string`, `readonly T[]`, `Readonly<Record<string, T>>`, a schema type, `T | null`.
    func propertyType(_ field: Field) -> String {
        let base = type(field.type)
        return field.isNullable && field.type != .json ? base + " | null" : base
    }

    /// The type of a value of `type`, not null.
    func type(_ type: FieldType) -> String {
        switch type {
        case .string: "string"
        case .bool: "boolean"
        case .int, .double: "number"
        case .timestamp: imports.type("Timestamp")
        case .json: imports.type("JsonValue")
        case .list(let element):
            // `readonly (readonly string[])[]`: an element that is itself an array type needs parentheses.
            elementNeedsParentheses(element) ? "readonly (\(self.type(element)))[]" : "readonly \(self.type(element))[]"
        case .map(let element):
            "\(imports.global("Readonly"))<\(imports.global("Record"))<string, \(self.type(element))>>"
        case .named(let name): name
        }
    }

    private func elementNeedsParentheses(_ type: FieldType) -> Bool {
        if case .list = type { return true }
        return false
    }

    /// The `TypeSpec` the codec table passes to `field`.
    func spec(_ type: FieldType) -> String {
        switch type {
        case .string: imports.value("stringType")
        case .bool: imports.value("boolType")
        case .int: imports.value("intType")
        case .double: imports.value("doubleType")
        case .timestamp: imports.value("timestampType")
        case .json: imports.value("jsonType")
        case .list(let element): "\(imports.value("listType"))(\(spec(element)))"
        case .map(let element): "\(imports.value("mapType"))(\(spec(element)))"
        case .named(let name):
            if contract.model(named: name) != nil {
                "\(imports.value("modelType"))(() => \(imports.names(ofModel: name).table))"
            } else {
                "\(imports.value("enumType"))(\(name))"
            }
        }
    }

    /// A default value as a TypeScript expression.
    static func literal(_ value: DefaultValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): TypeScriptSyntax.doubleLiteral(d)
        case .string(let s), .enumValue(let s): TypeScriptSyntax.stringLiteral(s)
        case .emptyList: "[]"
        case .emptyMap: "{}"
        }
    }
}
