import ContractRunStores
import Foundation
import RunStoreTestSupport
import Testing

/// `contractgen runs init`: creates and migrates, says what it did, is safe to repeat, and refuses
/// (changing nothing) a database it must not change.
@Suite("contractgen runs init") struct RunsInitTests {
    @Test func initCreatesTheDatabaseThenSaysItIsAlreadyInitialized() async throws {
        let directory = try RunsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try RunsCLI.run(["init", "--database", "runs.sqlite"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "created agent_runs (schema version 1) in sqlite:runs.sqlite\n")
        #expect(first.stderr == "")
        let file = SQLiteFile(path: directory.appendingPathComponent("runs.sqlite").path)
        let before = try await file.snapshot()
        let again = try RunsCLI.run(["init", "--database", "runs.sqlite"], in: directory)
        #expect(again.status == 0)
        #expect(again.stdout == "sqlite:runs.sqlite is already initialized (agent_runs schema version 1); nothing changed\n")
        #expect(try await file.snapshot() == before)
    }

    @Test func initReportsInJSON() throws {
        let directory = try RunsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try RunsCLI.run(["init", "--database", "sqlite:runs.sqlite", "--format", "json"], in: directory)
        #expect(first.stdout == #"{"database":"sqlite:runs.sqlite","previous_version":0,"schema_version":1,"created_table":true}"#
                + "\n")
        let again = try RunsCLI.run(["init", "--database", "sqlite:runs.sqlite", "--format", "json"], in: directory)
        #expect(again.stdout == #"{"database":"sqlite:runs.sqlite","previous_version":1,"schema_version":1,"created_table":false}"#
                + "\n")
    }

    @Test func initAdoptsARunsTableWithoutARecordedVersion() async throws {
        let file = try await SQLiteFile.make(AgentRunsSchema.migrations(for: .sqlite)[0].statements)
        defer { file.remove() }
        let output = try RunsCLI.run(["init", "--database", file.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "migrated agent_runs in sqlite:\(file.path) from schema version 0 to 1\n")
        #expect(try RunsCLI.run(["list", "--database", file.path]).stdout == "(no runs)\n")
    }

    @Test func initAddsTheRunsTablesToAnotherProgramsDatabaseAndKeepsItsData() async throws {
        let file = try await SQLiteFile.make(["CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('keep')"])
        defer { file.remove() }
        #expect(try RunsCLI.run(["init", "--database", file.path]).status == 0)
        #expect(try await file.execute("SELECT body FROM notes").first?.column("body")?.string == "keep")
    }

    @Test func initRefusesAnAgentRunsTableOfAnotherShapeAndChangesNothing() async throws {
        let file = try await SQLiteFile.make(["CREATE TABLE agent_runs (id TEXT PRIMARY KEY, payload BLOB)",
                                              "INSERT INTO agent_runs VALUES ('theirs', x'00')"])
        defer { file.remove() }
        let before = try await file.snapshot()
        let output = try RunsCLI.run(["init", "--database", file.path])
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == "error: sqlite:\(file.path): the database's agent_runs table has another shape than "
                + "this code's: column source is missing; column source_ref is missing; column session_id is missing; "
                + "column status is missing; column started_at is missing; column finished_at is missing; "
                + "column duration_ms is missing; column error_code is missing; column error_message is missing; "
                + "column metadata is missing; unexpected column payload (not the table contractgen creates; no runs "
                + "command uses or changes it)\n")
        #expect(try await file.snapshot() == before)
    }

    @Test func initRefusesANewerSchemaVersionAndChangesNothing() async throws {
        let file = try await SQLiteFile.make(AgentRunsSchema.migrations(for: .sqlite)[0].statements + [
            AgentRunsSchema.createMigrationsTable, "INSERT INTO contract_run_migrations VALUES (2, 'next', 'later')",
        ])
        defer { file.remove() }
        let before = try await file.snapshot()
        let output = try RunsCLI.run(["init", "--database", file.path])
        #expect(output.status == 2)
        #expect(output.stderr == "error: sqlite:\(file.path): agent_runs schema version 2 is newer than this code's 1; "
                + "use the contractgen-runs that matches the trackers writing to it\n")
        #expect(try await file.snapshot() == before)
    }

    @Test func initRefusesAFileThatIsNotADatabaseAndChangesNothing() throws {
        let path = SQLiteFile.newPath("notes.txt")
        defer { SQLiteFile(path: path).remove() }
        let text = Data("plain text, not SQLite\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let output = try RunsCLI.run(["init", "--database", path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: sqlite:\(path): "), "\(output.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func aPathThatLooksLikeAnSQLiteURIIsAFileName() throws {
        let directory = try RunsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try RunsCLI.run(["init", "--database", "file:runs.sqlite?mode=memory"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["file:runs.sqlite?mode=memory"])
    }
}
