import ContractRunStores
import Foundation
import RunStoreTestSupport
import Testing

/// `list`, `show` and `sweep` never create, migrate or write the schema of a database: on one that is
/// not (yet) a runs database they say so, name the command that initializes it, exit 2, and leave the
/// file byte for byte as it was.
@Suite("contractgen runs on databases that are not runs databases") struct RunsReadOnlyTests {
    static let commands: [[String]] = [["list"], ["list", "--format", "json"], ["show", "run-1"], ["sweep"]]

    /// Runs `arguments` against a file made from `statements` and returns the output; the file must be unchanged.
    private func run(_ arguments: [String], on statements: [String]) async throws -> (status: Int32, stdout: String, stderr: String, path: String) {
        let file = try await SQLiteFile.make(statements)
        defer { file.remove() }
        let before = try await file.snapshot()
        let output = try RunsCLI.run(arguments + ["--database", file.path])
        #expect(try await file.snapshot() == before, "\(arguments) changed the database")
        return (output.status, output.stdout, output.stderr, file.path)
    }

    @Test(arguments: commands)
    func aDatabaseOfAnotherProgramIsLeftAsItWas(_ arguments: [String]) async throws {
        let output = try await run(arguments, on: ["CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('keep')"])
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == "error: sqlite:\(output.path): the database has no agent_runs table; create it with: "
                + "contractgen runs init --database \(output.path)\n")
    }

    @Test(arguments: commands)
    func anAgentRunsTableOfAnotherShapeIsLeftAsItWas(_ arguments: [String]) async throws {
        let output = try await run(arguments, on: [
            "CREATE TABLE agent_runs (id INTEGER PRIMARY KEY, source TEXT NOT NULL, source_ref TEXT, session_id TEXT, "
                + "status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, duration_ms BIGINT, error_code TEXT, "
                + "error_message TEXT, metadata TEXT, owner TEXT)",
        ])
        #expect(output.status == 2)
        #expect(output.stderr == "error: sqlite:\(output.path): the database's agent_runs table has another shape than "
                + "this code's: column id is INTEGER, expected TEXT; unexpected column owner (not the table contractgen "
                + "creates; no runs command uses or changes it)\n")
    }

    @Test(arguments: commands)
    func aRunsTableWithoutARecordedVersionIsLeftAsItWas(_ arguments: [String]) async throws {
        let output = try await run(arguments, on: AgentRunsSchema.migrations(for: .sqlite)[0].statements)
        #expect(output.status == 2)
        #expect(output.stderr == "error: sqlite:\(output.path): the database records no agent_runs schema version "
                + "(contract_run_migrations is missing or empty); this code reads version 1; bring it up to date with: "
                + "contractgen runs init --database \(output.path)\n")
    }

    @Test(arguments: commands)
    func aNewerSchemaVersionIsLeftAsItWas(_ arguments: [String]) async throws {
        let output = try await run(arguments, on: AgentRunsSchema.migrations(for: .sqlite)[0].statements + [
            AgentRunsSchema.createMigrationsTable, "INSERT INTO contract_run_migrations VALUES (1, 'a', 'b'), (7, 'c', 'd')",
        ])
        #expect(output.status == 2)
        #expect(output.stderr == "error: sqlite:\(output.path): agent_runs schema version 7 is newer than this code's 1; "
                + "use the contractgen-runs that matches the trackers writing to it\n")
    }

    @Test(arguments: commands)
    func aFileThatIsNotADatabaseIsLeftAsItWas(_ arguments: [String]) throws {
        let path = SQLiteFile.newPath("notes.txt")
        defer { SQLiteFile(path: path).remove() }
        let text = Data(String(repeating: "not a database\n", count: 100).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let output = try RunsCLI.run(arguments + ["--database", path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: sqlite:\(path): "), "\(output.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test(arguments: commands)
    func aMissingFileIsNotCreated(_ arguments: [String]) throws {
        let directory = try RunsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try RunsCLI.run(arguments + ["--database", "runs.sqlite"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr == "error: no SQLite database at 'runs.sqlite'; create it with: "
                + "contractgen runs init --database runs.sqlite\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    @Test func theHintNamesTheDatabaseAsTheShellNeedsIt() throws {
        let directory = try RunsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let quoted = try RunsCLI.run(["list", "--database", "my runs's.sqlite"], in: directory)
        #expect(quoted.stderr == "error: no SQLite database at 'my runs's.sqlite'; create it with: "
                + "contractgen runs init --database 'my runs'\\''s.sqlite'\n")
        let dash = try RunsCLI.run(["list", "--database=-runs.sqlite"], in: directory)
        #expect(dash.stderr == "error: no SQLite database at '-runs.sqlite'; create it with: "
                + "contractgen runs init --database=-runs.sqlite\n")
        let environment = try RunsCLI.run(["list"], in: directory, environment: ["CONTRACT_RUNS_DATABASE": "env.sqlite"])
        #expect(environment.stderr == "error: no SQLite database at 'env.sqlite'; create it with: contractgen runs init\n")
    }
}
