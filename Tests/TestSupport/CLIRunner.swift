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
        return try run(executable: executable, arguments, input: input, in: directory, environment: environment)
    }

    /// Runs the program at `executable`; a child ended by a signal throws ``CLIError/killedBySignal``.
    public static func run(executable: URL, _ arguments: [String], input: Data? = nil, in directory: URL = packageRoot,
                           environment: [String: String] = [:]) throws -> Output {
        let tool = executable.lastPathComponent
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
        let stderr = String(decoding: errData, as: UTF8.self)
        // A crash is never an exit status: a test that expects 1 or 2 must not pass on a trap.
        if process.terminationReason == .uncaughtSignal {
            throw CLIError.killedBySignal(process.terminationStatus, tool: tool, arguments: arguments, stderr: stderr)
        }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: stderr)
    }

    /// A run's exit status, standard error, wall time and peak resident memory.
    public struct Measurement: Sendable {
        public var status: Int32
        public var stderr: String
        public var elapsed: Duration
        /// The child's peak resident set size (`ru_maxrss` from `wait4`), in bytes.
        public var peakMemory: Int
    }

    /// Runs `contractgen` with `arguments` (paths absolute: it runs in the current directory) and measures
    /// that one process: `wait4` reports the child's own peak memory, unaffected by other tests running
    /// meanwhile. Standard output is discarded.
    public static func measure(_ arguments: [String]) throws -> Measurement {
        let tool = "contractgen"
        guard let executable = executable(named: tool) else { throw CLIError.executableNotFound(tool) }
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CLIError.spawnFailed(spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // Linux reports ru_maxrss in kilobytes. An exit status sits in bits 8-15 of what wait4 returns; a
        // signal that ended the child sits in bits 0-6, and is a failure, never a status.
        if status & 0x7F != 0 {
            throw CLIError.killedBySignal(status & 0x7F, tool: tool, arguments: arguments, stderr: stderr)
        }
        return Measurement(status: (status >> 8) & 0xFF, stderr: stderr, elapsed: elapsed, peakMemory: Int(usage.ru_maxrss) * 1024)
    }

    public enum CLIError: Error, CustomStringConvertible {
        case executableNotFound(String)
        case spawnFailed(Int32)
        /// The child was ended by a signal (a trap, an abort, a kill), not by exiting.
        case killedBySignal(Int32, tool: String, arguments: [String], stderr: String)

        public var description: String {
            switch self {
            case .executableNotFound(let name): "the \(name) executable is not built next to the tests"
            case .spawnFailed(let code): "posix_spawn failed with \(code)"
            case let .killedBySignal(signal, tool, arguments, stderr):
                "\(tool) \(arguments.joined(separator: " ")) was killed by signal \(signal) (\(Self.signalName(signal))) "
                    + "instead of exiting; standard error:\n\(stderr)"
            }
        }

        /// `SIGILL` for 4, and so on; the number when the name is not known.
        public static func signalName(_ signal: Int32) -> String {
            let names: [Int32: String] = [SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL",
                                          SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
                                          SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM"]
            return names[signal] ?? "signal \(signal)"
        }
    }
}
