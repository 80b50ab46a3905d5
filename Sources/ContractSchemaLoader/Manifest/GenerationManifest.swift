import ContractSchema

/// `contractgen.yaml` at a package root: every schema whose generated code the package checks in, and
/// where. `contractgen check` and `contractgen generate` without arguments read it, so a package with
/// several contracts checks and regenerates all of them with one command:
///
/// ```yaml
/// generated:
///   - { schema: schema/execution.yaml, output: Sources/ExecutionContracts/Generated }
///   - { schema: schema/task_pipeline.yaml, output: Tests/GeneratedCodeTests/Generated, access: internal }
/// ```
public struct GenerationManifest: Sendable, Hashable {
    /// The manifest's file name, looked for in the current directory.
    public static let fileName = "contractgen.yaml"

    /// One schema and where its generated code is checked in.
    public struct Entry: Sendable, Hashable {
        /// The schema file, relative to the manifest.
        public var schema: String
        /// The directory the generated file is written to, relative to the manifest.
        public var output: String
        /// `public`, `package` or `internal`.
        public var access: String
        /// The output language (`swift`).
        public var language: String
        /// Where the entry was written.
        public var location: SourceLocation
    }

    /// The entries, in the order written.
    public var entries: [Entry]

    /// The access levels and languages an entry may name.
    public static let accessLevels = ["public", "package", "internal"]
    public static let languages = ["swift", "typescript", "python"]

    /// Reads the manifest at `path`; nil with the findings when it cannot be used.
    public static func load(contentsOf path: String) -> (manifest: GenerationManifest?, diagnostics: [Diagnostic]) {
        let document = YAMLReader().read(contentsOf: path)
        guard let root = document.root, document.diagnostics.isEmpty else {
            return (nil, document.diagnostics.isEmpty
                ? [.error("\(path) is empty; it lists `generated:` entries with `schema:` and `output:`",
                          at: SourceLocation(file: path, line: 1, column: 1))]
                : document.diagnostics)
        }
        let reader = SchemaReader()
        var entries: [Entry] = []
        if let top = reader.keyed(root, allowed: ["generated"], required: ["generated"], what: "the manifest"),
           let list = top["generated"] {
            if case .sequence(let items) = list {
                entries = items.items.compactMap { entry($0, reader: reader) }
            } else {
                reader.error("`generated` must be a list of `{ schema, output }` entries, found \(list.kindDescription)",
                             at: list.location)
            }
        }
        let diagnostics = reader.diagnostics.sortedByPosition()
        return (diagnostics.containsErrors ? nil : GenerationManifest(entries: entries), diagnostics)
    }

    private static func entry(_ node: YAMLNode, reader: SchemaReader) -> Entry? {
        guard let keys = reader.keyed(node, allowed: ["schema", "output", "access", "language"],
                                      required: ["schema", "output"], what: "an entry of `generated`"),
              let schema = keys["schema"].flatMap({ reader.text($0, what: "`schema`") }),
              let output = keys["output"].flatMap({ reader.text($0, what: "`output`") })
        else { return nil }
        let access = keys["access"].flatMap { value(reader, $0, "an access level", "access levels", among: accessLevels) } ?? "public"
        let language = keys["language"].flatMap { value(reader, $0, "a language", "languages", among: languages) } ?? "swift"
        return Entry(schema: schema.value, output: output.value, access: access, language: language, location: schema.location)
    }

    /// The text of `node` when it is one of `allowed`; otherwise reported with a suggestion or the list.
    /// `noun` comes with its article ("an access level").
    private static func value(_ reader: SchemaReader, _ node: YAMLNode, _ noun: String, _ plural: String,
                              among allowed: [String]) -> String? {
        guard let text = reader.text(node, what: noun) else { return nil }
        guard allowed.contains(text.value) else {
            reader.error("`\(text.value)` is not \(noun)\(Suggestion.hint(for: text.value, among: allowed, noun: plural))",
                         at: text.location)
            return nil
        }
        return text.value
    }
}
