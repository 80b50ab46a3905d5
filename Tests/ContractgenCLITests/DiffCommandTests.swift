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

    /// Revisions that git would read as options, among them ones that write files (`--output`), run
    /// programs (`--upload-pack`, `--exec`) or change what is shown. None may reach git as an option,
    /// and no file may appear.
    @Test(arguments: ["--output=OUT", "-oOUT", "--output", "-p", "--upload-pack=touch OUT", "--exec=touch OUT",
                      "--textconv", "-", "--", "--end-of-options"])
    func aRevisionThatLooksLikeAnOptionIsRefusedAndWritesNothing(revision: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diff-inject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("written")
        let argument = "git:" + revision.replacingOccurrences(of: "OUT", with: target.path) + ":schema/execution.yaml"
        for arguments in [["diff", argument, "schema/execution.yaml"], ["diff", "schema/execution.yaml", argument]] {
            let out = try CLIRunner.run(arguments)
            #expect(out.status == 2, "\(arguments): \(out.stderr)")
            #expect(out.stderr.contains("starts with `-`; a revision is a commit, branch or tag name, never an option to git"),
                    "\(out.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    /// A path part that looks like an option is part of the object name `REV:path`, never an option.
    @Test func aPathThatLooksLikeAnOptionIsOnlyAPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diff-inject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["diff", "git:HEAD:--output=\(dir.path)/written", "schema/execution.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot read HEAD:--output=\(dir.path)/written from git"), "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Git's own message and the argument it quotes are escaped: a control character in a revision cannot
    /// reach the terminal.
    @Test func controlCharactersInAGitSourceAreEscapedInTheMessage() throws {
        let out = try CLIRunner.run(["diff", "git:no\u{1B}]0;pwned\u{07}rev:schema/execution.yaml", "schema/execution.yaml"])
        #expect(out.status == 2)
        #expect(!out.stderr.contains("\u{1B}") && !out.stderr.contains("\u{07}"), "\(out.stderr)")
        #expect(out.stderr.contains("cannot read no\\u{1B}]0;pwned\\u{7}rev:schema/execution.yaml from git"), "\(out.stderr)")
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
