import ArgumentParser
import ContractSchema

/// Options every command that reads schemas shares.
struct SchemaOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Schema files to read.", discussion: "Defaults to schema/execution.yaml.",
                                 valueName: "schema.yaml"))
    var schemas: [String] = []

    @Option(name: .customLong("max-schema-bytes"),
            help: ArgumentHelp("Refuse schema files larger than this many bytes, before reading them.", valueName: "n"))
    var maxSchemaBytes: Int = YAMLLimits.default.maxBytes

    @Option(name: .customLong("max-schema-depth"),
            help: ArgumentHelp("Refuse YAML whose mappings and lists nest deeper than this.", valueName: "n"))
    var maxSchemaDepth: Int = YAMLLimits.default.maxDepth

    @Option(name: .customLong("max-schema-nodes"),
            help: ArgumentHelp("Refuse YAML with more nodes (scalars, mappings, lists) than this.", valueName: "n"))
    var maxSchemaNodes: Int = YAMLLimits.default.maxNodes

    @Option(name: .customLong("max-type-depth"),
            help: ArgumentHelp("Refuse field types that nest list<…> and map<…> deeper than this "
                               + "(at most \(YAMLLimits.typeDepthCeiling)).", valueName: "n"))
    var maxTypeDepth: Int = YAMLLimits.default.maxTypeDepth

    /// The files to read, with the default applied.
    var files: [String] { schemas.isEmpty ? ["schema/execution.yaml"] : schemas }

    /// The YAML limits the options ask for.
    var limits: YAMLLimits {
        YAMLLimits(maxBytes: maxSchemaBytes, maxDepth: maxSchemaDepth, maxNodes: maxSchemaNodes, maxTypeDepth: maxTypeDepth)
    }

    func validate() throws {
        let limits = [("--max-schema-bytes", maxSchemaBytes), ("--max-schema-depth", maxSchemaDepth),
                      ("--max-schema-nodes", maxSchemaNodes)]
        for (option, value) in limits where value < 1 {
            throw ValidationError("\(option) must be at least 1")
        }
        guard (1...YAMLLimits.typeDepthCeiling).contains(maxTypeDepth) else {
            throw ValidationError("--max-type-depth must be between 1 and \(YAMLLimits.typeDepthCeiling)")
        }
    }
}

/// Loads schemas and prints their findings; shared by every command that lints first.
struct SchemaSession {
    let options: SchemaOptions

    /// Each file's load result, in argument order.
    func loadAll() -> [(file: String, result: SchemaLoadResult)] {
        let loader = SchemaLoader(limits: options.limits)
        return options.files.map { ($0, loader.load(contentsOf: $0)) }
    }

    /// Prints every finding to standard error and returns the exit code the findings call for.
    static func report(_ results: [(file: String, result: SchemaLoadResult)]) -> ExitCode {
        var diagnostics: [Diagnostic] = []
        for (_, result) in results { diagnostics += result.diagnostics }
        Console.standardError(DiagnosticRenderer.render(diagnostics))
        if results.contains(where: { $0.result.isUnreadable }) { return ExitCode(2) }
        return diagnostics.containsErrors ? ExitCode(1) : .success
    }
}
