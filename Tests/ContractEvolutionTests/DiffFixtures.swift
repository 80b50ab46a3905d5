import ContractEvolution
import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// The diff fixtures: `Tests/Fixtures/diff/NAME.old.yaml` and `NAME.new.yaml`, with the expected
/// changes in `NAME.expected`, one `class kind subject` line each (re-record with `RECORD_FIXTURES=1`).
enum DiffFixtures {
    /// The package root, found from this source file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures/diff")

    /// Whether tests rewrite expected files instead of comparing.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

    /// Every fixture pair's name, sorted.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".old.yaml") }.map { String($0.dropLast(".old.yaml".count)) }.sorted()
    }()

    /// The four contracts under `schema/`.
    static let seedSchemas = ["execution.yaml", "agent_run.yaml", "execution_feed.yaml", "task_pipeline.yaml"]

    /// The contract at `path` (relative to the package root), which must lint without errors.
    static func contract(_ path: String) throws -> Contract {
        let result = SchemaLoader().load(contentsOf: packageRoot.appendingPathComponent(path).path)
        #expect(result.isValid, "\(path): \(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(result.contract)
    }

    /// The contract in `text`, which must lint without errors.
    static func contract(text: String, file: String) throws -> Contract {
        let result = SchemaLoader().load(text: text, file: file)
        #expect(result.isValid, "\(file): \(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(result.contract)
    }

    /// The changes between the fixture pair `name`.
    static func changes(_ name: String) throws -> [SchemaChange] {
        ContractDiff.compare(old: try contract("Tests/Fixtures/diff/\(name).old.yaml"),
                             new: try contract("Tests/Fixtures/diff/\(name).new.yaml"))
    }

    /// The changes as `class kind subject` lines.
    static func summary(_ changes: [SchemaChange]) -> String {
        changes.map { "\($0.changeClass.rawValue) \($0.kind.rawValue) \($0.subject)\n" }.joined()
    }
}
