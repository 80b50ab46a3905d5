import ContractRunStores
import Foundation
import TestSupport
import Testing

/// The `contractgen runs` examples of docs/RunTracking.md run as written, in order, in an empty directory (with a
/// tracker's run written between `init` and `list`, and RUN_ID standing for its id).
@Suite("docs/RunTracking.md contractgen runs examples") struct RunTrackingDocExampleTests {
    /// The command lines of the block in docs/RunTracking.md that shows `contractgen runs init`, without comments.
    static func exampleCommands() throws -> [[String]] {
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/RunTracking.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let block = try #require(blocks.first { $0.contains("contractgen runs init") })
        return block.split(separator: "\n").map { line in
            line.components(separatedBy: " #")[0].split(separator: " ").map(String.init)
        }
    }

    @Test func theExamplesRunInOrderOnANewMachine() async throws {
        let commands = try Self.exampleCommands()
        #expect(commands.map { $0.prefix(3).joined(separator: " ") }
                == ["contractgen runs init", "contractgen runs list", "contractgen runs show", "contractgen runs sweep"])
        let directory = try RunsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runID = "readme-run"
        var outputs: [String: String] = [:]
        for command in commands {
            if command[2] == "list" {
                // What a tracker does meanwhile: a run that started ten minutes ago and is still running.
                try await RunDatabase(directory.appendingPathComponent("runs.sqlite").path).withStore(access: .readWrite) { store in
                    _ = try await store.start(AgentRun(id: runID, source: .skill, sourceRef: "pptx", sessionId: nil,
                                                       status: .queued, startedAt: Date().addingTimeInterval(-600),
                                                       finishedAt: nil, durationMs: nil, errorCode: nil, errorMessage: nil,
                                                       metadata: nil))
                }
            }
            let arguments = command.dropFirst(2).map { $0 == "RUN_ID" ? runID : $0 }
            let output = try RunsCLI.run(Array(arguments), in: directory)
            #expect(output.status == 0, "\(command.joined(separator: " ")): \(output.stderr)")
            outputs[command[2]] = output.stdout
        }
        #expect(outputs["init"] == "created agent_runs (schema version 1) in sqlite:runs.sqlite\n")
        #expect(outputs["list"]?.contains("\(runID)  skill   running") == true, "\(outputs["list"] ?? "")")
        #expect(outputs["show"]?.hasPrefix("{\"id\":\"\(runID)\"") == true, "\(outputs["show"] ?? "")")
        #expect(outputs["sweep"]?.contains("\(runID)  skill   timeout") == true, "\(outputs["sweep"] ?? "")")
    }
}
