import ContractRunStores
import Foundation
import RunStoreTestSupport
import SQLiteNIO
import Testing

/// Rows no tracker writes (put in with plain SQL): each is reported by id with its problems, exit 1,
/// and the readable runs are shown all the same, in table and JSON formats.
@Suite("contractgen runs with unreadable rows") struct RunsBadRowTests {
    /// An initialized database holding one good run and the given bad rows, one second apart.
    private func database(bad rows: [(id: String, column: String, value: SQLiteData)]) async throws -> SQLiteFile {
        let path = SQLiteFile.newPath()
        #expect(try RunsCLI.run(["init", "--database", path]).status == 0)
        let file = SQLiteFile(path: path)
        try await file.execute("""
            INSERT INTO agent_runs (id, source, status, started_at, finished_at, duration_ms)
            VALUES ('good', 'skill', 'success', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.250000Z', 250)
            """)
        for (index, row) in rows.enumerated() {
            let started = String(format: "2026-01-01T00:00:%02d.000000Z", index + 1)
            try await file.execute("INSERT INTO agent_runs (id, source, status, started_at) VALUES (?, 'chat', 'running', ?)",
                                   [.text(row.id), .text(started)])
            try await file.execute("UPDATE agent_runs SET \(row.column) = ? WHERE id = ?", [row.value, .text(row.id)])
        }
        return file
    }

    static let kinds: [(id: String, column: String, value: SQLiteData)] = [
        ("bad-status", "status", .text("done")),
        ("bad-time", "started_at", .text("yesterday")),
        ("bad-duration", "duration_ms", .text("12 minutes")),
        ("bad-metadata", "metadata", .text("{\"a\":")),
        ("bad-code", "error_code", .text("oops")),
    ]

    @Test func listShowsTheReadableRunsAndReportsEveryBadRowByID() async throws {
        let file = try await database(bad: Self.kinds)
        defer { file.remove() }
        let output = try RunsCLI.run(["list", "--database", file.path])
        #expect(output.status == 1)
        #expect(output.stdout == """
            ID    SOURCE  STATUS   STARTED                      DURATION  ERROR  REF
            good  skill   success  2026-01-01T00:00:00.000000Z  250 ms    -      -

            """)
        // Newest first: "yesterday" sorts after every 2026 time.
        #expect(output.stderr == """
            error: stored run 'bad-time' is unreadable: started_at 'yesterday' is not an RFC 3339 time
            error: stored run 'bad-code' is unreadable: error_code 'oops' is not one of permission_denied, \
            provider_unavailable, invalid_input, timeout, canceled, stale_run, internal_error
            error: stored run 'bad-metadata' is unreadable: metadata is not JSON: line 1, column 6 (byte 5) at $.a: \
            malformed_json: unexpected end of input; expected a value
            error: stored run 'bad-duration' is unreadable: duration_ms '12 minutes' is not an integer
            error: stored run 'bad-status' is unreadable: status 'done' is not one of queued, running, success, error, \
            canceled, timeout

            """)
    }

    @Test func listInJSONCarriesTheReadableRunsAndTheUnreadableRows() async throws {
        let file = try await database(bad: [Self.kinds[0], Self.kinds[2]])
        defer { file.remove() }
        let output = try RunsCLI.run(["list", "--database", file.path, "--format", "json"])
        #expect(output.status == 1)
        #expect(output.stderr == "")
        #expect(output.stdout == #"{"runs":[{"id":"good","source":"skill","source_ref":null,"session_id":null,"#
                + #""status":"success","started_at":"2026-01-01T00:00:00Z","finished_at":"2026-01-01T00:00:00.25Z","#
                + #""duration_ms":250,"error_code":null,"error_message":null,"metadata":null}],"#
                + #""unreadable":[{"id":"bad-duration","problems":["duration_ms '12 minutes' is not an integer"]},"#
                + #"{"id":"bad-status","problems":["status 'done' is not one of queued, running, success, error, "#
                + #"canceled, timeout"]}],"next_cursor":null}"# + "\n")
    }

    @Test func aPageOfOnlyUnreadableRowsSaysSo() async throws {
        let file = try await database(bad: [Self.kinds[0]])
        defer { file.remove() }
        let output = try RunsCLI.run(["list", "--database", file.path, "--limit", "1"])
        #expect(output.status == 1)
        #expect(output.stdout == "(no readable runs)\n")
        #expect(output.stderr.hasPrefix("error: stored run 'bad-status' is unreadable: "))
        #expect(output.stderr.hasSuffix("more runs: add --cursor MjAyNi0wMS0wMVQwMDowMDowMS4wMDAwMDBafGJhZC1zdGF0dXM=\n"))
    }

    @Test func showOfABadRowReportsItsProblemsAndExitsOne() async throws {
        let file = try await database(bad: Self.kinds)
        defer { file.remove() }
        for format in ["table", "json"] {
            let output = try RunsCLI.run(["show", "bad-duration", "--database", file.path, "--format", format])
            #expect(output.status == 1)
            #expect(output.stdout == "")
            #expect(output.stderr == "error: stored run 'bad-duration' is unreadable: duration_ms '12 minutes' is not an integer\n")
        }
        #expect(try RunsCLI.run(["show", "good", "--database", file.path]).status == 0)
    }

    @Test func sweepClosesTheReadableStaleRunsAndReportsTheBadOnes() async throws {
        let file = try await database(bad: [Self.kinds[2]])
        defer { file.remove() }
        try await file.execute("""
            INSERT INTO agent_runs (id, source, status, started_at) VALUES ('stale', 'heartbeat', 'running', '2026-01-01T00:00:09.000000Z')
            """)
        let output = try RunsCLI.run(["sweep", "--database", file.path, "--older-than", "0"])
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("ID     SOURCE     STATUS   STARTED"), "\(output.stdout)")
        #expect(output.stdout.contains("stale  heartbeat  timeout"))
        #expect(output.stderr == "error: stored run 'bad-duration' is unreadable: duration_ms '12 minutes' is not an integer\n"
                + "swept 1 stale run\n")
        let json = try RunsCLI.run(["sweep", "--database", file.path, "--older-than", "0", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout == #"{"swept":[],"unreadable":[{"id":"bad-duration","problems":["duration_ms '12 minutes' "#
                + #"is not an integer"]}]}"# + "\n")
    }
}
