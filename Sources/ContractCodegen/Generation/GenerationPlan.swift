import Foundation

/// Which file each schema becomes and what its header says, decided before anything is written, so
/// that two schemas can never silently write the same file.
public struct GenerationPlan: Sendable {
    /// One schema and the file generated from it.
    public struct Entry: Sendable, Hashable {
        /// The schema file as given (what to read).
        public var schemaFile: String
        /// The schema relative to its package root, as the header names it.
        public var schemaPath: String
        /// The generated file's name (`execution.swift`).
        public var outputName: String
        /// Where the generated file goes: the output directory as given, then `outputName`.
        public var outputFile: String
        /// How the header says the file is regenerated.
        public var provenance: GenerationProvenance
    }

    /// Why a set of schemas cannot be generated into one directory.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Two or more schemas map to the same output file (compared without case, as macOS and
        /// Windows file systems do).
        case clashingOutputs(outputFile: String, schemas: [String])
        /// The same schema file is named more than once.
        case repeatedSchema(String)
        /// A schema's file name leaves nothing to name the output after (`.yaml`).
        case noOutputName(String)
        /// A schema's module would take a name the package beside it uses (`_runtime.py`, `__init__.py` for Python).
        case reservedOutputName(schema: String, name: String)

        public var description: String {
            switch self {
            case let .clashingOutputs(outputFile, schemas):
                let names = schemas.map { "`\($0)`" }
                return "\(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") would all be written to "
                    + "`\(outputFile)`; generate them into different directories (one --output each) or rename a schema"
            case let .repeatedSchema(schema):
                return "the schema `\(schema)` is named more than once"
            case let .noOutputName(schema):
                return "the schema `\(schema)` has no file name to name the generated file after"
            case let .reservedOutputName(schema, name):
                return "the schema `\(schema)` would be generated as `\(name)`, a name the package beside the modules already uses; rename the schema"
            }
        }
    }

    /// The entries, in the order the schemas were given.
    public let entries: [Entry]

    /// Plans generating `schemas` into `outputDirectory`, for the build plugin when `buildPlugin` is true.
    /// Throws when two schemas would write one file, before anything is read or written.
    public init(schemas: [String], outputDirectory: String, language: OutputLanguage = .swift,
                buildPlugin: Bool = false, currentDirectory: String = FileManager.default.currentDirectoryPath,
                isPackageRoot: (String) -> Bool = PackagePath.containsPackageManifest) throws(Problem) {
        let current = PackagePath(currentDirectory, currentDirectory: "/")
        let output = PackagePath(outputDirectory, currentDirectory: currentDirectory)
        var entries: [Entry] = []
        var seenSchemas: Set<PackagePath> = []
        for schema in schemas {
            let path = PackagePath(schema, currentDirectory: currentDirectory)
            guard seenSchemas.insert(path).inserted else { throw .repeatedSchema(schema) }
            guard let name = Self.outputName(for: schema, language: language) else { throw .noOutputName(schema) }
            // The runtime package and the package's own `__init__.py` sit beside Python modules.
            if language == .python, ["_runtime.py", "__init__.py"].contains(name) {
                throw .reservedOutputName(schema: schema, name: name)
            }
            let root = path.packageRoot(isPackageRoot: isPackageRoot) ?? current
            let provenance: GenerationProvenance = buildPlugin
                ? .buildPlugin
                : .command(outputDirectory: Self.commandPath(output.relative(to: root) ?? outputDirectory))
            let outputFile = outputDirectory.hasSuffix("/") ? outputDirectory + name : outputDirectory + "/" + name
            entries.append(Entry(schemaFile: schema, schemaPath: Self.commandPath(path.relative(to: root) ?? path.components.last ?? schema),
                                 outputName: name, outputFile: outputFile, provenance: provenance))
        }
        if let clash = Self.firstClash(entries.map { ($0.outputFile, $0.schemaFile) }) {
            throw .clashingOutputs(outputFile: clash.file, schemas: clash.sources)
        }
        self.entries = entries
    }

    /// The first output file that two or more sources would write, compared without letter case (as
    /// macOS and Windows file systems compare names), with every source that writes it.
    public static func firstClash(_ outputs: [(file: String, source: String)]) -> (file: String, sources: [String])? {
        var sourcesByFile: [String: [String]] = [:]
        for output in outputs {
            sourcesByFile[output.file.lowercased(), default: []].append(output.source)
        }
        for output in outputs {
            if let sources = sourcesByFile[output.file.lowercased()], sources.count > 1 {
                return (output.file, sources)
            }
        }
        return nil
    }

    /// `schema/execution.yaml` → `execution.swift`: the file name without `.yaml` or `.yml`, plus the
    /// language's extension; nil when nothing is left to name the file after.
    public static func outputName(for schema: String, language: OutputLanguage = .swift) -> String? {
        guard !schema.hasSuffix("/") else { return nil }
        var base = String(schema.split(separator: "/").last ?? "")
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) {
            base = String(base.dropLast(ext.count))
        }
        guard !base.isEmpty, base != ".", base != ".." else { return nil }
        return language.moduleName(forBase: base) + language.fileExtension
    }

    /// A relative path as a command argument: one starting with `-` gets `./`, so no command reads it as
    /// an option.
    private static func commandPath(_ path: String) -> String {
        path.hasPrefix("-") ? "./" + path : path
    }
}
