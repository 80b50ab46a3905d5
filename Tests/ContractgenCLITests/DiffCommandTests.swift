import TestSupport
import Foundation
import Testing

@Suite struct DiffCommandTests {
    private let fixtures = "Tests/Fixtures/diff"

    @Test(arguments: ["execution.yaml", "agent_run.yaml", "execution_feed.yaml", "task_pipeline.yaml"])
    func diffingASeedSchemaAgainstItselfExitsZeroWithNoChanges(file: String) throws {
        let out = try CLIRunner.run(["diff", "schema/\(file)", "schema/\(file)"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasSuffix(": no changes\n"))
    }

    @Test func aBreakingChangeExitsOne() throws {
        let out = try CLIRunner.run(["diff", "\(fixtures)/closed_enum_value_added.old.yaml", "\(fixtures)/closed_enum_value_added.new.yaml"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("Breaking for consumers (1):"))
        #expect(out.stdout.contains("[enum_value_added] Channel.mail"))
    }

    @Test func onlyCompatibleChangesExitZero() throws {
        let out = try CLIRunner.run(["diff", "\(fixtures)/open_enum_value_added.old.yaml", "\(fixtures)/open_enum_value_added.new.yaml"])
        #expect(out.status == 0, "\(out.stdout)")
        #expect(out.stdout.contains("Compatible (1):"))
    }

    @Test func anUnreadableFileExitsTwo() throws {
        let out = try CLIRunner.run(["diff", "no/such/schema.yaml", "schema/execution.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot read no/such/schema.yaml"))
    }

    @Test func aSchemaWithLintErrorsExitsTwo() throws {
        let out = try CLIRunner.run(["diff", "schema/execution.yaml", "Tests/Fixtures/lint/lifecycle_unreachable_state.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("has schema errors"))
    }

    @Test func aBadGitRevisionExitsTwo() throws {
        let out = try CLIRunner.run(["diff", "git:no-such-revision-xyz:schema/execution.yaml", "schema/execution.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot read no-such-revision-xyz:schema/execution.yaml from git"))
    }

    @Test func aMalformedGitSourceExitsTwo() throws {
        let out = try CLIRunner.run(["diff", "git:HEAD", "schema/execution.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("is not of the form git:REV:path/to/schema.yaml"))
    }

    @Test func aGitRevisionThatLooksLikeAnOptionIsRefusedBeforeGitRuns() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString)").path
        let out = try CLIRunner.run(["diff", "git:--output=\(file):schema/execution.yaml", "schema/execution.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr == "error: `git:--output=\(file):schema/execution.yaml`: a git revision cannot start with '-'\n")
        #expect(!FileManager.default.fileExists(atPath: file + ":schema/execution.yaml"))
    }

    @Test func gitSourcesReadTwoCommitsOfARepository() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("diff-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repo) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments
            process.currentDirectoryURL = repo
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        let schema = repo.appendingPathComponent("schema.yaml")
        try git("init", "-q")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("\(fixtures)/state_added.old.yaml"), to: schema)
        try git("add", "schema.yaml")
        try git("commit", "-q", "-m", "v1")
        try FileManager.default.removeItem(at: schema)
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("\(fixtures)/state_added.new.yaml"), to: schema)
        try git("commit", "-q", "-a", "-m", "v2")

        let out = try CLIRunner.run(["diff", "git:HEAD~1:schema.yaml", "git:HEAD:schema.yaml"], in: repo)
        #expect(out.status == 1, "\(out.stderr)")
        #expect(out.stdout.contains("git:HEAD~1:schema.yaml:"))
        #expect(out.stdout.contains("-> git:HEAD:schema.yaml:"))
        #expect(out.stdout.contains("[state_added] OrderStatus.paused"))
    }

    @Test func jsonOutputHasTheStableKeys() throws {
        let out = try CLIRunner.run(["diff", "\(fixtures)/field_removed.old.yaml", "\(fixtures)/field_removed.new.yaml", "--format", "json"])
        #expect(out.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let change = try #require((document["changes"] as? [[String: Any]])?.first)
        #expect(change["kind"] as? String == "field_removed")
        #expect(change["class"] as? String == "breaking_both")
        #expect(change["subject"] as? String == "Order.note")
        let new = try #require(change["new"] as? [String: Any])
        #expect(new["file"] as? String == "\(fixtures)/field_removed.new.yaml")
    }

    @Test func markdownOutputIsAPullRequestComment() throws {
        let out = try CLIRunner.run(["diff", "\(fixtures)/rule_added.old.yaml", "\(fixtures)/rule_added.new.yaml", "--format", "markdown"])
        #expect(out.status == 1)
        #expect(out.stdout.hasPrefix("### Contract changes: Orders 1.0.0 → 2.0.0\n"))
        #expect(out.stdout.contains("| `rule_added` | `Order.note_not_empty` |"))
    }
}
