import Foundation

/// Runs a built executable of this package (`contractgen` unless told otherwise) as a separate
/// process, the way users and CI run it.
public struct CLIRunner {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The package root (the working directory for runs).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable `name` in the build products directory (next to the test bundle), if built.
    public static func executable(named name: String) -> URL? {
        var candidates: [URL] = []
        for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")] {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent(name))
                dir = dir.deletingLastPathComponent()
            }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `tool` with `arguments` in `directory` (the package root by default), optionally feeding
    /// `input` on stdin and adding `environment` to this process's environment.
    public static func run(_ arguments: [String], input: Data? = nil, in directory: URL = packageRoot,
                           tool: String = "contractgen", environment: [String: String] = [:]) throws -> Output {
        guard let executable = executable(named: tool) else { throw CLIError.executableNotFound(tool) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    public enum CLIError: Error, CustomStringConvertible {
        case executableNotFound(String)

        public var description: String {
            switch self {
            case .executableNotFound(let name): "the \(name) executable is not built next to the tests"
            }
        }
    }
}
