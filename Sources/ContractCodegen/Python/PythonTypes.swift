import ContractSchema

/// The Python annotation and the runtime value type (`rt.STRING`, `rt.ListType(...)`) of each field type.
struct PythonTypes {
    let contract: Contract
    let naming: PythonNaming

    /// The annotation of a field: its type, `| None` when nullable (json already includes None).
    func annotation(of field: Field) -> String {
        let base = annotation(field.type)
        if !field.isNullable || field.type == .json { return base }
        return base + " | None"
    }

    /// The annotation of a type; an open enum is `Channel | str`.
    func annotation(_ type: FieldType) -> String {
        switch type {
        case .string: return "str"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .timestamp: return "rt.Timestamp"
        case .json: return "rt.JSONValue"
        case .list(let element): return "tuple[\(annotation(element)), ...]"
        case .map(let element): return "typing.Mapping[str, \(annotation(element))]"
        case .named(let name):
            if let enumeration = contract.enumeration(named: name), enumeration.isOpen {
                return naming.type(name) + " | str"
            }
            return naming.type(name)
        }
    }

    /// The runtime's value type for `type`, as the field table writes it.
    func valueType(_ type: FieldType) -> String {
        switch type {
        case .string: return "rt.STRING"
        case .bool: return "rt.BOOL"
        case .int: return "rt.INT"
        case .double: return "rt.DOUBLE"
        case .timestamp: return "rt.TIMESTAMP"
        case .json: return "rt.JSON"
        case .list(let element): return "rt.ListType(\(valueType(element)))"
        case .map(let element): return "rt.MapType(\(valueType(element)))"
        case .named(let name):
            let python = naming.type(name)
            switch contract.namedType(name) {
            case .model: return "rt.ModelType(lambda: \(python)._spec)"
            case .enumeration(let enumeration) where enumeration.isOpen: return "rt.EnumType(\(python), open=True)"
            case .lifecycle(let lifecycle) where !lifecycle.legacy.isEmpty:
                return "rt.EnumType(\(python), legacy=_\(naming.upperSnake(name))_LEGACY)"
            default: return "rt.EnumType(\(python))"
            }
        }
    }

    /// Whether values of `type` cannot be hashed (json and maps, also inside lists).
    static func isUnhashable(_ type: FieldType) -> Bool {
        switch type {
        case .json, .map: true
        case .list(let element): isUnhashable(element)
        default: false
        }
    }
}
