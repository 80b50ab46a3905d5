import ArgumentParser
import ContractRuntime
import Foundation

/// `contractgen runs …`: hands over to the `contractgen-runs` executable next to this one.
///
/// The run stores link swift-nio and BoringSSL; keeping them out of `contractgen` keeps the code
/// generator (and the build plugin that compiles it in every consumer) small. `contractgen runs`
/// replaces this process with `contractgen-runs`, so arguments, output, terminal detection and the
/// exit status are that tool's own. Without the tool, help still works (``RunsTool/fallbackHelp(in:)``)
/// and anything else says how to build it.
struct RunsHandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Create, list, show and sweep tracked runs (init | list | show ID | sweep) in an agent_runs database.",
        discussion: """
        Served by the \(RunsTool.name) tool, a separate executable next to contractgen because it links \
        the database drivers: `swift build` builds both, `swift build --product \(RunsTool.name)` builds \
        only it (`swift run contractgen` and `swift build --product contractgen` do not). \
        `contractgen runs --help` shows the tool's help, or, when the tool is missing, its commands and \
        how to build it.

        Examples:
          contractgen runs init --database runs.sqlite
          contractgen runs list --database runs.sqlite --status running
          contractgen runs show RUN_ID --database runs.sqlite --format json
          contractgen runs sweep --database runs.sqlite --older-than 180
        """,
        // The tool prints its own help, including for `contractgen runs --help`.
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "Arguments for \(RunsTool.name).")
    var arguments: [String] = []

    func run() throws {
        let directory = RunsTool.executableDirectory()
        guard let tool = RunsTool.locate(in: directory) else {
            if RunsTool.asksForHelp(arguments) {
                Console.standardOutput(RunsTool.fallbackHelp(in: directory))
                return
            }
            Console.standardError(RunsTool.missingMessage(in: directory))
            throw ExitCode(2)
        }
        let argv = [tool] + arguments
        var cStrings = argv.map { strdup($0) } + [nil]
        execv(tool, &cStrings)
        // Only reached when exec fails.
        let reason = String(cString: strerror(errno))
        cStrings.forEach { free($0) }
        Console.standardError("error: cannot run \(DisplayText.escaped(tool)): \(reason)\n")
        throw ExitCode(2)
    }
}
