import ArgumentParser
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

        Without arguments it checks schema/execution.yaml against \
        Sources/ExecutionContracts/Generated/execution.swift, as in this repository (exit 2 when the \
        current directory has no schema/execution.yaml).

        Exit codes: 0 up to date, 1 stale or missing generated code or schema errors, 2 unreadable input. \
        Fix a stale file with `contractgen generate` (same schema, --output and --access) or \
        `swift package --allow-writing-to-package-directory generate-contracts`.
        """
    )

    @OptionGroup var schema: SchemaOptions

    /// Where the bundled default contract's generated code is checked in.
    static let defaultOutput = "Sources/ExecutionContracts/Generated"

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory holding the checked-in generated files.", valueName: "dir"))
    var output: String = CheckCommand.defaultOutput

    @Option(help: "Access level the checked-in code was generated with.")
    var access: AccessOption = .public

    func run() throws {
        let plan = try Generation.plan(schema.files, output: output)
        let results = try SchemaSession(options: schema).loadAll(
            missingDefault: .nameTheFile(command: "check", example: "path/to/contract.yaml --output DIR"))
        let code = SchemaSession.report(results)
        guard code == .success else { throw code }
        let generation = Generation(access: access)
        var stale = 0
        for (entry, (file, result)) in zip(plan.entries, results) {
            guard let contract = result.contract else { continue }
            let expected = generation.source(for: contract, entry: entry)
            let path = entry.outputFile
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.standardError(DisplayText.escaped("error: \(path) is missing; generate it from \(file)") + "\n")
                stale += 1
                continue
            }
            let actual = String(decoding: data, as: UTF8.self)
            if let diff = UnifiedDiff.make(old: actual, new: expected, oldName: path, newName: "\(path) (generated from \(file))") {
                Console.standardOutput(diff)
                Console.standardError(DisplayText.escaped("error: \(path) is stale; regenerate it from \(file)") + "\n")
                stale += 1
            }
        }
        if stale > 0 { throw ExitCode(1) }
        Console.standardError("generated code is up to date (\(Plural.counted(results.count, "schema")))\n")
    }
}
