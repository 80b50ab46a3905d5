internal import ContractRuntime
import ContractSchema

/// Reads one entry of `errors:`.
struct ErrorCatalogBuilder {
    let reader: SchemaReader

    static let allowedKeys = ["doc", "pattern", "lifecycle", "codes", "normalize"]
    static let codeKeys = ["name", "category", "retryable", "message", "status", "doc"]

    func build(name: YAMLScalar, node: YAMLNode) -> ErrorCatalog? {
        let what = "error catalog `\(name.value)`"
        guard let keys = reader.keyed(node, allowed: Self.allowedKeys, required: ["codes"], what: what,
                                      owner: name.location) else { return nil }
        let pattern = keys["pattern"].flatMap { reader.text($0, what: "the pattern of \(what)") }
        let lifecycle = keys["lifecycle"].flatMap { reader.text($0, what: "the lifecycle of \(what)") }
        var unreadCodes: [String] = []
        let codes = keys["codes"].map { self.codes($0, catalog: name.value, unread: &unreadCodes) } ?? []
        let normalize = keys["normalize"].flatMap { normalizeTable($0, catalog: name.value) }
        var catalog = ErrorCatalog(name: name.value, doc: reader.doc(keys["doc"], what: what), pattern: pattern?.value,
                                   patternLocation: pattern?.location, lifecycle: lifecycle?.value, codes: codes,
                                   normalize: normalize, location: name.location)
        catalog.lifecycleLocation = lifecycle?.location
        reader.notes.patternScalars[name.location] = pattern
        if keys["codes"].map(reader.isUnreadableMapping) ?? true || codes.isEmpty && keys.hasUnknownKeys {
            reader.notes.unreadCodeLists.insert(name.location)
        }
        reader.notes.unreadCodes[name.location] = unreadCodes
        return catalog
    }

    /// The codes that could be read; the others (reported) are listed in `unread`.
    private func codes(_ node: YAMLNode, catalog: String, unread: inout [String]) -> [ErrorCodeDefinition] {
        reader.mappingEntries(node, what: "the codes of error catalog `\(catalog)`").compactMap { entry in
            let what = "error code `\(entry.key.value)`"
            guard let keys = reader.keyed(entry.value, allowed: Self.codeKeys, required: ["name", "category", "retryable"],
                                          what: what, owner: entry.key.location) else {
                unread.append(entry.key.value)
                return nil
            }
            let name = keys["name"].flatMap { reader.text($0, what: "the name of \(what)") }
            let category = keys["category"].flatMap { reader.choice($0, what: "error category", plural: "error categories", of: ErrorCategory.self) }
            let retryable = keys["retryable"].flatMap { reader.bool($0, what: "`retryable` of \(what)") }
            let message = keys["message"].flatMap { reader.text($0, what: "the message of \(what)")?.value }
            let status = keys["status"].flatMap { reader.text($0, what: "the status of \(what)") }
            guard let name, let category, let retryable else {
                unread.append(entry.key.value)
                return nil
            }
            return ErrorCodeDefinition(code: entry.key.value, name: name.value, category: category, isRetryable: retryable,
                                       message: message, status: status?.value, doc: reader.doc(keys["doc"], what: what),
                                       location: entry.key.location, statusLocation: status?.location)
        }
    }

    private func normalizeTable(_ node: YAMLNode, catalog: String) -> NormalizeTable? {
        let kinds = NormalizeTable.Kind.allCases.map(\.rawValue)
        guard let keys = reader.keyed(node, allowed: kinds, required: ["default"],
                                      what: "the normalize table of error catalog `\(catalog)`") else { return nil }
        var entries: [(kind: NormalizeTable.Kind, code: String, location: SourceLocation)] = []
        for kind in NormalizeTable.Kind.allCases {
            guard let node = keys[kind.rawValue],
                  let code = reader.text(node, what: "the `\(kind.rawValue)` code") else { continue }
            entries.append((kind, code.value, code.location))
        }
        return NormalizeTable(entries: entries, location: keys.location)
    }
}
