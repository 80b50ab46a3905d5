import Foundation
import TestSupport
import Testing

/// The helper every CLI test runs executables through must never mistake a crash for an exit status.
@Suite struct CLIRunnerTests {
    @Test(arguments: [SIGSEGV, SIGILL, SIGABRT, SIGKILL, SIGTRAP])
    func aChildKilledByASignalIsAFailureNamingTheSignal(signal: Int32) throws {
        // Python, not a shell: children of the test runner may start with a signal (SIGABRT) blocked or
        // ignored, which a shell cannot undo.
        let script = """
            import os, signal, sys
            sys.stderr.write("dying\\n"); sys.stderr.flush()
            if \(signal) != signal.SIGKILL: signal.signal(\(signal), signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [\(signal)])
            os.kill(os.getpid(), \(signal))
            """
        do {
            let out = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script])
            Issue.record("a child killed by signal \(signal) was reported as exit status \(out.status)")
        } catch let error as CLIRunner.CLIError {
            guard case let .killedBySignal(number, _, _, stderr) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(number == signal)
            #expect(stderr == "dying\n")
            #expect(error.description.contains("killed by signal \(signal) (\(CLIRunner.CLIError.signalName(signal)))"))
        }
    }

    @Test func anExitStatusIsReportedAsItIs() throws {
        let out = try CLIRunner.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", "exit 3"])
        #expect(out.status == 3)
    }
}
