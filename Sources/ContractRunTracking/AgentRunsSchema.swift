/// The `agent_runs` table as versioned migrations, shared by the SQL stores so SQLite and PostgreSQL
/// hold the same columns and indexes (the seed's table and its three indexes).
public enum AgentRunsSchema {
    /// The table that records which migrations a database has applied.
    public static let migrationsTable = "contract_run_migrations"

    /// One migration: statements applied together, once, in version order.
    public struct Migration: Sendable {
        /// The version this migration brings the database to.
        public var version: Int
        /// What it does, for the migrations table.
        public var name: String
        /// The SQL, valid in both SQLite and PostgreSQL.
        public var statements: [String]
    }

    /// The SQL flavours the migrations are written for.
    public enum Dialect: Sendable {
        case sqlite, postgres

        /// The column type of `id` and the time columns: byte-order text, so SQL ordering and cursor
        /// comparisons agree with Swift's (PostgreSQL would otherwise use the database's locale).
        var orderedText: String { self == .sqlite ? "TEXT" : "TEXT COLLATE \"C\"" }
    }

    /// The type of a column, as the shape check compares it.
    public enum ColumnType: String, Sendable, Hashable, CustomStringConvertible {
        /// `TEXT`.
        case text = "TEXT"
        /// `BIGINT`, a 64-bit integer.
        case bigint = "BIGINT"

        /// The type named `declared` (SQLite's declared type or PostgreSQL's `format_type`), or nil for
        /// any other; case does not matter.
        public init?(declared: String) {
            switch declared.uppercased() {
            case "TEXT": self = .text
            case "BIGINT": self = .bigint
            default: return nil
            }
        }

        /// The SQL name.
        public var description: String { rawValue }
    }

    /// One column of `agent_runs`: what the migrations create and what the shape check expects.
    public struct Column: Sendable, Hashable {
        /// The column name.
        public var name: String
        /// The declared type as written in the database (`TEXT`, `BIGINT`, or whatever a foreign table has).
        public var declaredType: String
        /// Whether the column refuses NULL (a primary key's nullability is not compared: SQLite allows a
        /// NULL in a TEXT primary key, PostgreSQL does not).
        public var notNull: Bool
        /// Whether the column is (part of) the primary key.
        public var primaryKey: Bool

        /// Creates a column description.
        public init(name: String, declaredType: String, notNull: Bool, primaryKey: Bool) {
            self.name = name
            self.declaredType = declaredType
            self.notNull = notNull
            self.primaryKey = primaryKey
        }

        init(_ name: String, _ type: ColumnType, notNull: Bool = false, primaryKey: Bool = false) {
            self.init(name: name, declaredType: type.rawValue, notNull: notNull, primaryKey: primaryKey)
        }
    }

    /// The columns of `agent_runs` at ``latestVersion``, in table order. The shape check compares a
    /// database's table with these; a migration that changes the table must change them too.
    public static let table: [Column] = [
        Column("id", .text, primaryKey: true),
        Column("source", .text, notNull: true),
        Column("source_ref", .text),
        Column("session_id", .text),
        Column("status", .text, notNull: true),
        Column("started_at", .text, notNull: true),
        Column("finished_at", .text),
        Column("duration_ms", .bigint),
        Column("error_code", .text),
        Column("error_message", .text),
        Column("metadata", .text),
    ]

    /// The columns compared and sorted as byte-order text (``Dialect/orderedText``).
    private static let orderedColumns: Set<String> = ["id", "started_at", "finished_at"]

    /// Every migration, in order, for `dialect`.
    public static func migrations(for dialect: Dialect) -> [Migration] {
        let definitions = table.map { column in
            var definition = "    \(column.name) "
            definition += orderedColumns.contains(column.name) ? dialect.orderedText : column.declaredType
            if column.primaryKey { definition += " PRIMARY KEY" }
            if column.notNull { definition += " NOT NULL" }
            return definition
        }
        return [
            Migration(version: 1, name: "create agent_runs", statements: [
                "CREATE TABLE IF NOT EXISTS agent_runs (\n" + definitions.joined(separator: ",\n") + "\n)",
                "CREATE INDEX IF NOT EXISTS idx_agent_runs_source_started_at ON agent_runs (source, started_at DESC)",
                "CREATE INDEX IF NOT EXISTS idx_agent_runs_session_started_at ON agent_runs (session_id, started_at DESC)",
                "CREATE INDEX IF NOT EXISTS idx_agent_runs_status_started_at ON agent_runs (status, started_at DESC)",
            ]),
        ]
    }

    /// The newest version this code knows.
    public static var latestVersion: Int { migrations(for: .sqlite).last?.version ?? 0 }

    /// The columns in table order, for SELECT and RETURNING lists.
    public static let columns = table.map(\.name).joined(separator: ", ")

    /// How `columns` (an existing `agent_runs`, as a database describes it) differs from ``table``, one
    /// sentence per difference; empty when the table has the expected shape. Column order is not compared.
    public static func shapeDifferences(_ columns: [Column]) -> [String] {
        var differences: [String] = []
        let found = Dictionary(columns.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for expected in table {
            guard let column = found[expected.name] else {
                differences.append("column \(expected.name) is missing")
                continue
            }
            let type = ColumnType(declared: column.declaredType)
            if type?.rawValue != expected.declaredType {
                let declared = column.declaredType.isEmpty ? "declared without a type" : "\(column.declaredType)"
                differences.append("column \(expected.name) is \(declared), expected \(expected.declaredType)")
            }
            if !expected.primaryKey && column.notNull != expected.notNull {
                differences.append("column \(expected.name) is \(column.notNull ? "NOT NULL" : "nullable"), "
                                   + "expected \(expected.notNull ? "NOT NULL" : "nullable")")
            }
            if expected.primaryKey && !column.primaryKey {
                differences.append("column \(expected.name) is not the primary key")
            } else if !expected.primaryKey && column.primaryKey {
                differences.append("column \(expected.name) is part of the primary key, expected only id")
            }
        }
        let known = Set(table.map(\.name))
        for column in columns where !known.contains(column.name.lowercased()) {
            differences.append("unexpected column \(column.name)")
        }
        return differences
    }
}
