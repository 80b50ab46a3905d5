internal import ContractRuntime
import ContractSchema
import Foundation

/// Where `contractgen diff` reads a schema from: a file, or `git:REV:path` (the file at a revision of
/// the repository in the current directory).
///
/// The revision and path come from the command line, so they are never handed to git where it could
/// read them as options: a revision starting with `-` is refused, and the object name is passed after
/// `--end-of-options` to `git cat-file blob`, which prints a file's bytes and nothing else.
public struct SchemaSource: Sendable {
    /// The argument as the user wrote it; it names the schema in locations.
    public let argument: String

    /// Creates a source from a command-line argument.
    public init(argument: String) {
        self.argument = argument
    }

    /// Why a source could not be read.
    public struct Unreadable: Error, Sendable {
        /// One line saying what went wrong; input it quotes is escaped for display.
        public var message: String
    }

    /// The revision and path of a `git:REV:path` argument.
    public var gitRevisionAndPath: (revision: String, path: String)? {
        guard argument.hasPrefix("git:") else { return nil }
        let rest = argument.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        return (String(rest[..<colon]), String(rest[rest.index(after: colon)...]))
    }

    /// Loads and lints the schema.
    public func load(limits: YAMLLimits = .default) throws(Unreadable) -> SchemaLoadResult {
        let loader = SchemaLoader(limits: limits)
        guard argument.hasPrefix("git:") else { return loader.load(contentsOf: argument) }
        guard let (revision, path) = gitRevisionAndPath, !revision.isEmpty, !path.isEmpty else {
            throw Unreadable(message: "`\(DisplayText.escaped(argument))` is not of the form git:REV:path/to/schema.yaml")
        }
        guard !revision.hasPrefix("-") else {
            throw Unreadable(message: "the revision `\(DisplayText.escaped(revision))` of `\(DisplayText.escaped(argument))` "
                + "starts with `-`; a revision is a commit, branch or tag name, never an option to git")
        }
        return loader.load(bytes: try Self.gitBlob("\(revision):\(path)"), file: argument)
    }

    /// The bytes of the file `object` (`REV:path`) names in the repository of the current directory.
    private static func gitBlob(_ object: String) throws(Unreadable) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "cat-file", "blob", "--end-of-options", object]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Unreadable(message: "cannot run git: \(error.localizedDescription)")
        }
        // Drain both pipes before waiting so a large file cannot fill a pipe and block git.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Unreadable(message: "cannot read \(DisplayText.escaped(object)) from git: "
                + (reason.isEmpty ? "git cat-file failed" : DisplayText.escaped(reason)))
        }
        return Array(data)
    }
}
