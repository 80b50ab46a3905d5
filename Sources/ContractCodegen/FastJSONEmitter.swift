import ContractSchema

/// The strict fast path of a model: `init(jsonReader:options:)`, which decodes against the pull reader
/// without Foundation and without building a tree for known fields, and `writeJSON(to:)`, which writes
/// keys in schema order. Both report problems with the categories `contractgen validate` uses.
struct FastJSONEmitter {
    let model: Model
    let contract: Contract
    let access: String

    /// `ContractRuntime.JSONFields`, which every read and check goes through.
    private let fields = SwiftSyntax.runtime("JSONFields")

    func emit(into w: inout SwiftWriter) {
        w.block("extension \(model.name)") { w in
            w.doc("Reads a value with the strict pull reader: keys may come in any order, "
                  + (model.allowsAdditionalKeys ? "keys that are not fields are skipped (still validated), " : "keys that are not fields are refused, ")
                  + "required keys must be present, types and enum values must match, and every rule must hold. "
                  + "Throws `RecordError`.")
            w.block("\(access)init(jsonReader reader: inout \(SwiftSyntax.runtime("JSONReader")), "
                    + "options: \(SwiftSyntax.runtime("JSONDecodingOptions"))) throws") { w in
                emitDecode(into: &w)
            }
            w.line()
            for (typeName, values) in wireMatchedTypes() {
                w.doc("The `\(typeName)` whose wire value is exactly the bytes of `wire`, found without making a `String`; "
                      + "nil for anything else.")
                let bytes = "\(SwiftSyntax.std("UnsafeBufferPointer"))<\(SwiftSyntax.std("UInt8"))>"
                w.block("private static func \(matcherName(typeName))(_ wire: \(bytes)) -> \(typeName)?") { w in
                    for (wire, caseName) in values {
                        w.line("if \(fields).wire(wire, is: \(SwiftSyntax.stringLiteral(wire))) { return .\(caseName) }")
                    }
                    w.line("return nil")
                }
                w.line()
            }
            w.doc("Writes the value as compact JSON, keys in schema order and nulls explicit; rules are not checked here.")
            w.block("\(access)func writeJSON(to output: inout \(SwiftSyntax.runtime("JSONOutput")))") { w in
                w.line("output.beginObject()")
                for field in model.fields {
                    w.line("output.key(\(SwiftSyntax.stringLiteral(field.name)))")
                    let member = "self." + SwiftSyntax.member(field.name)
                    if field.isNullable {
                        w.line("if let value = \(member) {")
                        w.indented { w in emitWrite("value", field.type, into: &w) }
                        w.line("} else {")
                        w.line("    output.null()")
                        w.line("}")
                    } else {
                        emitWrite(member, field.type, into: &w)
                    }
                }
                w.line("output.endObject()")
            }
        }
    }

    // MARK: Decoding

    /// The closed enums, lifecycles and error catalogs the model's fields read (directly or as list or
    /// map elements), once each in field order, with their wire values and case names.
    private func wireMatchedTypes() -> [(String, [(wire: String, caseName: String)])] {
        var names: [String] = []
        func collect(_ type: FieldType) {
            switch type {
            case .list(let element), .map(let element): collect(element)
            case .named(let name) where wireValues(of: name) != nil && !names.contains(name): names.append(name)
            default: break
            }
        }
        for field in model.fields { collect(field.type) }
        return names.compactMap { name in wireValues(of: name).map { (name, $0) } }
    }

    /// The wire values and case names of a closed enum, lifecycle or error catalog; nil for other types.
    private func wireValues(of name: String) -> [(wire: String, caseName: String)]? {
        switch contract.namedType(name) {
        case .lifecycle(let l)?: l.states.map { ($0.name, SwiftSyntax.member($0.name)) }
        case .enumeration(let e)? where !e.isOpen: e.values.map { ($0.name, SwiftSyntax.member($0.name)) }
        case .errorCatalog(let c)?: c.codes.map { ($0.code, SwiftSyntax.member($0.name)) }
        default: nil
        }
    }

    private func matcherName(_ typeName: String) -> String { "wire" + typeName }

    private func local(_ field: Field) -> String { "_" + (SwiftNaming.memberName(field.name) ?? field.name) }
    private func seen(_ field: Field) -> String { "has" + (SwiftNaming.memberName(field.name).map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? field.name) }

    private func emitDecode(into w: inout SwiftWriter) {
        // A model that refuses unknown keys finds repeated ones with its own locals and flags, so the
        // reader need not remember its keys; one that allows them leaves that to the reader.
        if model.allowsAdditionalKeys {
            w.line("let objectPath = try \(fields).beginModel(&reader, name: Self.modelName)")
        } else {
            w.line("let objectPath = try \(fields).beginModel(&reader, name: Self.modelName, callerChecksDuplicateKeys: true)")
        }
        for field in model.fields {
            w.line("var \(local(field)): \(SwiftSyntax.type(field.type))? = nil")
            if field.isNullable || !field.isRequired { w.line("var \(seen(field)) = false") }
        }
        w.line("while let key = try reader.nextKey() {")
        w.indented { w in
            for (index, field) in model.fields.enumerated() {
                w.line("\(index == 0 ? "if" : "} else if") key.matches(\(SwiftSyntax.stringLiteral(field.name))) {")
                w.indented { w in
                    if !model.allowsAdditionalKeys {
                        let repeated = field.isNullable || !field.isRequired ? seen(field) : "\(local(field)) != nil"
                        w.line("if \(repeated) { throw reader.duplicateKeyError() }")
                    }
                    if field.isNullable || !field.isRequired { w.line("\(seen(field)) = true") }
                    if case .json = field.type, !field.isNullable {
                        w.line("\(local(field)) = try \(fields).json(&reader)")
                    } else if field.isNullable {
                        w.line("if try !reader.readNullIfPresent() {")
                        w.line("    \(local(field)) = \(read(field.type))")
                        w.line("}")
                    } else {
                        w.line("if try reader.readNullIfPresent() {")
                        w.line("    throw \(fields).nullNotAllowed(\(SwiftSyntax.stringLiteral(describe(field.type))), field: \(SwiftSyntax.stringLiteral(field.name)), reader)")
                        w.line("}")
                        w.line("\(local(field)) = \(read(field.type))")
                    }
                }
            }
            w.line("} else {")
            if model.allowsAdditionalKeys {
                w.line("    try reader.skipValue()")
            } else {
                w.line("    throw \(fields).unknownKey(key, model: Self.modelName, reader)")
            }
            w.line("}")
        }
        w.line("}")
        // Missing keys are reported in schema order, after the whole object was read. Locals that hold
        // references are consumed as they are unwrapped, so they move into the value rather than being
        // retained for it and released at the end.
        var arguments: [String] = []
        for field in model.fields {
            let name = local(field)
            let missing = "\(fields).missingKey(\(SwiftSyntax.stringLiteral(field.name)), model: Self.modelName, path: objectPath)"
            // Escaped: `inout`, `var` and `let` cannot be argument labels as they are.
            let label = SwiftSyntax.member(field.name)
            if field.isRequired && !field.isNullable {
                // `consume` only where it moves a reference; on a bitwise-copyable value it is a warning.
                switch field.type {
                case .string, .json, .list, .map:
                    w.line("guard let \(name) = consume \(name) else { throw \(missing) }")
                default:
                    w.line("guard let \(name) else { throw \(missing) }")
                }
                arguments.append("\(label): \(name)")
            } else if field.isRequired {
                w.line("guard \(seen(field)) else { throw \(missing) }")
                arguments.append("\(label): \(name)")
            } else {
                let fallback = field.defaultValue.map { ModelEmitter(model: model, contract: contract, access: access).defaultLiteral($0, for: field) }
                    ?? "nil"
                arguments.append(field.isNullable ? "\(label): \(seen(field)) ? \(name) : \(fallback)" : "\(label): \(name) ?? \(fallback)")
            }
        }
        w.line("self.init(" + arguments.joined(separator: ", ") + ")")
        w.line("try \(fields).checkRules(self, path: objectPath)")
    }

    /// An expression that reads one non-null value of `type` from `reader`.
    private func read(_ type: FieldType, reader: String = "&reader") -> String {
        switch type {
        case .string: return "try \(fields).string(\(reader))"
        case .bool: return "try \(fields).bool(\(reader))"
        case .int: return "try \(fields).int(\(reader))"
        case .double: return "try \(fields).double(\(reader))"
        case .timestamp: return "try \(fields).timestamp(\(reader))"
        case .json: return "try \(fields).json(\(reader))"
        case .list(let element), .map(let element):
            let function = if case .list = type { "list" } else { "map" }
            let allowsNull = if case .json = element { ", allowsNull: true" } else { "" }
            return "try \(fields).\(function)(\(reader), elementDescription: \(SwiftSyntax.stringLiteral(describe(element)))\(allowsNull)) "
                + "{ (reader: inout \(SwiftSyntax.runtime("JSONReader"))) throws -> \(SwiftSyntax.type(element)) in \(read(element)) }"
        case .named(let name):
            switch contract.namedType(name) {
            case .lifecycle(let l)?:
                let legacy = l.legacy.isEmpty ? "" : ", legacyValues: \(name).legacyValues, acceptsLegacyValues: options.acceptsLegacyValues"
                return "try \(fields).wireValue(\(reader), \(name).self, typeName: \(SwiftSyntax.stringLiteral(name))\(legacy), matching: Self.\(matcherName(name)))"
            case .enumeration(let e)? where e.isOpen:
                return "\(name)(rawValue: try \(fields).string(\(reader)))"
            case .enumeration?, .errorCatalog?:
                return "try \(fields).wireValue(\(reader), \(name).self, typeName: \(SwiftSyntax.stringLiteral(name)), matching: Self.\(matcherName(name)))"
            case .model?:
                return "try \(name)(jsonReader: \(reader), options: options)"
            case nil:
                return "try \(fields).json(\(reader))"
            }
        }
    }

    /// How messages name a value of `type`.
    private func describe(_ type: FieldType) -> String {
        switch type {
        case .string: "a string"
        case .bool: "true or false"
        case .int: "an integer"
        case .double: "a number"
        case .timestamp: "an RFC 3339 timestamp string"
        case .json: "a JSON value"
        case .list: "an array"
        case .map: "an object"
        case .named(let name):
            if case .model? = contract.namedType(name) { "a \(name) object" } else { "a \(name) value (a string)" }
        }
    }

    // MARK: Encoding

    private func emitWrite(_ value: String, _ type: FieldType, into w: inout SwiftWriter) {
        switch type {
        case .string: w.line("output.string(\(value))")
        case .bool: w.line("output.bool(\(value))")
        case .int: w.line("output.int(\(value))")
        case .double: w.line("output.double(\(value))")
        case .timestamp: w.line("output.string(\(SwiftSyntax.runtime("RFC3339Timestamp")).format(\(value)) ?? \"\")")
        case .json: w.line("output.value(\(value))")
        case .list(let element):
            w.line("output.beginArray()")
            w.line("for element in \(value) {")
            w.indented { w in emitWrite("element", element, into: &w) }
            w.line("}")
            w.line("output.endArray()")
        case .map(let element):
            w.line("output.beginObject()")
            w.line("for (key, element) in \(value).sorted(by: { $0.key < $1.key }) {")
            w.indented { w in
                w.line("output.key(key)")
                emitWrite("element", element, into: &w)
            }
            w.line("}")
            w.line("output.endObject()")
        case .named(let name):
            if case .model? = contract.namedType(name) {
                w.line("\(value).writeJSON(to: &output)")
            } else {
                w.line("output.string(\(value).rawValue)")
            }
        }
    }
}
