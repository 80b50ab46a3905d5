import ContractSchema

/// The result of loading a schema: the contract (when its structure could be read) and every finding.
public struct SchemaLoadResult: Sendable {
    /// The contract; present when the file's structure could be read, even if lint found errors.
    public var contract: Contract?
    /// Every finding, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Whether the file could not be opened at all (missing, a directory, not readable).
    public var isUnreadable: Bool = false

    /// The keys that were read as schema keywords (for tests that misspell each one).
    var keywordKeys: [YAMLScalar] = []

    /// Whether the contract loaded with no errors (warnings allowed).
    public var isValid: Bool { contract != nil && !diagnostics.containsErrors }
}

/// Loads a schema file: reads the YAML, builds the ``Contract``, then lints it.
public struct SchemaLoader: Sendable {
    /// Bounds on the YAML input.
    public var limits: YAMLLimits
    /// Bounds on error catalogs' patterns and on the work of compiling them and matching codes against them.
    public var patternLimits: CodePatternLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .default, patternLimits: CodePatternLimits = .default) {
        self.limits = limits
        self.patternLimits = patternLimits
    }

    /// Loads the schema at `path`.
    public func load(contentsOf path: String) -> SchemaLoadResult {
        let document = YAMLReader(limits: limits).read(contentsOf: path)
        return load(document, file: path)
    }

    /// Loads a schema held in memory; `file` names it in diagnostics.
    public func load(text: String, file: String) -> SchemaLoadResult {
        load(YAMLReader(limits: limits).read(text: text, file: file), file: file)
    }

    /// Loads schema bytes held in memory; `file` names it in diagnostics.
    public func load(bytes: [UInt8], file: String) -> SchemaLoadResult {
        load(YAMLReader(limits: limits).read(bytes: bytes, file: file), file: file)
    }

    private func load(_ document: YAMLDocument, file: String) -> SchemaLoadResult {
        let reader = SchemaReader()
        var diagnostics = document.diagnostics
        var contract: Contract?
        if let root = document.root {
            let recovery = IndentationRecovery(reader: reader, source: document.source)
            let repaired = recovery.recover(root)
            diagnostics.removeAll { recovery.explainedDuplicates.contains($0) }
            contract = ContractBuilder(reader: reader, file: file, maxTypeDepth: limits.maxTypeDepth).build(repaired)
            if let built = contract {
                contract = Linter(reader: reader, patternLimits: patternLimits).lint(built)
            }
        } else if document.diagnostics.isEmpty {
            reader.error("the schema is empty; a schema is a mapping that starts with `contract:` and `version:`",
                         at: SourceLocation(file: file, line: 1, column: 1))
        }
        diagnostics += reader.diagnostics
        var result = SchemaLoadResult(contract: contract, diagnostics: diagnostics.sortedByPosition(),
                                      isUnreadable: document.isUnreadable)
        result.keywordKeys = reader.keywordKeys
        return result
    }
}

/// Builds the contract's structure from the node tree; references are checked later by the linter.
struct ContractBuilder {
    let reader: SchemaReader
    let file: String
    let maxTypeDepth: Int

    static let topLevelKeys = ["contract", "version", "doc", "lifecycles", "enums", "errors", "models"]

    func build(_ root: YAMLNode) -> Contract? {
        guard case .mapping(let mapping) = root else {
            reader.error("a schema must be a mapping that starts with `contract:` and `version:`, found \(root.kindDescription)",
                         at: root.location)
            return nil
        }
        let top = reader.keyed(mapping, allowed: Self.topLevelKeys, required: ["contract", "version"], what: "the schema")
        var name = ""
        var location = mapping.location
        if let node = top["contract"], let scalar = reader.text(node, what: "`contract`") {
            name = scalar.value
            location = scalar.location
            if !SwiftNaming.isTypeName(name) {
                reader.error("contract name `\(name)` must be UpperCamelCase letters and digits, like `Execution`",
                             at: scalar.location)
            }
        }
        var version = SemanticVersion(major: 0, minor: 0, patch: 0)
        if let node = top["version"], let scalar = reader.text(node, what: "`version`") {
            if let parsed = SemanticVersion(scalar.value) {
                version = parsed
            } else {
                reader.error("version `\(scalar.value)` is not a semantic version like `1.2.0`", at: scalar.location)
            }
        }
        let doc = reader.doc(top["doc"], what: "the contract")
        // A definition that is not a mapping is reported by its builder; its name is kept so that references
        // to it are not reported again.
        var unread: Set<String> = []
        func build<T>(_ section: String, _ what: String, _ make: (YAMLMapping.Entry) -> T?) -> [T] {
            namedSections(top[section], what: what).compactMap { entry in
                let built = make(entry)
                if built == nil { unread.insert(entry.key.value) }
                return built
            }
        }
        let lifecycles = build("lifecycles", "lifecycle") { LifecycleBuilder(reader: reader).build(name: $0.key, node: $0.value) }
        let hasUnreadLifecycle = !unread.isEmpty
        let enums = build("enums", "enum") { EnumBuilder(reader: reader).build(name: $0.key, node: $0.value) }
        let catalogs = build("errors", "error catalog") { ErrorCatalogBuilder(reader: reader).build(name: $0.key, node: $0.value) }
        let models = build("models", "model") {
            ModelBuilder(reader: reader, maxTypeDepth: maxTypeDepth).build(name: $0.key, node: $0.value)
        }
        reader.notes.unreadTypeNames = unread
        reader.notes.hasUnreadLifecycle = hasUnreadLifecycle
        return Contract(name: name, version: version, doc: doc, lifecycles: lifecycles, enums: enums,
                        errorCatalogs: catalogs, models: models, file: file, location: location)
    }

    /// The entries of a `lifecycles:`/`enums:`/`errors:`/`models:` section.
    private func namedSections(_ node: YAMLNode?, what: String) -> [YAMLMapping.Entry] {
        guard let node else { return [] }
        return reader.mappingEntries(node, what: "the \(what)s")
    }
}
