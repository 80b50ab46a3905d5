import ContractSchema
import Foundation

/// Where `contractgen diff` reads a schema from: a file, or `git:REV:path` (the file at a revision of
/// the repository in the current directory, read with `git show REV:path`).
struct SchemaSource {
    /// The argument as the user wrote it; it names the schema in locations.
    let argument: String

    /// Why a source could not be read.
    struct Unreadable: Error {
        var message: String
    }

    /// The revision and path of a `git:REV:path` argument.
    var gitRevisionAndPath: (revision: String, path: String)? {
        guard argument.hasPrefix("git:") else { return nil }
        let rest = argument.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        return (String(rest[..<colon]), String(rest[rest.index(after: colon)...]))
    }

    /// Loads and lints the schema.
    func load(limits: YAMLLimits = .default) throws(Unreadable) -> SchemaLoadResult {
        let loader = SchemaLoader(limits: limits)
        guard argument.hasPrefix("git:") else { return loader.load(contentsOf: argument) }
        guard let (revision, path) = gitRevisionAndPath, !revision.isEmpty, !path.isEmpty else {
            throw Unreadable(message: "`\(argument)` is not of the form git:REV:path/to/schema.yaml")
        }
        // `git show -x` would read the revision as an option (`--output=FILE` writes a file).
        guard !revision.hasPrefix("-") else {
            throw Unreadable(message: "`\(argument)`: a git revision cannot start with '-'")
        }
        return loader.load(bytes: try Self.gitShow("\(revision):\(path)"), file: argument)
    }

    /// The output of `git show OBJECT` in the current directory.
    private static func gitShow(_ object: String) throws(Unreadable) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", object]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
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
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Unreadable(message: "cannot read \(object) from git: \(reason.isEmpty ? "git show failed" : reason)")
        }
        return Array(data)
    }
}
