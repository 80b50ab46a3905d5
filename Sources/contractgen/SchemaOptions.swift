import ArgumentParser
import ContractRuntime
import ContractSchema
import ContractSchemaLoader

/// Options every command that reads schema files shares: the files and their limits.
struct SchemaOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Schema files to read.", discussion: "Defaults to schema/execution.yaml.",
                                 valueName: "schema.yaml"))
    var schemas: [String] = []

    @OptionGroup var limitOptions: SchemaLimitOptions

    /// The YAML limits the options ask for.
    var limits: YAMLLimits { limitOptions.limits }

    /// The files named, or the default schema when none is.
    var files: [String] { schemas.isEmpty ? [DefaultSchema.path] : schemas }
}

/// Loads schemas and prints their findings; shared by every command that lints first.
struct SchemaSession {
    let options: SchemaOptions

    /// What to do when no schema is named and the default file is missing.
    enum MissingDefault {
        /// Say which file to name: the command works on schema files (`lint`, `generate`, `check`).
        case nameTheFile(command: String, example: String)
        /// Read the contract compiled into contractgen (`export`).
        case useBuiltIn
    }

    /// Each file's load result, in argument order; throws exit code 2 when no schema is named, the
    /// default file is missing and the command does not use the built-in contract.
    func loadAll(missingDefault: MissingDefault) throws -> [(file: String, result: SchemaLoadResult)] {
        let loader = SchemaLoader(limits: options.limits)
        guard options.schemas.isEmpty else { return options.schemas.map { ($0, loader.load(contentsOf: $0)) } }
        if DefaultSchema.isPresent { return [(DefaultSchema.path, loader.load(contentsOf: DefaultSchema.path))] }
        switch missingDefault {
        case let .nameTheFile(command, example):
            throw DefaultSchema.missing(command: command, example: example)
        case .useBuiltIn:
            let result = DefaultSchema.builtIn(limits: options.limits)
            if let contract = result.contract {
                Console.standardError("note: \(DefaultSchema.path) is not in this directory; "
                                      + "using the built-in contract \(contract.name) \(contract.version)\n")
            }
            return [(DefaultSchema.path, result)]
        }
    }

    /// `files` loaded in order, whatever the options name.
    func load(_ files: [String]) -> [(file: String, result: SchemaLoadResult)] {
        let loader = SchemaLoader(limits: options.limits)
        return files.map { ($0, loader.load(contentsOf: $0)) }
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
