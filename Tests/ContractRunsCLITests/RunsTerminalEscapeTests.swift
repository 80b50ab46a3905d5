import ContractRunStores
import Foundation
import RunStoreTestSupport
import Testing

/// Stored ids, references and messages reach the operator's terminal escaped: a row cannot move the
/// cursor, set the title, ring the bell or reorder text. Printable text, Chinese included, is kept.
@Suite("contractgen runs escapes what it prints") struct RunsTerminalEscapeTests {
    private func database() async throws -> SQLiteFile {
        let path = SQLiteFile.newPath()
        #expect(try RunsCLI.run(["init", "--database", path]).status == 0)
        try await RunDatabase(path).withStore { store in
            let started = Date(timeIntervalSince1970: 1_767_225_600)
            try await store.create(AgentRun(id: "\u{1B}[2J\u{1B}]0;pwned\u{07}", source: .skill, sourceRef: "技能\r\u{9B}31m",
                                            sessionId: "s\u{202E}txt.exe", status: .queued, startedAt: started,
                                            finishedAt: nil, durationMs: nil, errorCode: nil, errorMessage: nil,
                                            metadata: .object(["note": .string("\u{2066}x\u{2069}\u{7F}")])))
            try await store.create(AgentRun(id: "运行-plain", source: .chat, sourceRef: "中文参考", sessionId: nil,
                                            status: .queued, startedAt: started.addingTimeInterval(-1), finishedAt: nil,
                                            durationMs: nil, errorCode: nil, errorMessage: nil, metadata: nil))
        }
        return SQLiteFile(path: path)
    }

    @Test func theTableEscapesControlCharactersAndAlignsByDisplayWidth() async throws {
        let file = try await database()
        defer { file.remove() }
        let output = try RunsCLI.run(["list", "--database", file.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == #"""
            ID                            SOURCE  STATUS  STARTED                      DURATION  ERROR  REF
            \u{1B}[2J\u{1B}]0;pwned\u{7}  skill   queued  2026-01-01T00:00:00.000000Z  -         -      技能\r\u{9B}31m
            运行-plain                    chat    queued  2025-12-31T23:59:59.000000Z  -         -      中文参考

            """#)
    }

    @Test func showEscapesEveryField() async throws {
        let file = try await database()
        defer { file.remove() }
        let output = try RunsCLI.run(["show", "\u{1B}[2J\u{1B}]0;pwned\u{07}", "--database", file.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == #"""
            id             \u{1B}[2J\u{1B}]0;pwned\u{7}
            source         skill
            source_ref     技能\r\u{9B}31m
            session_id     s\u{202E}txt.exe
            status         queued
            started_at     2026-01-01T00:00:00.000000Z
            finished_at    -
            duration_ms    -
            error_code     -
            error_message  -
            metadata       {"note":"\u{2066}x\u{2069}\u{7F}"}

            """#)
    }

    @Test func messagesQuotingAnIDOrAPathAreEscaped() async throws {
        let file = try await database()
        defer { file.remove() }
        let missing = try RunsCLI.run(["show", "\u{1B}[31mred\u{07}", "--database", file.path])
        #expect(missing.status == 1)
        #expect(missing.stderr == #"error: no run with id '\u{1B}[31mred\u{7}' in sqlite:"# + file.path + "\n")
        let path = try RunsCLI.run(["list", "--database", "/nonexistent/\u{1B}]0;x\u{07}.sqlite"])
        #expect(path.status == 2)
        #expect(path.stderr == #"error: no SQLite database at '/nonexistent/\u{1B}]0;x\u{7}.sqlite'; create it with: "#
                + #"contractgen runs init --database '/nonexistent/\u{1B}]0;x\u{7}.sqlite'"# + "\n")
        let cursor = try RunsCLI.run(["list", "--database", file.path, "--cursor", "\u{1B}[1m"])
        #expect(cursor.status == 2)
        #expect(cursor.stderr.hasPrefix(#"Error: --cursor '\u{1B}[1m' is not a cursor printed by"#), "\(cursor.stderr)")
        let status = try RunsCLI.run(["list", "--database", file.path, "--status", "\u{1B}[1m"])
        #expect(status.status == 2)
        #expect(!status.stderr.contains("\u{1B}"), "\(status.stderr)")
    }

    @Test func jsonEscapesControlCharactersAsJSONDoes() async throws {
        let file = try await database()
        defer { file.remove() }
        let output = try RunsCLI.run(["list", "--database", file.path, "--format", "json", "--limit", "1"])
        #expect(output.stdout.hasPrefix(#"{"runs":[{"id":"\u001b[2J\u001b]0;pwned\u0007","source":"skill","#
                                        + #""source_ref":"技能\r"#), "\(output.stdout)")
    }
}
