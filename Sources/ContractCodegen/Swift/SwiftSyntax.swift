import ContractSchema

/// Spelling Swift names, types and literals for schema constructs.
///
/// Generated code names what it uses from the standard library, Foundation and ContractRuntime with
/// its module (`Swift.String`, `ContractRuntime.JSONValue`), as swift-openapi-generator does: the code
/// lands in modules we do not know (the build plugin generates into the consumer's own target), and a
/// type of the same name there or in the schema must not change what the generated code means.
enum SwiftSyntax {
    /// `name` from the standard library: `Swift.name`.
    static func std(_ name: String) -> String { "Swift." + name }

    /// `name` from Foundation: `Foundation.name`.
    static func foundation(_ name: String) -> String { "Foundation." + name }

    /// `name` from ContractRuntime: `ContractRuntime.name`.
    static func runtime(_ name: String) -> String { "ContractRuntime." + name }

    /// A conformance list: `Swift.String, Swift.Sendable, …`.
    static func conformances(_ names: [String]) -> String { names.joined(separator: ", ") }

    /// The escaped lowerCamelCase member name of a wire value or field name.
    static func member(_ wire: String) -> String {
        SwiftNaming.escaped(SwiftNaming.memberName(wire) ?? "_" + wire)
    }

    /// The Swift type of a field type, without optionality.
    static func type(_ type: FieldType) -> String {
        switch type {
        case .string: std("String")
        case .bool: std("Bool")
        case .int: std("Int64")
        case .double: std("Double")
        case .timestamp: foundation("Date")
        case .json: runtime("JSONValue")
        case .list(let element): "[\(self.type(element))]"
        case .map(let element): "[\(std("String")): \(self.type(element))]"
        case .named(let name): name
        }
    }

    /// The Swift type of a field, optional when nullable.
    static func type(of field: Field) -> String {
        type(field.type) + (field.isNullable ? "?" : "")
    }

    /// The type a model's stored property is declared with: ``type(of:)``, with `Swift.Optional<T>` for `T?`.
    /// A property declared `T?` starts as nil before the initializer runs, which then assigns it a second time;
    /// the optimizer (Swift 6.3) did not remove that, and each decoded value of a model with several such fields
    /// was copied whole and the original destroyed (about 2 % of a generated decoder's time on short records).
    /// The spelled-out type has no implicit initial value; it is the same type.
    static func storedType(of field: Field) -> String {
        field.isNullable ? std("Optional") + "<\(type(field.type))>" : type(field.type)
    }

    /// A Swift string literal for `text`.
    static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A Swift literal for a finite double; one with a fraction or exponent, so it stays a double.
    static func doubleLiteral(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "Swift.Double.nan" : (value < 0 ? "-Swift.Double.infinity" : "Swift.Double.infinity") }
        return value.description
    }

    /// The Swift case name of `wire` in the named type `typeName` (error codes are named by `name:`).
    static func caseName(_ wire: String, in typeName: String, contract: Contract) -> String {
        if let catalog = contract.errorCatalog(named: typeName), let code = catalog.code(wire) {
            return member(code.name)
        }
        return member(wire)
    }

    /// `case name` when the Swift name is the raw value, else `case name = "raw"`.
    static func caseDeclaration(_ name: String, rawValue: String) -> String {
        SwiftNaming.memberName(name) == rawValue
            ? "case \(member(name))"
            : "case \(member(name)) = \(stringLiteral(rawValue))"
    }

    /// `.member` where the type is optional, spelled `Type.member` when `.member` would mean
    /// `Optional.none` or `Optional.some`.
    static func optionalCaseRef(_ member: String, type: String) -> String {
        member == "none" || member == "some" ? "\(type).\(member)" : ".\(member)"
    }
}
