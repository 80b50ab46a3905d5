import ArgumentParser
import ContractCodegen
import ContractRuntime
import ContractSchema
import Foundation

/// `contractgen check`: fail when checked-in generated code no longer matches its schema.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify that checked-in generated code matches its schemas (for CI).",
        discussion: """
        Lints each schema, regenerates its Swift in memory and compares it byte for byte with the file \
        in the output directory. Prints a unified diff for each stale or missing file.

        Without arguments it checks every entry of contractgen.yaml when the current directory has one \
        (`generated:`, a list of `{ schema, output, access }`; this repository's lists its four contracts), \
        and otherwise schema/execution.yaml against Sources/ExecutionContracts/Generated (exit 2 when \
        there is no such file).

        Exit codes: 0 up to date, 1 stale or missing generated code or schema errors, 2 unreadable input. \
        Fix a stale file with `contractgen generate` (same schema, --output and --access) or \
        `swift package --allow-writing-to-package-directory generate-contracts`.
        """
    )

    @OptionGroup var schema: SchemaOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Directory holding the checked-in generated files.",
        discussion: "Default: Sources/ExecutionContracts/Generated, or each entry's own with contractgen.yaml.",
        valueName: "dir"))
    var output: String?

    @Option(help: "Access level the checked-in code was generated with.")
    var access: AccessOption = .public

    @Option(help: "The language the checked-in code is in: swift, typescript or python.")
    var language: OutputLanguage = .swift

    func run() throws {
        var stale = 0, checked = 0
        for job in try Generation.jobs(schemas: schema.schemas, output: output, access: access, language: language) {
            let plan = try Generation.plan(job)
            let generator = Generation.generator(for: job)
            let results = try Generation.load(job, options: schema, command: "check")
            checked += results.count
            for (entry, (file, result)) in zip(plan.entries, results) {
                guard let contract = result.contract else { continue }
                if !compare(entry.outputFile, with: generator.generate(contract, for: entry), from: file) { stale += 1 }
            }
            for runtime in Generation.runtimeFiles(for: job) where !compare(runtime.path, with: runtime.contents, from: "the runtime") {
                stale += 1
            }
        }
        if stale > 0 { throw ExitCode(1) }
        Console.standardError("generated code is up to date (\(Plural.counted(checked, "schema")))\n")
    }

    /// Whether the file at `path` holds exactly `expected`; otherwise prints why (with a unified diff).
    private func compare(_ path: String, with expected: String, from source: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.standardError(DisplayText.escaped("error: \(path) is missing; generate it from \(source)") + "\n")
            return false
        }
        let actual = String(decoding: data, as: UTF8.self)
        guard let diff = UnifiedDiff.make(old: actual, new: expected, oldName: path, newName: "\(path) (generated from \(source))")
        else { return true }
        Console.standardOutput(diff)
        Console.standardError(DisplayText.escaped("error: \(path) is stale; regenerate it from \(source)") + "\n")
        return false
    }
}
