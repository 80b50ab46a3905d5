import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

/// Reading one `agent_runs` row: every column that can hold a value no run has is reported, by id,
/// with every problem in the row.
@Suite struct StoredRunTests {
    /// The columns of a valid, successful run, as a store returns them.
    static let valid: [String: RunColumnValue] = [
        "id": .text("run-1"), "source": .text("skill"), "source_ref": .text("pptx"), "session_id": .null,
        "status": .text("success"), "started_at": .text("2026-02-25T06:13:20.000000Z"),
        "finished_at": .text("2026-02-25T06:13:21.000000Z"), "duration_ms": .integer(1000),
        "error_code": .null, "error_message": .null, "metadata": .text("{\"k\":1}"),
    ]

    private func read(_ changes: [String: RunColumnValue]) -> StoredRun {
        let row = Self.valid.merging(changes) { $1 }
        return StoredRun { row[$0] ?? .null }
    }

    private func problems(_ changes: [String: RunColumnValue]) -> [String] {
        guard case .failure(let unreadable) = read(changes).content else { return [] }
        return unreadable.problems
    }

    @Test func aValidRowReadsAsItsRun() throws {
        let run = try read([:]).get()
        #expect(run.id == "run-1" && run.source == .skill && run.status == .success)
        #expect(run.durationMs == 1000)
        #expect(run.metadata == .object(["k": .int(1)]))
    }

    @Test(arguments: [
        (["status": .text("done")], "status 'done' is not one of queued, running, success, error, canceled, timeout"),
        (["source": .text("cron")], "source 'cron' is not one of chat, skill, heartbeat"),
        (["error_code": .text("E999")],
         "error_code 'E999' is not one of permission_denied, provider_unavailable, invalid_input, timeout, canceled, "
            + "stale_run, internal_error"),
        (["started_at": .text("yesterday")], "started_at 'yesterday' is not an RFC 3339 time"),
        (["finished_at": .text("2026-02-30T00:00:00Z")], "finished_at '2026-02-30T00:00:00Z' is not an RFC 3339 time"),
        (["duration_ms": .text("1.5s")], "duration_ms '1.5s' is not an integer"),
        (["duration_ms": .other("the real number 1.5")], "duration_ms is the real number 1.5, not an integer"),
        (["metadata": .text("{\"k\":")],
         "metadata is not JSON: line 1, column 6 (byte 5) at $.k: malformed_json: unexpected end of input; expected a value"),
        (["source_ref": .other("a blob of 3 bytes")], "source_ref is a blob of 3 bytes, not text"),
        (["session_id": .integer(7)], "session_id is the integer 7, not text"),
        (["error_message": .other("the real number 2.0")], "error_message is the real number 2.0, not text"),
        (["status": .null], "status is NULL"),
        (["source": .null], "source is NULL"),
        (["started_at": .null], "started_at is NULL"),
        (["id": .text("")], "breaks rule id_not_empty: id must not be empty."),
        (["duration_ms": .integer(-5)], "breaks rule duration_non_negative: duration_ms must not be negative."),
    ] as [([String: RunColumnValue], String)])
    func aMalformedColumnIsReportedWithItsValue(_ changes: [String: RunColumnValue], problem: String) {
        #expect(problems(changes) == [problem])
    }

    @Test func everyProblemOfARowIsReportedInColumnOrder() {
        #expect(problems(["status": .text("done"), "metadata": .text("nope"), "source": .text("cron")]) == [
            "source 'cron' is not one of chat, skill, heartbeat",
            "status 'done' is not one of queued, running, success, error, canceled, timeout",
            "metadata is not JSON: line 1, column 2 (byte 1) at $: malformed_json: unexpected 'o'; expected the literal null",
        ])
    }

    @Test func everyBrokenRuleIsReported() {
        #expect(problems(["status": .text("running")]) == [
            "breaks rule finished_iff_terminal: finished_at must be set exactly when the run is in a terminal status.",
        ])
        #expect(problems(["error_code": .text("timeout"), "error_message": .null]).count == 3)
    }

    @Test func anUnreadableRowKeepsItsIDOrSaysItHasNone() throws {
        let named = read(["status": .text("done")])
        #expect(throws: RunStoreError.unreadable(UnreadableRun(id: "run-1", problems: [
            "status 'done' is not one of queued, running, success, error, canceled, timeout"]))) { try named.get() }
        guard case .failure(let unnamed) = read(["id": .null]).content else { Issue.record("read as a run"); return }
        #expect(unnamed.id == nil)
        #expect(unnamed.description == "stored run without an id is unreadable: id is NULL")
    }

    @Test func quotedValuesAreCutSoAHugeValueCannotFloodTheReport() throws {
        let huge = String(repeating: "x", count: 10_000)
        let problem = try #require(problems(["status": .text(huge)]).first)
        #expect(problem == "status '\(String(repeating: "x", count: 64))…' is not one of queued, running, success, error, "
                + "canceled, timeout")
    }

    @Test func aRowsPositionIsItsStoredTextEvenWhenUnreadable() {
        #expect(read([:]).position == RunCursor(startedAtText: "2026-02-25T06:13:20.000000Z", id: "run-1"))
        #expect(read(["started_at": .text("2026-02-25T06:13:20Z")]).position.startedAtText == "2026-02-25T06:13:20Z")
        #expect(read(["started_at": .text("yesterday")]).position == RunCursor(startedAtText: "yesterday", id: "run-1"))
    }
}

@Suite struct RunPageTests {
    private func row(_ id: String, started: String, status: String = "running") -> StoredRun {
        let columns: [String: RunColumnValue] = ["id": .text(id), "source": .text("chat"), "status": .text(status),
                                                 "started_at": .text(started)]
        return StoredRun { columns[$0] ?? .null }
    }

    @Test func unreadableRowsCountTowardsTheLimitAndAreReportedApart() {
        let page = RunPage(rowsPlusOne: [row("c", started: "2026-01-01T00:00:03.000000Z"),
                                         row("b", started: "2026-01-01T00:00:02.000000Z", status: "done"),
                                         row("a", started: "2026-01-01T00:00:01.000000Z")], limit: 2)
        #expect(page.runs.map(\.id) == ["c"])
        #expect(page.unreadable.map(\.id) == ["b"])
        #expect(page.nextCursor == RunCursor(startedAtText: "2026-01-01T00:00:02.000000Z", id: "b"))
    }

    @Test func aPageEndingWithAnUnreadableTimeStillHasACursorThatReadsBack() throws {
        let page = RunPage(rowsPlusOne: [row("b", started: "not|a%time"), row("a", started: "2026-01-01T00:00:01.000000Z")],
                           limit: 1)
        let cursor = try #require(page.nextCursor)
        #expect(RunCursor(token: cursor.token) == RunCursor(startedAtText: "not|a%time", id: "b"))
    }

    @Test func aCursorTokenKeepsAnIDWithSeparators() {
        let cursor = RunCursor(startedAtText: "2026-01-01T00:00:01.000000Z", id: "a|b%7C")
        #expect(RunCursor(token: cursor.token) == cursor)
    }

    @Test func textThatIsNoCursorIsRefused() {
        for token in ["abc", "", "!!!", Data("no separator".utf8).base64EncodedString(), Data([0xFF, 0x7C]).base64EncodedString()] {
            #expect(RunCursor(token: token) == nil, "\(token)")
        }
    }
}
