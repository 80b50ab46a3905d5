import TestSupport
import ContractRunStores
import Foundation
import Testing

/// A process that dies by SIGKILL mid-run cannot finish its run; the next sweep must close it.
@Suite("A run left by a killed process is closed by the next sweep") struct KilledProcessSweepTests {
    @Test func sigkilledChildRunIsSwept() async throws {
        try await RunsDatabaseFixture.each { db in
            let child = try ChildProcess(tool: "RunTrackerChild", arguments: [db.location])
            let line = try child.readLine(timeout: .seconds(60))
            let runID = try #require(line.split(separator: " ").last.map(String.init), "child printed \(line)")
            #expect(line.hasPrefix("started "))
            child.send(signal: SIGKILL)
            #expect(child.terminationSignal() == SIGKILL)

            // The killed process left its run running.
            let left = try #require(try await db.get(runID))
            #expect(left.status == .running && left.finishedAt == nil)

            let sweep = try CLIRunner.run(["runs", "sweep", "--database", db.location, "--older-than", "0",
                                           "--format", "json"])
            #expect(sweep.status == 0, "\(sweep.stderr)")
            #expect(sweep.stdout.contains("\"id\":\"\(runID)\""), "\(sweep.stdout)")

            let closed = try #require(try await db.get(runID))
            #expect(closed.status == .timeout)
            #expect(closed.errorCode == .staleRun)
            #expect(closed.errorMessage == RunErrorCode.staleRun.defaultMessage)
            #expect(closed.sourceRef == "sigkill-test")
            let finishedAt = try #require(closed.finishedAt)
            #expect(finishedAt >= closed.startedAt)
            #expect((closed.durationMs ?? -1) >= 0)
        }
    }
}

/// A child process whose standard output is read line by line while it runs.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private var buffer = Data()

    init(tool: String, arguments: [String]) throws {
        guard let executable = CLIRunner.executable(named: tool) else { throw CLIRunner.CLIError.executableNotFound(tool) }
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// The next line the child prints; throws when it exits or `timeout` passes first.
    func readLine(timeout: Duration) throws -> String {
        let deadline = ContinuousClock.now + timeout
        let handle = output.fileHandleForReading
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            guard ContinuousClock.now < deadline else { throw ChildError.timedOut }
            var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let chunk = handle.availableData
            if chunk.isEmpty { throw ChildError.exited(process.isRunning ? -1 : process.terminationStatus) }
            buffer.append(chunk)
        }
    }

    func send(signal: Int32) {
        _ = kill(process.processIdentifier, signal)
    }

    /// Waits for the child to end and returns the signal that ended it, or nil when it exited.
    func terminationSignal() -> Int32? {
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    }

    enum ChildError: Error {
        case timedOut
        case exited(Int32)
    }
}
