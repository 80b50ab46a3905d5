import Foundation
import TestSupport

/// `contractgen runs …` as the built executables run it, with CONTRACT_RUNS_DATABASE cleared unless a
/// test sets it, so the caller's environment cannot leak into a test.
enum RunsCLI {
    static func run(_ arguments: [String], in directory: URL = CLIRunner.packageRoot,
                    environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(["runs"] + arguments, in: directory,
                          environment: ["CONTRACT_RUNS_DATABASE": ""].merging(environment) { $1 })
    }

    /// A new empty directory for a test that runs commands with relative paths.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runs-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
