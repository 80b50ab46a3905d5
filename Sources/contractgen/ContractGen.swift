import ArgumentParser
import ContractCodegen
import ContractValidation

/// The `contractgen` command: lint schemas, generate and check code, validate records, compare and
/// export schemas, and (through `contractgen-runs`) inspect tracked runs.
@main
struct ContractGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contractgen",
        abstract: "Lint execution contracts written in YAML, generate Swift from them, validate records against them.",
        discussion: """
        A contract is one YAML file: lifecycles (statuses and their transitions), enums, error catalogs \
        and models with cross-field rules. docs/SchemaLanguage.md describes the schema language and \
        docs/CLI.md every command.

        Without a file argument every command reads schema/execution.yaml in the current directory; \
        where there is none, validate and export use the copy of that contract built into contractgen, \
        and lint, generate and check say which file to name.

        Numeric options take a whole number in the range their help shows.

        `contractgen runs` (tracked runs in an agent_runs database) is served by a second executable, \
        contractgen-runs, which links the database drivers: `swift build` builds it next to \
        contractgen, `swift build --product contractgen-runs` builds only it. Without it, \
        `contractgen runs --help` lists the runs commands and says how to build it.

        Exit codes: 0 clean, 1 findings (errors in a schema), 2 usage error or unreadable input.
        """,
        version: ContractGenerator.version,
        subcommands: [LintCommand.self, GenerateCommand.self, CheckCommand.self, ValidateCommand.self, DiffCommand.self,
                      ExportCommand.self, ConformanceCommand.self, RunsHandoffCommand.self]
    )

    /// Runs the command on a thread with a large stack (`LargeStackThread` of ContractValidation); usage errors exit with 2
    /// (argument-parser's default is 64) so scripts can rely on 0 fine, 1 findings, 2 usage or input errors.
    static func main() {
        LargeStackThread.run {
            do {
                var command = try parseAsRoot()
                try command.run()
            } catch {
                if exitCode(for: error) == .validationFailure {
                    // Usage errors quote the arguments, which may hold control characters.
                    Console.standardError(Console.escapingEachLine(fullMessage(for: error)) + "\n")
                    exit(withError: ExitCode(2))
                }
                exit(withError: error)
            }
        }
    }
}
