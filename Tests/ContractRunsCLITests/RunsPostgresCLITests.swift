import ContractRunStores
import Foundation
import RunStoreTestSupport
import Testing

/// `contractgen runs` against PostgreSQL databases of their own: the read commands create nothing in a
/// fresh database, `init` creates the table once.
@Suite("contractgen runs on PostgreSQL", .enabled(if: PostgresScratchDatabase.serverURL != nil,
                                                  "CONTRACT_TEST_POSTGRES_URL is not set (see scripts/postgres-test-env.sh)"))
struct RunsPostgresCLITests {
    @Test(arguments: RunsReadOnlyTests.commands)
    func aFreshDatabaseGetsNoTable(_ arguments: [String]) async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            let output = try RunsCLI.run(arguments + ["--database", database.url])
            let shown = try RunDatabase(database.url).description
            #expect(output.status == 2)
            #expect(output.stdout == "")
            #expect(output.stderr == "error: \(shown): the database has no agent_runs table; create it with: "
                    + "contractgen runs init --database '\(shown)'\n")
            #expect(try await database.userRelations() == [])
        }
    }

    @Test func initCreatesTheTableOnceThenTheReadCommandsWork() async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            let shown = try RunDatabase(database.url).description
            let first = try RunsCLI.run(["init", "--database", database.url])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == "created agent_runs (schema version 1) in \(shown)\n")
            let relations = try await database.userRelations()
            let again = try RunsCLI.run(["init", "--database", database.url])
            #expect(again.stdout == "\(shown) is already initialized (agent_runs schema version 1); nothing changed\n")
            #expect(try await database.userRelations() == relations)
            let list = try RunsCLI.run(["list", "--database", database.url])
            #expect(list.status == 0 && list.stdout == "(no runs)\n")
        }
    }

    @Test func initRefusesAnAgentRunsTableOfAnotherShape() async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            try await database.execute("CREATE TABLE agent_runs (id TEXT PRIMARY KEY, note TEXT)")
            let output = try RunsCLI.run(["init", "--database", database.url])
            #expect(output.status == 2)
            #expect(output.stderr.contains("the database's agent_runs table has another shape than this code's: "
                                           + "column source is missing;"), "\(output.stderr)")
            #expect(try await database.userRelations() == ["public.agent_runs", "public.agent_runs_pkey"])
        }
    }

    @Test func listReportsEachBadRowAndShowsTheOthers() async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            #expect(try RunsCLI.run(["init", "--database", database.url]).status == 0)
            try await database.execute("""
                INSERT INTO agent_runs (id, source, status, started_at) VALUES
                ('good', 'chat', 'running', '2026-01-01T00:00:00.000000Z'),
                ('bad-status', 'chat', 'done', '2026-01-01T00:00:01.000000Z')
                """)
            let output = try RunsCLI.run(["list", "--database", database.url])
            #expect(output.status == 1)
            #expect(output.stdout.hasPrefix("ID    SOURCE  STATUS   STARTED"), "\(output.stdout)")
            #expect(output.stdout.contains("good  chat    running  2026-01-01T00:00:00.000000Z"))
            #expect(output.stderr == "error: stored run 'bad-status' is unreadable: status 'done' is not one of queued, "
                    + "running, success, error, canceled, timeout\n")
        }
    }
}
