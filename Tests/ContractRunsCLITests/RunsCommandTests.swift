import TestSupport
import ContractRunStores
import Foundation
import Testing

/// `contractgen runs list|show|sweep`, run as the built executables against real databases.
@Suite("contractgen runs") struct RunsCommandTests {
    private func runs(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(["runs"] + arguments, environment: environment)
    }

    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(text)")
    }

    private func ids(_ document: [String: Any], key: String = "runs") throws -> [String] {
        let runs = try #require(document[key] as? [[String: Any]])
        return runs.compactMap { $0["id"] as? String }
    }

    @Test func listPrintsATableNewestFirst() async throws {
        try await RunsDatabaseFixture.each { db in
            try await db.seed(sampleRuns(count: 4))
            let output = try runs(["list", "--database", db.location])
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("ID       SOURCE     STATUS"))
            #expect(lines.dropFirst().map { String($0.prefix(7)) } == ["run-003", "run-002", "run-001", "run-000"])
            #expect(lines[2].contains("error") && lines[2].contains("provider_unavailable") && lines[2].contains("500 ms"))
            #expect(output.stderr.isEmpty)
        }
    }

    @Test func listPagesWithCursorsInJSON() async throws {
        try await RunsDatabaseFixture.each { db in
            try await db.seed(sampleRuns(count: 5))
            var seen: [String] = []
            var cursor: String?
            repeat {
                let output = try runs(["list", "--database", db.location, "--format", "json", "--limit", "2"]
                                      + (cursor.map { ["--cursor", $0] } ?? []))
                #expect(output.status == 0, "\(output.stderr)")
                let document = try json(output.stdout)
                seen += try ids(document)
                cursor = document["next_cursor"] as? String
                #expect(cursor != nil || document["next_cursor"] is NSNull)
            } while cursor != nil && seen.count < 10
            #expect(seen == ["run-004", "run-003", "run-002", "run-001", "run-000"])
        }
    }

    @Test func listFilters() async throws {
        try await RunsDatabaseFixture.each { db in
            try await db.seed(sampleRuns(count: 10))
            let base = ["list", "--database", db.location, "--format", "json"]
            let running = try json(try runs(base + ["--status", "running"]).stdout)
            #expect(try ids(running) == ["run-006", "run-001"])
            let skills = try json(try runs(base + ["--source", "skill", "--session", "session-odd"]).stdout)
            #expect(try ids(skills) == ["run-007", "run-001"])
            let window = try json(try runs(base + ["--started-after", "2026-09-21T14:13:22Z",
                                                   "--started-before", "2026-09-21T14:13:25Z"]).stdout)
            #expect(try ids(window) == ["run-004", "run-003", "run-002"])
        }
    }

    @Test func showPrintsOneRunOrExitsOne() async throws {
        try await RunsDatabaseFixture.each { db in
            try await db.seed(sampleRuns(count: 3))
            let table = try runs(["show", "run-002", "--database", db.location])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("error_code     provider_unavailable"))
            #expect(table.stdout.contains("session_id     session-even"))
            let document = try json(try runs(["show", "run-002", "--database", db.location, "--format", "json"]).stdout)
            #expect(document["status"] as? String == "error")
            #expect(document["duration_ms"] as? Int == 500)
            let missing = try runs(["show", "nope", "--database", db.location])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no run with id 'nope'"))
        }
    }

    @Test func sweepClosesRunningRunsOnce() async throws {
        try await RunsDatabaseFixture.each { db in
            let now = Date()
            var runs = sampleRuns(count: 5, startingAt: now.addingTimeInterval(-600))
            runs[4] = sampleRuns(count: 5, startingAt: now.addingTimeInterval(-600))[1]
            runs[4].id = "recent"
            // An hour ahead, not now: "recent" must stay within the default threshold (180 s) of each sweep however
            // long the test waits for the sweeps to run (on a loaded machine an async test waited minutes for a thread).
            runs[4].startedAt = now.addingTimeInterval(3600)
            try await db.seed(runs)
            // run-001 started ten minutes ago and is running; "recent" is newer than any cutoff of the test's sweeps.
            let first = try self.runs(["sweep", "--database", db.location, "--format", "json"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(try ids(try json(first.stdout), key: "swept") == ["run-001"])
            let swept = try #require(try await db.get("run-001"))
            #expect(swept.status == .timeout && swept.errorCode == .staleRun)
            #expect(try await db.get("recent")?.status == .running)
            let again = try self.runs(["sweep", "--database", db.location])
            #expect(again.status == 0)
            #expect(again.stdout == "(no runs)\n")
            #expect(again.stderr == "swept 0 stale runs\n")
        }
    }

    @Test(arguments: [
        (["list"], "missing --database"),
        (["list", "--database", "mysql://db/x"], "unsupported database scheme 'mysql://'"),
        (["list", "--database", "/nonexistent/runs.sqlite"], "no SQLite database at '/nonexistent/runs.sqlite'"),
        (["list", "--database", "postgres://db.internal/x"], "the URL names no user"),
        (["list", "--database", "x.sqlite", "--limit", "0"], "expected an integer from 1 to 200"),
        (["list", "--database", "x.sqlite", "--cursor", "abc"], "is not a cursor printed by"),
        (["list", "--database", "x.sqlite", "--status", "done"], "done"),
        (["list", "--database", "x.sqlite", "--started-after", "yesterday"], "is not an RFC 3339 time"),
        (["sweep", "--database", "x.sqlite", "--older-than=-1"], "expected a whole number of seconds from 0 to 315360000"),
        (["show", "--database", "x.sqlite"], "Missing expected argument '<id>'"),
    ])
    func badInputExitsTwo(arguments: [String], message: String) throws {
        let output = try runs(arguments, environment: ["CONTRACT_RUNS_DATABASE": ""])
        #expect(output.status == 2, "\(arguments): \(output.stdout) \(output.stderr)")
        #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func databaseComesFromTheEnvironment() async throws {
        let db = RunsDatabaseFixture.sqlite()
        defer { Task { await db.remove() } }
        try await db.seed(sampleRuns(count: 2))
        let output = try runs(["list", "--format", "json"], environment: ["CONTRACT_RUNS_DATABASE": "sqlite:" + db.location])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try ids(try json(output.stdout)) == ["run-001", "run-000"])
    }

    @Test func unreachablePostgresFailsWithExitTwo() throws {
        let started = ContinuousClock.now
        let output = try runs(["list", "--database", "postgres://nobody:pw@127.0.0.1:1/none"])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("error: postgres://nobody:***@127.0.0.1:1/none: "), "\(output.stderr)")
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func helpComesFromTheRunsTool() throws {
        let output = try runs(["--help"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("USAGE: contractgen runs <subcommand>"))
        #expect(output.stdout.contains("sweep"))
        let list = try runs(["list", "--help"])
        #expect(list.stdout.contains("--cursor"))
        let top = try CLIRunner.run(["--help"])
        #expect(top.stdout.contains("runs"))
    }
}
