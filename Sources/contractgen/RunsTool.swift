import ContractRuntime
import Foundation

/// The `contractgen-runs` executable that serves `contractgen runs`: where it is expected, how to build
/// it, and the help contractgen prints itself when it is missing.
enum RunsTool {
    static let name = "contractgen-runs"

    /// The `runs` subcommands and their abstracts, as the tool's own help lists them (a test compares
    /// the two).
    static let subcommands: [(name: String, abstract: String)] = [
        ("init", "Create the agent_runs table in a database, or bring it up to date."),
        ("list", "List runs, newest first, one page at a time."),
        ("show", "Show one run with its error and metadata."),
        ("sweep", "Close runs left running by a process that died."),
    ]

    /// The directory of this executable, symbolic links resolved.
    static func executableDirectory() -> URL {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The tool in `directory`, if it is there and executable.
    static func locate(in directory: URL) -> String? {
        let candidate = directory.appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Whether `arguments` ask for help: none at all, `help …`, or `--help`/`-h` before a `--`.
    static func asksForHelp(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return true }
        return first == "help" || arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }

    /// What to run to put the tool next to the contractgen in `directory`, as indented command lines.
    /// In a SwiftPM build directory (`PACKAGE/.build/…/debug`) that is the `swift build` of the same
    /// package, scratch path and configuration; for an installed copy, building it and copying it there.
    static func buildCommands(for directory: URL) -> [String] {
        let components = directory.standardizedFileURL.pathComponents
        guard let scratch = components.lastIndex(where: { $0.hasPrefix(".build") }), scratch > 0 else {
            return ["swift build -c release --product \(name)      # in the ExecutionContracts package",
                    "cp .build/release/\(name) \(shellWord(directory.path))/"]
        }
        let root = NSString.path(withComponents: Array(components[..<scratch]))
        var command = "swift build --package-path \(shellWord(root))"
        if components[scratch] != ".build" {
            command += " --scratch-path \(shellWord(NSString.path(withComponents: Array(components[...scratch]))))"
        }
        if directory.lastPathComponent == "release" { command += " -c release" }
        return [command + " --product \(name)"]
    }

    /// `path` as a shell word, escaped for the terminal.
    private static func shellWord(_ path: String) -> String {
        DisplayText.escaped(DisplayText.shellWord(path))
    }

    /// The error when the tool is missing and the arguments ask for more than help.
    static func missingMessage(in directory: URL) -> String {
        let lines = [
            "error: `contractgen runs` is served by the \(name) tool, which is not next to contractgen in "
                + "\(DisplayText.escaped(directory.path)).",
            "Build it with:",
            "",
        ] + buildCommands(for: directory).map { "  " + $0 } + [
            "",
            "then run the same `contractgen runs` command again.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `contractgen runs --help` without the tool: its commands, and how to build it.
    static func fallbackHelp(in directory: URL) -> String {
        let width = 24
        let lines = [
            "OVERVIEW: Create, list, show and sweep tracked runs in an agent_runs database.",
            "",
            "USAGE: contractgen runs <subcommand>",
            "",
            "SUBCOMMANDS:",
        ] + subcommands.map { command in
            "  " + command.name + String(repeating: " ", count: max(1, width - command.name.count)) + command.abstract
        } + [
            "",
            "These commands are served by the \(name) tool, a separate executable because it links the",
            "database drivers. It is not next to contractgen in \(DisplayText.escaped(directory.path)).",
            "Build it with:",
            "",
        ] + buildCommands(for: directory).map { "  " + $0 } + [
            "",
            "then `contractgen runs --help` shows every option.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
