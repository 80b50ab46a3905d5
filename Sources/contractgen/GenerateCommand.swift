import ArgumentParser
import ContractCodegen
import ContractRuntime
import ContractSchema
import Foundation

/// `contractgen generate`: write Swift for each schema.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift types, validators and codecs from schemas.",
        discussion: """
        Lints each schema first; any error stops generation (exit 1) and nothing is written. Each \
        schema becomes one file in the output directory named after it (schema/execution.yaml → \
        execution.swift); two schemas that would write one file are refused before anything is written. \
        A file is rewritten only when its content changes, so timestamps and incremental builds are kept. \
        Each file's header names the schema from the package root and the command that regenerates it.

        --output is required when schemas are named. Without arguments, generate writes every entry of \
        contractgen.yaml when the current directory has one (what `contractgen check` checks), and \
        otherwise schema/execution.yaml into Sources/ExecutionContracts/Generated; exit 2 when there is \
        no such file.

        Examples:
          contractgen generate schema/execution.yaml --output Sources/ExecutionContracts/Generated
          contractgen generate schema/agent_run.yaml --output Sources/Runs/Generated --access internal
        """
    )

    @OptionGroup var schema: SchemaOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Directory to write generated files into (created if missing).",
        discussion: "Required when schemas are named; without schemas, Sources/ExecutionContracts/Generated.",
        valueName: "dir"))
    var output: String?

    @Option(help: "Access level of generated declarations: public, package or internal.")
    var access: AccessOption = .public

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    // The build plugin's header says the plugin regenerates the file, not a command.
    @Flag(name: .customLong("build-plugin"), help: .hidden)
    var buildPlugin = false

    func validate() throws {
        if output == nil, !schema.schemas.isEmpty {
            let example = GenerationPlan.outputName(for: schema.schemas[0]) ?? "the generated file"
            throw ValidationError("""
                --output DIR is required: the directory to write \(example) into, for example \
                `--output Sources/MyTarget/Generated`. (Only without schema arguments does generate default to \
                schema/execution.yaml into Sources/ExecutionContracts/Generated.)
                """)
        }
    }

    func run() throws {
        for job in try Generation.jobs(schemas: schema.schemas, output: output, access: access) {
            try write(job)
        }
    }

    private func write(_ job: Generation.Job) throws {
        let plan = try Generation.plan(job, buildPlugin: buildPlugin)
        let results = try Generation.load(job, options: schema, command: "generate")
        do {
            try FileManager.default.createDirectory(atPath: job.output, withIntermediateDirectories: true)
        } catch {
            Console.standardError(DisplayText.escaped("error: cannot create output directory \(job.output)") + "\n")
            throw ExitCode(2)
        }
        for (entry, (_, result)) in zip(plan.entries, results) {
            guard let contract = result.contract else { continue }
            let source = Generation.source(for: contract, entry: entry, access: job.access)
            let path = entry.outputFile
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
