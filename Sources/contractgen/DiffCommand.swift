import ArgumentParser
import ContractEvolution
import ContractRuntime
import ContractSchema
import ContractSchemaLoader

/// `contractgen diff`: list every change between two versions of a schema, classified by who it breaks.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a schema and classify every change by who it breaks.",
        discussion: """
        Each side is a file or git:REV:path (the file at a revision of the repository in the current \
        directory, as `git cat-file blob REV:path` reads it; a revision may not start with `-`). Both schemas must lint without errors.
        Every change is classed as breaking for consumers (readers may receive values they do not know, \
        or lose values or guarantees they rely on), breaking for producers (values writers send become \
        invalid), breaking for both, or compatible; a separate `version` finding reports a contract \
        version that does not rise as semantic versioning asks (a breaking change needs a major bump, a \
        minor one while the major version is 0; any other change at least a patch).
        Output: text for people (grouped by class, each line with old and new file:line:column), \
        --format json for tools (keys kind, class, subject, message, old and new {file, line, column}) \
        or --format markdown for pull-request comments.
        Exit codes: 0 no breaking change, 1 a breaking change, 2 usage error, unreadable input, a bad git \
        revision or a schema with lint errors.
        Examples:
          contractgen diff schema/execution.yaml new/execution.yaml
          contractgen diff git:origin/main:schema/execution.yaml schema/execution.yaml --format markdown
          contractgen diff git:HEAD~1:schema/execution.yaml git:HEAD:schema/execution.yaml --format json
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: ArgumentHelp("The old schema: a file or git:REV:path.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new schema: a file or git:REV:path.", valueName: "new"))
    var new: String

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @OptionGroup var limits: SchemaLimitOptions

    func run() throws {
        let oldContract = try load(old)
        let newContract = try load(new)
        let changes = ContractDiff.compare(old: oldContract, new: newContract)
        let renderer = ChangeRenderer(old: oldContract, new: newContract, changes: changes)
        switch format {
        case .text: Console.standardOutput(renderer.text())
        case .json: Console.standardOutput(renderer.json())
        case .markdown: Console.standardOutput(renderer.markdown())
        }
        if changes.contains(where: { $0.changeClass.isBreaking }) { throw ExitCode(1) }
    }

    /// The contract `argument` names; prints its findings and exits 2 when it cannot be used.
    private func load(_ argument: String) throws -> Contract {
        let result: SchemaLoadResult
        do {
            result = try SchemaSource(argument: argument).load(limits: limits.limits)
        } catch {
            Console.standardError(DisplayText.escaped("error: \(error.message)") + "\n")
            throw ExitCode(2)
        }
        Console.standardError(DiagnosticRenderer.render(result.diagnostics))
        guard result.isValid, let contract = result.contract else {
            if !result.isUnreadable {
                Console.standardError(DisplayText.escaped("error: \(argument) has schema errors; fix them (contractgen lint) before comparing") + "\n")
            }
            throw ExitCode(2)
        }
        return contract
    }
}
