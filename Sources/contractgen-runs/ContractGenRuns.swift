import ArgumentParser
import ContractRunStores
import ContractRuntime
import Foundation

/// `contractgen runs`: what operators use to look at and repair the `agent_runs` table.
///
/// A separate executable from `contractgen` because it links the database drivers (swift-nio,
/// BoringSSL); `contractgen runs …` runs it, so the code generator and its build plugin stay light.
@main
struct ContractGenRuns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contractgen runs",
        abstract: "Create, list, show and sweep tracked runs in an agent_runs database.",
        discussion: """
        --database names the store: postgres://user:pass@host:port/db (or postgresql://), \
        sqlite:PATH, or a plain SQLite file path. Without it, the CONTRACT_RUNS_DATABASE environment \
        variable is used.

        `init` creates the agent_runs table (and an SQLite file) or migrates it; a tracker does the \
        same on first use. list and show only read: they never create, migrate or write anything, and \
        say so when the database holds no agent_runs table or an older version of it. sweep writes \
        rows of an initialized database.

        Output is a table; --format json prints JSON for tools (one document per command). A stored \
        row that holds no valid run is reported by id with its problems, and the others are still shown.

        Exit codes: 0 done, 1 `show` found no such run or a row was unreadable, 2 usage error or \
        unusable database.

        Examples:
          contractgen runs init --database runs.sqlite
          contractgen runs list --database runs.sqlite --status running --limit 20
          contractgen runs show RUN_ID --database runs.sqlite --format json
          contractgen runs sweep --database runs.sqlite --older-than 180
        """,
        subcommands: [InitRuns.self, ListRuns.self, ShowRun.self, SweepRuns.self]
    )

    /// Runs the command; usage and database errors exit with 2 (argument-parser's default is 64).
    /// Every message is escaped (``DisplayText``): they quote arguments and stored values.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as RunsFailure {
            standardError("error: \(DisplayText.escaped(failure.message))\n")
            exit(withError: ExitCode(failure.exitCode))
        } catch {
            let code = exitCode(for: error)
            // Help and --version go to standard output as argument-parser writes them.
            if code == .success { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { standardError(escapedLines(message) + "\n") }
            exit(withError: ExitCode(code == .validationFailure ? 2 : code.rawValue))
        }
    }

    /// `text` with each line escaped, so a multi-line usage message keeps its lines.
    private static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(DisplayText.escaped).joined(separator: "\n")
    }
}

/// A failure the command reports in one line with its own exit code.
struct RunsFailure: Error {
    var message: String
    var exitCode: Int32
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension RunSource: ExpressibleByArgument {}
extension AgentRunStatus: ExpressibleByArgument {}

func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
