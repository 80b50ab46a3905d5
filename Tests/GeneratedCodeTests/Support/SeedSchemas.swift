import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// The package's seed schemas, read with ContractSchema so tests compare generated code with the schema itself.
enum SeedSchemas {
    /// The package root, found from this source file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The contract in `schema/<name>`, which must load without errors.
    static func contract(_ name: String) throws -> Contract {
        try contract(atPath: "schema/\(name)")
    }

    /// The contract in the file at `path` (relative to the package root), which must load without errors.
    static func contract(atPath path: String) throws -> Contract {
        let result = SchemaLoader().load(contentsOf: packageRoot.appendingPathComponent(path).path)
        #expect(result.isValid, "\(path): \(result.diagnostics)")
        return try #require(result.contract)
    }

    /// The lifecycle `lifecycle` of `schema/<file>`.
    static func lifecycle(_ lifecycle: String, in file: String) throws -> Lifecycle {
        try #require(try contract(file).lifecycle(named: lifecycle))
    }
}
