import ContractRunStoreSQLite
import ContractRunTracking
import Foundation
import RunStoreTestSupport
import SQLiteNIO
import Testing

/// Rows no store writes, put into an SQLite database with plain SQL (any column may hold any kind of
/// value there): each is reported on its own, and the other rows are still read.
@Suite struct SQLiteUnreadableRowTests {
    /// A database with one good run and one bad row of each kind, a second apart (newest last).
    private func database() async throws -> SQLiteFile {
        let path = SQLiteFile.newPath()
        try await SQLiteRunStore.initialize(path: path)
        let file = SQLiteFile(path: path)
        let rows: [(id: SQLiteData, column: String, value: SQLiteData)] = [
            (.text("good"), "source_ref", .text("pptx")),
            (.text("bad-status"), "status", .text("done")),
            (.text("bad-source"), "source", .text("cron")),
            (.text("bad-finished"), "finished_at", .text("soon")),
            (.text("text-duration"), "duration_ms", .text("abc")),
            (.text("real-duration"), "duration_ms", .float(1.5)),
            (.text("blob-ref"), "source_ref", .blob(ByteBuffer(bytes: [0xFF, 0x00, 0x01]))),
            (.text("bad-code"), "error_code", .text("E999")),
            (.text("bad-metadata"), "metadata", .text("{")),
            (.null, "source_ref", .null),
        ]
        for (index, row) in rows.enumerated() {
            let started = String(format: "2026-01-01T00:00:%02d.000000Z", index)
            try await file.execute("""
                INSERT INTO agent_runs (id, source, status, started_at) VALUES (?, 'chat', 'running', ?)
                """, [row.id, .text(started)])
            try await file.execute("UPDATE agent_runs SET \(row.column) = ? WHERE started_at = ?", [row.value, .text(started)])
        }
        return file
    }

    private static let expected = [
        UnreadableRun(id: nil, problems: ["id is NULL"]),
        UnreadableRun(id: "bad-metadata", problems: [
            "metadata is not JSON: line 1, column 2 (byte 1) at $: malformed_json: unexpected end of input; expected a key or '}'"]),
        UnreadableRun(id: "bad-code", problems: [
            "error_code 'E999' is not one of permission_denied, provider_unavailable, invalid_input, timeout, canceled, "
                + "stale_run, internal_error"]),
        UnreadableRun(id: "blob-ref", problems: ["source_ref is a blob of 3 bytes, not text"]),
        UnreadableRun(id: "real-duration", problems: ["duration_ms is the real number 1.5, not an integer"]),
        UnreadableRun(id: "text-duration", problems: ["duration_ms 'abc' is not an integer"]),
        UnreadableRun(id: "bad-finished", problems: ["finished_at 'soon' is not an RFC 3339 time"]),
        UnreadableRun(id: "bad-source", problems: ["source 'cron' is not one of chat, skill, heartbeat"]),
        UnreadableRun(id: "bad-status", problems: [
            "status 'done' is not one of queued, running, success, error, canceled, timeout"]),
    ]

    @Test func listingReadsTheGoodRunsAndReportsEachBadRowWithItsProblem() async throws {
        let file = try await database()
        defer { file.remove() }
        let store = try await SQLiteRunStore.open(path: file.path, access: .readOnly)
        let page = try await store.list(RunQuery())
        try await store.close()
        #expect(page.runs.map(\.id) == ["good"])
        #expect(page.unreadable == Self.expected)
        #expect(page.nextCursor == nil)
    }

    @Test func pagingOneRowAtATimeVisitsEveryRowOnce() async throws {
        let file = try await database()
        defer { file.remove() }
        let store = try await SQLiteRunStore.open(path: file.path, access: .readOnly)
        var seen: [String] = []
        var cursor: RunCursor?
        for _ in 0..<20 {
            let page = try await store.list(RunQuery(limit: 1, cursor: cursor))
            seen += page.runs.map(\.id) + page.unreadable.map { $0.id ?? "(null)" }
            cursor = try page.nextCursor.map { try #require(RunCursor(token: $0.token)) }
            if cursor == nil { break }
        }
        try await store.close()
        #expect(seen == ["(null)", "bad-metadata", "bad-code", "blob-ref", "real-duration", "text-duration", "bad-finished",
                         "bad-source", "bad-status", "good"])
    }

    @Test func gettingABadRowThrowsItsProblemsByID() async throws {
        let file = try await database()
        defer { file.remove() }
        let store = try await SQLiteRunStore.open(path: file.path, access: .readOnly)
        await #expect(throws: RunStoreError.unreadable(Self.expected[8])) { try await store.get(id: "bad-status") }
        #expect(try await store.get(id: "good")?.sourceRef == "pptx")
        try await store.close()
    }

    @Test func theSweepClosesTheGoodStaleRunAndLeavesTheBadOnesAsTheyAre() async throws {
        let file = try await database()
        defer { file.remove() }
        let store = try await SQLiteRunStore.open(path: file.path, access: .readWrite)
        let sweep = try await store.sweepStale(olderThan: .seconds(60), now: Date())
        #expect(sweep.swept.map(\.id) == ["good"])
        // Candidates are running rows without finished_at, so bad-status and bad-finished are not among them.
        #expect(Set(sweep.unreadable) == Set(Self.expected.filter { !["bad-status", "bad-finished"].contains($0.id) }))
        #expect(try await file.execute("SELECT COUNT(*) AS n FROM agent_runs WHERE status = 'running'").first?
            .column("n")?.integer == 8)
        try await store.close()
    }
}
