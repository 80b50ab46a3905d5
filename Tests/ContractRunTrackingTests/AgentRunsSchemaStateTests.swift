import ContractRunTracking
import Testing

/// Whether a database's `agent_runs` may be used, or migrated, as it is.
@Suite struct AgentRunsSchemaStateTests {
    private typealias Column = AgentRunsSchema.Column

    @Test func theMigratedTableHasNoDifferences() {
        #expect(AgentRunsSchema.shapeDifferences(AgentRunsSchema.table).isEmpty)
    }

    @Test func typesCompareWithoutRegardToCaseAndColumnOrderDoesNotMatter() {
        let lowerCase = AgentRunsSchema.table.reversed().map {
            Column(name: $0.name, declaredType: $0.declaredType.lowercased(), notNull: $0.notNull, primaryKey: $0.primaryKey)
        }
        #expect(AgentRunsSchema.shapeDifferences(lowerCase).isEmpty)
    }

    @Test func everyDifferenceOfAnotherTableIsNamed() {
        var columns = AgentRunsSchema.table.filter { $0.name != "metadata" }
        columns[0].primaryKey = false                      // id
        columns[1].notNull = false                         // source
        columns[7].declaredType = "TEXT"                   // duration_ms
        columns[8].primaryKey = true                       // error_code
        columns.append(Column(name: "owner", declaredType: "TEXT", notNull: false, primaryKey: false))
        #expect(AgentRunsSchema.shapeDifferences(columns) == [
            "column id is not the primary key",
            "column source is nullable, expected NOT NULL",
            "column duration_ms is TEXT, expected BIGINT",
            "column error_code is part of the primary key, expected only id",
            "column metadata is missing",
            "unexpected column owner",
        ])
    }

    @Test func aColumnWithoutADeclaredTypeIsAnotherShape() {
        var columns = AgentRunsSchema.table
        columns[2].declaredType = ""
        #expect(AgentRunsSchema.shapeDifferences(columns) == ["column source_ref is declared without a type, expected TEXT"])
    }

    @Test func aCurrentDatabaseIsUsableAndMigratable() throws {
        let state = AgentRunsSchemaState(columns: AgentRunsSchema.table, recordedVersion: AgentRunsSchema.latestVersion)
        try state.checkUsable()
        try state.checkMigratable()
        #expect(try AgentRunsSchema.pendingMigrations(for: state, dialect: .sqlite).migrations.isEmpty)
    }

    @Test func anEmptyDatabaseIsNotUsableButMigratable() throws {
        let state = AgentRunsSchemaState(columns: nil, recordedVersion: nil)
        #expect(throws: RunSchemaError.noRunsTable(recordedVersion: nil)) { try state.checkUsable() }
        let (pending, result) = try AgentRunsSchema.pendingMigrations(for: state, dialect: .sqlite)
        #expect(pending.map(\.version) == [1])
        #expect(result == AgentRunsMigrationResult(previousVersion: 0, version: 1, createdTable: true))
    }

    @Test func aTableWithoutARecordedVersionIsOlderAndIsAdoptedByTheMigration() throws {
        let state = AgentRunsSchemaState(columns: AgentRunsSchema.table, recordedVersion: nil)
        #expect(throws: RunSchemaError.olderVersion(found: 0, current: 1)) { try state.checkUsable() }
        let result = try AgentRunsSchema.pendingMigrations(for: state, dialect: .postgres).result
        #expect(result == AgentRunsMigrationResult(previousVersion: 0, version: 1, createdTable: false))
    }

    @Test func anotherShapeIsNeitherUsableNorMigratable() {
        let columns = [Column(name: "id", declaredType: "INTEGER", notNull: false, primaryKey: true)]
        let state = AgentRunsSchemaState(columns: columns, recordedVersion: nil)
        let differences = AgentRunsSchema.shapeDifferences(columns)
        #expect(throws: RunSchemaError.otherShape(differences)) { try state.checkUsable() }
        #expect(throws: RunSchemaError.otherShape(differences)) { try state.checkMigratable() }
    }

    @Test func aNewerVersionIsNeitherUsableNorMigratable() {
        let state = AgentRunsSchemaState(columns: AgentRunsSchema.table, recordedVersion: 2)
        #expect(throws: RunSchemaError.newerVersion(found: 2, known: 1)) { try state.checkUsable() }
        #expect(throws: RunSchemaError.newerVersion(found: 2, known: 1)) { try state.checkMigratable() }
    }

    @Test func aDroppedTableWithARecordedVersionIsNeitherUsableNorMigratable() {
        let state = AgentRunsSchemaState(columns: nil, recordedVersion: 1)
        #expect(throws: RunSchemaError.noRunsTable(recordedVersion: 1)) { try state.checkUsable() }
        #expect(throws: RunSchemaError.noRunsTable(recordedVersion: 1)) { try state.checkMigratable() }
    }

    @Test func everyRefusalSaysWhatIsWrongInOneLine() {
        #expect(RunSchemaError.noRunsTable(recordedVersion: nil).description == "the database has no agent_runs table")
        #expect(RunSchemaError.noRunsTable(recordedVersion: 1).description
                == "the database has no agent_runs table, although contract_run_migrations records schema version 1")
        #expect(RunSchemaError.otherShape(["column id is missing", "unexpected column x"]).description
                == "the database's agent_runs table has another shape than this code's: column id is missing; unexpected column x")
        #expect(RunSchemaError.olderVersion(found: 0, current: 1).description
                == "the database records no agent_runs schema version (contract_run_migrations is missing or empty); "
                + "this code reads version 1")
        #expect(RunSchemaError.newerVersion(found: 3, known: 1).description == "agent_runs schema version 3 is newer than this code's 1")
    }
}
