import Foundation
import SQLiteNIO

/// An SQLite file in the temporary directory, written with plain SQL: a database that is not (or not
/// only) what a run store writes, such as another program's database or rows no store would write.
public struct SQLiteFile: Sendable {
    /// The file's path.
    public let path: String

    /// The file at `path` (which need not exist).
    public init(path: String) {
        self.path = path
    }

    /// A path for a new file; nothing is created.
    public static func newPath(_ name: String = "db.sqlite") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(UUID().uuidString)-\(name)").path
    }

    /// A file holding what `statements` create.
    public static func make(_ statements: [String], name: String = "db.sqlite") async throws -> SQLiteFile {
        let file = SQLiteFile(path: newPath(name))
        for statement in statements { _ = try await file.execute(statement) }
        return file
    }

    /// Runs one statement on a connection of its own.
    @discardableResult
    public func execute(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let rows = try await connection.query(sql, binds)
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The file's bytes, modification time and schema objects, and which side files exist: equal
    /// snapshots before and after an operation show that it wrote nothing.
    public func snapshot() async throws -> Snapshot {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let objects = try await execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").map { row in
            [row.column("type"), row.column("name"), row.column("sql")].map { $0?.string ?? "NULL" }.joined(separator: " | ")
        }
        let sideFiles = ["-journal", "-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
        return Snapshot(bytes: bytes, modified: attributes[.modificationDate] as? Date, objects: objects, sideFiles: sideFiles)
    }

    /// What ``snapshot()`` records.
    public struct Snapshot: Equatable, Sendable {
        public var bytes: Data
        public var modified: Date?
        public var objects: [String]
        public var sideFiles: [String]
    }

    /// Deletes the file and SQLite's side files.
    public func remove() {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
