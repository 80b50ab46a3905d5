import ContractSchema

/// Reads one entry of `models:`.
struct ModelBuilder {
    let reader: SchemaReader
    /// How deep `list<…>` and `map<…>` may nest in one field type.
    var maxTypeDepth = YAMLLimits.default.maxTypeDepth

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
        // Counted before the fields are built: a field refused for its own reason is not also "no fields"; nor
        // is a model with an unknown key, which was likely meant as `fields`.
        if let node = keys["fields"], !reader.isUnreadableMapping(node), !keys.hasUnknownKeys, !hasEntries(node) {
            reader.error("\(what) has no fields", at: name.location)
        }
        var rules: [WrittenRule] = []
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
        // Rules join the model once they type-check against its fields (ModelLint).
        let model = Model(name: name.value, doc: reader.doc(keys["doc"], what: what), fields: fields, rules: [],
                          allowsAdditionalKeys: additional == .allow, location: name.location)
        reader.notes.writtenRules[name.location] = rules
        // No fields beside an unknown key: that key may well have been meant as `fields`.
        if keys["fields"].map(reader.isUnreadableMapping) ?? true || fields.isEmpty && keys.hasUnknownKeys {
            reader.notes.unreadFieldLists.insert(name.location)
        }
        reader.notes.unreadFieldNames[name.location] = unreadFields
        return model
    }

    private func hasEntries(_ node: YAMLNode) -> Bool {
        if case .mapping(let m) = node { return !m.entries.isEmpty }
        return false
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
            let type: FieldType
            switch FieldTypeParser.parse(typeText.value, maxDepth: maxTypeDepth) {
            case .success(let parsed):
                type = parsed
            case .failure(.tooDeep):
                reader.error("the type of \(what) nests `list<…>` and `map<…>` more than the limit of \(maxTypeDepth) levels "
                             + "(raise it with --max-type-depth)", at: typeText.location)
                unread.append(entry.key.value)
                return nil
            case .failure(.malformed):
                reader.error("`\(typeText.value)` is not a type; write `string`, `list<string>`, `map<int>` or a type name",
                             at: typeText.location)
                unread.append(entry.key.value)
                return nil
            }
            let nullable = keys["nullable"].flatMap { reader.bool($0, what: "`nullable` of \(what)") } ?? false
            let required = keys["required"].flatMap { reader.bool($0, what: "`required` of \(what)") } ?? true
            let field = Field(name: entry.key.value, doc: reader.doc(keys["doc"], what: what), type: type, isNullable: nullable,
                              isRequired: required, defaultValue: nil, location: entry.key.location,
                              typeLocation: typeText.location)
            reader.notes.defaultNodes[field.location] = keys["default"]
            return field
        }
    }

    private func rule(_ node: YAMLNode, model: String) -> WrittenRule? {
        let what = "a rule of model `\(model)`"
        guard let keys = reader.keyed(node, allowed: Self.ruleKeys, required: ["id", "check"], what: what),
              let idNode = keys["id"], let id = reader.text(idNode, what: "the id of \(what)"),
              let checkNode = keys["check"], let check = reader.text(checkNode, what: "the check of rule `\(id.value)`")
        else { return nil }
        return WrittenRule(id: id, check: check,
                           message: keys["message"].flatMap { reader.text($0, what: "the message of rule `\(id.value)`")?.value },
                           doc: reader.doc(keys["doc"], what: "rule `\(id.value)`"))
    }
}

/// Parses `string`, `list<T>`, `map<T>` and type names, without recursion and with a bound on nesting.
enum FieldTypeParser {
    static let builtins = ["string", "bool", "int", "double", "timestamp", "json"]

    /// Why a type's text is not a type.
    enum Failure: Error {
        /// Not `list<T>`, `map<T>`, a built-in or a type name.
        case malformed
        /// `list<…>` and `map<…>` nest deeper than allowed.
        case tooDeep
    }

    /// The type `text` spells; `list<…>` and `map<…>` may nest at most `maxDepth` levels.
    static func parse(_ text: String, maxDepth: Int = YAMLLimits.default.maxTypeDepth) -> Result<FieldType, Failure> {
        var rest = Substring(text.filter { $0 != " " })
        var wrappers: [(FieldType) -> FieldType] = []
        while true {
            guard let (prefix, wrap) = [("list<", FieldType.list), ("map<", FieldType.map)].first(where: { rest.hasPrefix($0.0) })
            else { break }
            // `utf8.count`, not `count`: counting characters would make deep nesting quadratic.
            guard rest.hasSuffix(">"), rest.utf8.count > prefix.utf8.count + 1 else { return .failure(.malformed) }
            guard wrappers.count < maxDepth else { return .failure(.tooDeep) }
            wrappers.append(wrap)
            rest = rest.dropFirst(prefix.count).dropLast()
        }
        guard let innermost = leaf(rest) else { return .failure(.malformed) }
        return .success(wrappers.reversed().reduce(innermost) { type, wrap in wrap(type) })
    }

    /// A built-in or a type name.
    private static func leaf(_ t: Substring) -> FieldType? {
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
            return .named(String(t))
        }
    }
}
