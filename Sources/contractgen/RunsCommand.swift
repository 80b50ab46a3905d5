import ArgumentParser
import Foundation

/// `contractgen runs …`: hands over to the `contractgen-runs` executable next to this one.
///
/// The run stores link swift-nio and BoringSSL; keeping them out of `contractgen` keeps the code
/// generator (and the build plugin that compiles it in every consumer) small. `contractgen runs`
/// replaces this process with `contractgen-runs`, so arguments, output, terminal detection and the
/// exit status are that tool's own.
struct RunsCommand: ParsableCommand {
    static let toolName = "contractgen-runs"

    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show and sweep tracked runs (list | show ID | sweep) in an agent_runs database.",
        discussion: """
        Runs the \(toolName) tool built next to contractgen (`swift build` builds both; \
        `swift build --product \(toolName)` builds only it). See `contractgen runs --help`.

        Examples:
          contractgen runs list --database runs.sqlite --status running
          contractgen runs show 6f1c… --database postgres://app@db.internal/app --format json
          contractgen runs sweep --database runs.sqlite --older-than 180
        """,
        // The tool prints its own help, including for `contractgen runs --help`.
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "Arguments for \(toolName).")
    var arguments: [String] = []

    func run() throws {
        guard let tool = Self.locateTool() else {
            Console.standardError("""
                error: `contractgen runs` needs the \(Self.toolName) tool next to contractgen, and it is not there.
                Build it with `swift build --product \(Self.toolName)` (it links the database drivers, so \
                it is a separate executable), or run `swift run \(Self.toolName) \(arguments.joined(separator: " "))`.

                """)
            throw ExitCode(2)
        }
        let argv = [tool] + arguments
        var cStrings = argv.map { strdup($0) } + [nil]
        execv(tool, &cStrings)
        // Only reached when exec fails.
        let reason = String(cString: strerror(errno))
        cStrings.forEach { free($0) }
        Console.standardError("error: cannot run \(tool): \(reason)\n")
        throw ExitCode(2)
    }

    /// `contractgen-runs` in the directory of this executable (symbolic links resolved), if present.
    static func locateTool() -> String? {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let candidate = executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(toolName)
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate.path : nil
    }
}
