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
          contractgen generate schema/agent_run.yaml --output packages/python/execution_contracts --language python
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

    @Option(help: "The language to generate: swift, typescript or python.")
    var language: OutputLanguage = .swift

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
                `--output Sources/MyTarget/Generated`. (Without schema arguments, generate writes what contractgen.yaml \
                lists, or schema/execution.yaml into Sources/ExecutionContracts/Generated.)
                """)
        }
    }

    func run() throws {
        for job in try Generation.jobs(schemas: schema.schemas, output: output, access: access, language: language) {
            try write(job)
        }
    }

    private func write(_ job: Generation.Job) throws {
        let plan = try Generation.plan(job, buildPlugin: buildPlugin)
        let generator = Generation.generator(for: job)
        let results = try Generation.load(job, options: schema, command: "generate")
        do {
            try FileManager.default.createDirectory(atPath: job.output, withIntermediateDirectories: true)
        } catch {
            Console.standardError(DisplayText.escaped("error: cannot create output directory \(job.output)") + "\n")
            throw ExitCode(2)
        }
        var files: [(path: String, contents: String)] = []
        for (entry, (_, result)) in zip(plan.entries, results) {
            guard let contract = result.contract else { continue }
            files.append((entry.outputFile, generator.generate(contract, for: entry)))
        }
        for (path, contents) in files + Generation.runtimeFiles(for: job) {
            try write(contents, to: path)
        }
    }

    /// Writes `contents` to `path` unless the file holds exactly that already (so timestamps and
    /// incremental builds are kept); creates the file's directory when needed.
    private func write(_ contents: String, to path: String) throws {
        if FileManager.default.contents(atPath: path) == Data(contents.utf8) {
            if !quiet { Console.standardError(DisplayText.escaped("\(path) is up to date") + "\n") }
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        guard FileManager.default.createFile(atPath: path, contents: Data(contents.utf8)) else {
            Console.standardError(DisplayText.escaped("error: cannot write \(path)") + "\n")
            throw ExitCode(2)
        }
        if !quiet { Console.standardError(DisplayText.escaped("wrote \(path)") + "\n") }
    }
}
