import ContractSchema

/// Reads one entry of `enums:`.
struct EnumBuilder {
    let reader: SchemaReader

    static let allowedKeys = ["doc", "open", "values"]
    static let valueKeys = ["doc"]

    func build(name: YAMLScalar, node: YAMLNode) -> EnumDefinition? {
        let what = "enum `\(name.value)`"
        guard let keys = reader.keyed(node, allowed: Self.allowedKeys, required: ["values"], what: what,
                                      owner: name.location) else { return nil }
        let isOpen = keys["open"].flatMap { reader.bool($0, what: "`open` of \(what)") } ?? false
        var values: [EnumDefinition.Value] = []
        var seen: [String: SourceLocation] = [:]
        var valuesUnread = false
        switch keys["values"] {
        case .sequence(let list)?:
            for item in list.items {
                guard let s = reader.text(item, what: "a value of \(what)") else { continue }
                if let first = seen[s.value] {
                    reader.error("duplicate value `\(s.value)` in \(what)", at: s.location,
                                 notes: [.init(location: first, message: "`\(s.value)` first listed here")])
                    continue
                }
                seen[s.value] = s.location
                values.append(.init(name: s.value, doc: nil, location: s.location))
            }
        case .mapping(let mapping)?:
            for entry in mapping.entries {
                let valueWhat = "value `\(entry.key.value)` of \(what)"
                var doc: String?
                if case .scalar(let s) = entry.value, s.isNull {
                    doc = nil
                } else if let keys = reader.keyed(entry.value, allowed: Self.valueKeys, what: valueWhat) {
                    doc = reader.doc(keys["doc"], what: valueWhat)
                }
                values.append(.init(name: entry.key.value, doc: doc, location: entry.key.location))
            }
        case let node?:
            if case .scalar(let s) = node, s.isNull { break }
            reader.error("the values of \(what) must be a list or a mapping, found \(reader.describe(node))", at: node.location)
            valuesUnread = true
        case nil:
            valuesUnread = true
        }
        let definition = EnumDefinition(name: name.value, doc: reader.doc(keys["doc"], what: what), values: values,
                                        isOpen: isOpen, location: name.location)
        if valuesUnread || values.isEmpty && keys.hasUnknownKeys { reader.notes.unreadEnumValues.insert(name.location) }
        return definition
    }
}
