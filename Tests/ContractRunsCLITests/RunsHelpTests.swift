import Foundation
import TestSupport
import Testing

/// `contractgen runs --help` works whether or not contractgen-runs is built: the tool's own help when it
/// is next to contractgen, otherwise the runs commands and the exact command that builds the tool.
@Suite("contractgen runs help") struct RunsHelpTests {
    /// A copy of contractgen alone in `directory` (under a new temporary directory), without the tool.
    private func lonelyContractgen(in directory: String = "bin") throws -> (executable: URL, root: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lonely-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let built = try #require(CLIRunner.executable(named: "contractgen"))
        let copy = folder.appendingPathComponent("contractgen")
        try FileManager.default.copyItem(at: built.resolvingSymlinksInPath(), to: copy)
        return (copy, root)
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(executable: executable, arguments)
    }

    /// The subcommands and abstracts a help text lists, with wrapped abstracts joined.
    private func subcommands(in help: String) -> [String] {
        var entries: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDS:" { inSection = true; continue }
            guard inSection else { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            if line.hasPrefix("   "), let last = entries.popLast() {
                entries.append(last + " " + line.trimmingCharacters(in: .whitespaces))
            } else {
                let words = line.split(separator: " ", maxSplits: 1)
                entries.append(words[0] + " " + (words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""))
            }
        }
        return entries
    }

    @Test func withTheToolTheHelpIsTheToolsOwn() throws {
        for arguments in [["--help"], ["list", "--help"], ["help", "sweep"], ["init", "-h"]] {
            let through = try CLIRunner.run(["runs"] + arguments)
            let direct = try CLIRunner.run(arguments, tool: "contractgen-runs")
            #expect(through.status == 0, "\(arguments)")
            #expect(through.stdout == direct.stdout, "\(arguments)")
            #expect(through.stdout.hasPrefix("OVERVIEW: ") || through.stdout.hasPrefix("USAGE: "), "\(through.stdout)")
        }
    }

    @Test func withoutTheToolHelpListsTheCommandsAndHowToBuildTheTool() throws {
        let (contractgen, root) = try lonelyContractgen()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = contractgen.deletingLastPathComponent().path
        let expected = """
            OVERVIEW: Create, list, show and sweep tracked runs in an agent_runs database.

            USAGE: contractgen runs <subcommand>

            SUBCOMMANDS:
              init                    Create the agent_runs table in a database, or bring it up to date.
              list                    List runs, newest first, one page at a time.
              show                    Show one run with its error and metadata.
              sweep                   Close runs left running by a process that died.

            These commands are served by the contractgen-runs tool, a separate executable because it links the
            database drivers. It is not next to contractgen in \(directory).
            Build it with:

              swift build -c release --product contractgen-runs      # in the ExecutionContracts package
              cp .build/release/contractgen-runs \(directory)/

            then `contractgen runs --help` shows every option.

            """
        for arguments in [["runs", "--help"], ["runs", "-h"], ["runs", "help"], ["runs"], ["runs", "list", "--help"]] {
            let output = try run(contractgen, arguments)
            #expect(output.status == 0, "\(arguments)")
            #expect(output.stdout == expected, "\(arguments)")
            #expect(output.stderr == "", "\(arguments)")
        }
    }

    @Test func theHelpWithoutTheToolListsTheToolsSubcommands() throws {
        let (contractgen, root) = try lonelyContractgen()
        defer { try? FileManager.default.removeItem(at: root) }
        let fallback = subcommands(in: try run(contractgen, ["runs", "--help"]).stdout)
        let tool = subcommands(in: try CLIRunner.run(["--help"], tool: "contractgen-runs").stdout)
        #expect(fallback.count == 4)
        #expect(fallback == tool)
    }

    @Test func withoutTheToolAnyOtherCommandSaysExactlyWhatToRun() throws {
        let (contractgen, root) = try lonelyContractgen()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = contractgen.deletingLastPathComponent().path
        let output = try run(contractgen, ["runs", "list", "--database", "runs.sqlite"])
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == """
            error: `contractgen runs` is served by the contractgen-runs tool, which is not next to contractgen in \(directory).
            Build it with:

              swift build -c release --product contractgen-runs      # in the ExecutionContracts package
              cp .build/release/contractgen-runs \(directory)/

            then run the same `contractgen runs` command again.

            """)
    }

    @Test(arguments: [
        (".build/x86_64-unknown-linux-gnu/debug", ""),
        (".build/release", " -c release"),
        (".build-tsan/debug", " --scratch-path ROOT/pkg/.build-tsan"),
    ])
    func inABuildDirectoryTheMessageNamesThatPackagesBuild(_ directory: String, options: String) throws {
        let (contractgen, root) = try lonelyContractgen(in: "pkg/" + directory)
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("pkg").path
        let output = try run(contractgen, ["runs", "sweep"])
        #expect(output.status == 2)
        let command = "swift build --package-path \(package)" + options.replacingOccurrences(of: "ROOT", with: root.path)
            + " --product contractgen-runs"
        #expect(output.stderr.contains("\nBuild it with:\n\n  \(command)\n\nthen run the same"), "\(output.stderr)")
    }

    @Test func contractgenHelpSaysHowRunsIsProvided() throws {
        let help = try CLIRunner.run(["--help"]).stdout
        #expect(help.contains("`contractgen runs` (tracked runs in an agent_runs database) is served by a\nsecond executable, "
                              + "contractgen-runs, which links the database drivers"), "\(help)")
        #expect(help.contains("runs                    Create, list, show and sweep tracked runs"))
    }
}
