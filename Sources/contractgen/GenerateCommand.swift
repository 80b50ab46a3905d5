import ArgumentParser
import ContractCodegen
import ContractRuntime
import ContractSchema
import Foundation

/// Access level of generated declarations.
enum AccessOption: String, ExpressibleByArgument, CaseIterable {
    case `public`, package, `internal`

    var level: AccessLevel {
        switch self {
        case .public: .public
        case .package: .package
        case .internal: .internal
        }
    }
}

/// Generation shared by `generate` and `check`: one Swift file per schema, named after the schema file.
struct Generation {
    let access: AccessOption

    /// `schema/execution.yaml` → `execution.swift`.
    static func outputName(for schema: String) -> String {
        var base = URL(fileURLWithPath: schema).lastPathComponent
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) {
            base = String(base.dropLast(ext.count))
        }
        return base + ".swift"
    }

    /// The generated source for a contract that linted without errors.
    func source(for contract: Contract, schemaPath: String) -> String {
        let options = SwiftGeneratorOptions(access: access.level, generatorVersion: GeneratorVersion.string)
        return SwiftGenerator(options: options).generate(contract, schemaPath: schemaPath)
    }
}

/// `contractgen generate`: write Swift for each schema.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift types, validators and codecs from schemas.",
        discussion: """
        Lints each schema first; any error stops generation (exit 1) and nothing is written. Each \
        schema becomes one file in the output directory named after it (schema/execution.yaml → \
        execution.swift). A file is rewritten only when its content changes, so timestamps and \
        incremental builds are kept. Without a file it reads schema/execution.yaml in the current \
        directory (exit 2 when there is none).

        Examples:
          contractgen generate schema/execution.yaml --output Sources/ExecutionContracts/Generated
          contractgen generate schema/agent_run.yaml --output Sources/Runs/Generated --access internal
        """
    )

    @OptionGroup var schema: SchemaOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory to write generated files into (created if missing).",
                                                    valueName: "dir"))
    var output: String

    @Option(help: "Access level of generated declarations: public, package or internal.")
    var access: AccessOption = .public

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let results = try SchemaSession(options: schema).loadAll(
            missingDefault: .nameTheFile(command: "generate", example: "path/to/contract.yaml --output DIR"))
        let code = SchemaSession.report(results)
        guard code == .success else { throw code }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Console.standardError(DisplayText.escaped("error: cannot create output directory \(output)") + "\n")
            throw ExitCode(2)
        }
        let generation = Generation(access: access)
        for (file, result) in results {
            guard let contract = result.contract else { continue }
            let source = generation.source(for: contract, schemaPath: file)
            let path = URL(fileURLWithPath: output).appendingPathComponent(Generation.outputName(for: file)).path
            let existing = FileManager.default.contents(atPath: path)
            if existing == Data(source.utf8) {
                if !quiet { Console.standardError(DisplayText.escaped("\(path) is up to date") + "\n") }
                continue
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(source.utf8)) else {
                Console.standardError(DisplayText.escaped("error: cannot write \(path)") + "\n")
                throw ExitCode(2)
            }
            if !quiet { Console.standardError(DisplayText.escaped("wrote \(path)") + "\n") }
        }
    }
}
