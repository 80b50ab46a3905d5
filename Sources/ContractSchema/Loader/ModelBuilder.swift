/// Reads one entry of `models:`.
struct ModelBuilder {
    let reader: SchemaReader

    static let allowedKeys = ["doc", "fields", "rules", "additional_keys"]
    static let fieldKeys = ["type", "nullable", "required", "default", "doc"]
    static let ruleKeys = ["id", "check", "message", "doc"]

    /// How a model treats keys that are not fields.
    enum AdditionalKeys: String, CaseIterable {
        case reject, allow
    }

    func build(name: YAMLScalar, node: YAMLNode) -> Model? {
        let what = "model `\(name.value)`"
        guard let keys = reader.keyed(node, allowed: Self.allowedKeys, required: ["fields"], what: what,
                                      owner: name.location) else { return nil }
        var unreadFields: [String] = []
        let fields = keys["fields"].map { self.fields($0, model: name.value, unread: &unreadFields) } ?? []
        var rules: [Rule] = []
        if let node = keys["rules"] {
            switch node {
            case .sequence(let list):
                rules = list.items.compactMap { rule($0, model: name.value) }
            case .scalar(let s) where s.isNull:
                break
            default:
                reader.error("the rules of \(what) must be a list of `{ id, check }` mappings, found \(node.kindDescription)",
                             at: node.location)
            }
        }
        let additional = keys["additional_keys"].flatMap { reader.choice($0, what: "additional_keys policy", plural: "policies", of: AdditionalKeys.self) }
        var model = Model(name: name.value, doc: reader.doc(keys["doc"], what: what), fields: fields, rules: rules,
                          allowsAdditionalKeys: additional == .allow, location: name.location)
        // No fields beside an unknown key: that key may well have been meant as `fields`.
        model.fieldsUnread = keys["fields"].map(reader.isUnreadableMapping) ?? true || fields.isEmpty && keys.hasUnknownKeys
        model.unreadFieldNames = unreadFields
        return model
    }

    /// The fields that could be read; the names of the others (reported) go to `unread`.
    private func fields(_ node: YAMLNode, model: String, unread: inout [String]) -> [Field] {
        reader.mappingEntries(node, what: "the fields of model `\(model)`").compactMap { entry in
            let what = "field `\(entry.key.value)`"
            if case .scalar(let s) = entry.value, !s.isNull {
                reader.error("\(what) must be a mapping like `{ type: \(s.value) }`", at: s.location)
                unread.append(entry.key.value)
                return nil
            }
            guard let keys = reader.keyed(entry.value, allowed: Self.fieldKeys, required: ["type"], what: what,
                                          owner: entry.key.location),
                  let typeNode = keys["type"], let typeText = reader.text(typeNode, what: "the type of \(what)")
            else {
                unread.append(entry.key.value)
                return nil
            }
            guard let type = FieldTypeParser.parse(typeText.value) else {
                reader.error("`\(typeText.value)` is not a type; write `string`, `list<string>`, `map<int>` or a type name",
                             at: typeText.location)
                unread.append(entry.key.value)
                return nil
            }
            let nullable = keys["nullable"].flatMap { reader.bool($0, what: "`nullable` of \(what)") } ?? false
            let required = keys["required"].flatMap { reader.bool($0, what: "`required` of \(what)") } ?? true
            var field = Field(name: entry.key.value, doc: reader.doc(keys["doc"], what: what), type: type, isNullable: nullable,
                              isRequired: required, defaultValue: nil, location: entry.key.location,
                              typeLocation: typeText.location)
            field.defaultNode = keys["default"]
            return field
        }
    }

    private func rule(_ node: YAMLNode, model: String) -> Rule? {
        let what = "a rule of model `\(model)`"
        guard let keys = reader.keyed(node, allowed: Self.ruleKeys, required: ["id", "check"], what: what),
              let idNode = keys["id"], let id = reader.text(idNode, what: "the id of \(what)"),
              let checkNode = keys["check"], let check = reader.text(checkNode, what: "the check of rule `\(id.value)`")
        else { return nil }
        return Rule(id: id.value, source: check.value, expression: nil,
                    message: keys["message"].flatMap { reader.text($0, what: "the message of rule `\(id.value)`")?.value },
                    doc: reader.doc(keys["doc"], what: "rule `\(id.value)`"), location: id.location,
                    checkLocation: check.location, checkStyle: check.style)
    }
}

/// Parses `string`, `list<T>`, `map<T>` and type names.
enum FieldTypeParser {
    static let builtins = ["string", "bool", "int", "double", "timestamp", "json"]

    static func parse(_ text: String) -> FieldType? {
        let t = text.filter { $0 != " " }
        for (prefix, make) in [("list<", FieldType.list), ("map<", FieldType.map)] where t.hasPrefix(prefix) {
            guard t.hasSuffix(">"), t.count > prefix.count + 1 else { return nil }
            return parse(String(t.dropFirst(prefix.count).dropLast())).map(make)
        }
        switch t {
        case "string": return .string
        case "bool": return .bool
        case "int": return .int
        case "double": return .double
        case "timestamp": return .timestamp
        case "json": return .json
        default:
            guard let first = t.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
                  t.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" })
            else { return nil }
            return .named(t)
        }
    }
}
