/// The languages `contractgen generate` writes.
public enum OutputLanguage: String, Sendable, Hashable, CaseIterable {
    /// Swift, for ContractRuntime.
    case swift
    /// TypeScript (ES modules, strict), with the runtime in `runtime/` beside the modules.
    case typescript
    /// Python 3.11 or later, with the runtime in the package `_runtime/` beside the modules.
    case python

    /// The extension of generated files, with its dot.
    public var fileExtension: String {
        switch self {
        case .swift: ".swift"
        case .typescript: ".ts"
        case .python: ".py"
        }
    }

    /// What starts a line comment.
    public var commentPrefix: String {
        switch self {
        case .swift, .typescript: "//"
        case .python: "#"
        }
    }

    /// The module (file) name for a schema file named `base` (without `.yaml`): as it is, except that a
    /// Python module must be an identifier that is not a keyword (`agent-run` → `agent_run`, `2024` → `_2024`,
    /// `class` → `class_`).
    public func moduleName(forBase base: String) -> String {
        guard self == .python else { return base }
        var name = String(base.unicodeScalars.map { scalar -> Character in
            let identifier = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            return identifier ? Character(scalar) : "_"
        })
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "_" + name }
        if PythonNaming.keywords.contains(name) { name += "_" }
        return name
    }

    /// The runtime the generated modules import, as files relative to the output directory; nil for
    /// Swift, whose runtime is the ContractRuntime module.
    public var runtimeFiles: [(path: String, contents: String)]? {
        switch self {
        case .swift: nil
        case .typescript: EmbeddedRuntime.typeScript.map { ("runtime/" + $0.name, $0.contents) }
        case .python: EmbeddedRuntime.python.map { ("_runtime/" + $0.name, $0.contents) }
        }
    }
}
