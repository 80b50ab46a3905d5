import ContractSchema

/// Exports each model of a contract as a JSON Schema (draft 2020-12) document.
///
/// Field types map to JSON Schema types (`int` is an `integer` within 64-bit bounds, `timestamp` a
/// string with an RFC 3339 pattern, `json` any value); lifecycles, enums, error catalogs and nested
/// models are `$defs` referenced with `$ref`. Rules are translated where JSON Schema can express them
/// (`allOf`); every rule is also listed under `x-contract-rules` with `expressed: true|false`, so a
/// rule JSON Schema cannot check is documented rather than silently dropped.
public struct JSONSchemaExporter: Sendable {
    /// One exported document.
    public struct Document: Sendable {
        /// The model's name.
        public var model: String
        /// The file name to write it to: `TaskStepResult.schema.json`.
        public var fileName: String
        /// The document.
        public var schema: JSONSchemaValue
    }

    /// The JSON Schema dialect every document declares.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The extension keyword listing every rule with whether the schema expresses it.
    public static let rulesKeyword = "x-contract-rules"

    /// RFC 3339 date-time as the runtime reads it: upper-case `T` and `Z`, 1–9 fraction digits.
    public static let timestampPattern =
        "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"

    /// Creates an exporter.
    public init() {}

    /// One document per model, in source order.
    public func documents(for contract: Contract) -> [Document] {
        contract.models.map { Document(model: $0.name, fileName: "\($0.name).schema.json", schema: document(for: $0, in: contract)) }
    }

    /// The document for `model`: the model's schema with the types it uses under `$defs`.
    public func document(for model: Model, in contract: Contract) -> JSONSchemaValue {
        var members: [JSONSchemaValue.Member] = [
            .init("$schema", .string(Self.dialect)),
            .init("$id", .string("urn:contract:\(contract.name):\(contract.version):\(model.name)")),
        ]
        members += modelSchema(model, root: model.name)
        let defs = referencedTypes(from: model, in: contract).compactMap { name -> JSONSchemaValue.Member? in
            guard let type = contract.namedType(name) else { return nil }
            return .init(name, .object(typeSchema(type, root: model.name)))
        }
        if !defs.isEmpty { members.append(.init("$defs", .object(defs))) }
        return .object(members)
    }

    private func modelSchema(_ model: Model, root: String) -> [JSONSchemaValue.Member] {
        var members: [JSONSchemaValue.Member] = [.init("title", .string(model.name))]
        if let doc = model.doc { members.append(.init("description", .string(doc))) }
        members.append(.init("type", .string("object")))
        members.append(.init("properties", .object(model.fields.map { .init($0.name, fieldSchema($0, root: root)) })))
        members.append(.init("required", .array(model.fields.filter(\.isRequired).map { .string($0.name) })))
        members.append(.init("additionalProperties", .bool(model.allowsAdditionalKeys)))
        let translator = RuleSchemaTranslator(model: model)
        var expressed: [JSONSchemaValue] = []
        var listed: [JSONSchemaValue] = []
        for rule in model.rules {
            var entry: [JSONSchemaValue.Member] = [.init("id", .string(rule.id)), .init("expression", .string(rule.source))]
            if let message = rule.message { entry.append(.init("message", .string(message))) }
            do throws(RuleSchemaTranslator.Inexpressible) {
                expressed.append(try translator.predicate(rule.expression))
                entry.append(.init("expressed", .bool(true)))
            } catch {
                entry.append(.init("expressed", .bool(false)))
                entry.append(.init("note", .string("not expressible in JSON Schema: \(error.reason); validate with contractgen validate or the generated code")))
            }
            listed.append(.object(entry))
        }
        if !expressed.isEmpty { members.append(.init("allOf", .array(expressed))) }
        if !listed.isEmpty { members.append(.init(Self.rulesKeyword, .array(listed))) }
        return members
    }

    private func typeSchema(_ type: NamedType, root: String) -> [JSONSchemaValue.Member] {
        var members: [JSONSchemaValue.Member] = [.init("title", .string(type.name))]
        switch type {
        case .lifecycle(let l):
            if let doc = l.doc { members.append(.init("description", .string(doc))) }
            members.append(.init("type", .string("string")))
            members.append(.init("enum", .array(l.states.map { .string($0.name) })))
            if !l.legacy.isEmpty {
                members.append(.init("$comment", .string("Legacy values, read only on request and never written, are not accepted here: "
                    + l.legacy.map { "\($0.value) (now \($0.state))" }.joined(separator: ", ") + ".")))
            }
        case .enumeration(let e):
            if let doc = e.doc { members.append(.init("description", .string(doc))) }
            members.append(.init("type", .string("string")))
            if e.isOpen {
                members.append(.init("$comment", .string("Open enum: any string is valid, so consumers keep values from newer producers; the known values are listed under examples.")))
                members.append(.init("examples", .array(e.values.map { .string($0.name) })))
            } else {
                members.append(.init("enum", .array(e.values.map { .string($0.name) })))
            }
        case .errorCatalog(let c):
            if let doc = c.doc { members.append(.init("description", .string(doc))) }
            members.append(.init("type", .string("string")))
            members.append(.init("enum", .array(c.codes.map { .string($0.code) })))
        case .model(let m):
            return modelSchema(m, root: root)
        }
        return members
    }

    private func fieldSchema(_ field: Field, root: String) -> JSONSchemaValue {
        var members = valueSchema(field.type, root: root)
        if field.isNullable, field.type != .json {
            if let index = members.firstIndex(where: { $0.key == "type" }), case .string(let t) = members[index].value {
                members[index].value = .array([.string(t), .string("null")])
            } else {
                members = [.init("anyOf", .array([.object(members), .object(["type": .string("null")])]))]
            }
        }
        if let doc = field.doc { members.insert(.init("description", .string(doc)), at: 0) }
        if let value = field.defaultValue { members.append(.init("default", Self.json(value))) }
        return .object(members)
    }

    private func valueSchema(_ type: FieldType, root: String) -> [JSONSchemaValue.Member] {
        switch type {
        case .string: [.init("type", .string("string"))]
        case .bool: [.init("type", .string("boolean"))]
        case .int: [.init("type", .string("integer")), .init("minimum", .int(.min)), .init("maximum", .int(.max))]
        case .double: [.init("type", .string("number"))]
        case .timestamp: [.init("type", .string("string")), .init("format", .string("date-time")),
                          .init("pattern", .string(Self.timestampPattern))]
        // Any JSON value, null included.
        case .json: []
        case .list(let element): [.init("type", .string("array")), .init("items", .object(valueSchema(element, root: root)))]
        case .map(let element): [.init("type", .string("object")),
                                 .init("additionalProperties", .object(valueSchema(element, root: root)))]
        case .named(let name): [.init("$ref", .string(name == root ? "#" : "#/$defs/\(name)"))]
        }
    }

    /// Names of the types `model` uses, directly or through nested models, in first-use order.
    private func referencedTypes(from model: Model, in contract: Contract) -> [String] {
        var seen: [String] = []
        var queue = [model]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for field in current.fields {
                for name in Self.names(in: field.type) where name != model.name && !seen.contains(name) {
                    seen.append(name)
                    if let nested = contract.model(named: name) { queue.append(nested) }
                }
            }
        }
        return seen
    }

    private static func names(in type: FieldType) -> [String] {
        switch type {
        case .list(let t), .map(let t): names(in: t)
        case .named(let n): [n]
        default: []
        }
    }

    /// A default value as JSON.
    static func json(_ value: DefaultValue) -> JSONSchemaValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s), .enumValue(let s): .string(s)
        case .emptyList: .array([])
        case .emptyMap: .object([])
        }
    }
}
