import ContractConformance
import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// The bundled schemas and the vectors checked in for them.
enum ConformanceTestSupport {
    /// The package root, found from this source file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// conformance/vectors.
    static let vectorsDirectory = packageRoot.appendingPathComponent("conformance/vectors")

    /// Seeded mutations per model in the checked-in vectors (`contractgen conformance --mutations 100`).
    static let checkedInMutations = 100

    /// The contract in `schema/<name>`, which must load without errors.
    static func bundledContract(_ name: String) throws -> Contract {
        let result = SchemaLoader().load(contentsOf: packageRoot.appendingPathComponent("schema/\(name)").path)
        #expect(result.isValid, "schema/\(name): \(result.diagnostics)")
        return try #require(result.contract)
    }

    /// The vectors as checked in: everything `contractgen conformance --mutations 100` writes.
    static func checkedInVectors(of contract: Contract, schemaName: String) -> ConformanceVectors {
        var vectors = ConformanceVectors(contract: contract, schemaName: schemaName)
        let mutations = SeededMutations(contract: contract).vectors(perModel: checkedInMutations, records: vectors.section("records"))
        vectors.append(section: "mutations", vectors: mutations)
        return vectors
    }

    /// The vectors of section `name`.
    static func section(_ name: String, of vectors: ConformanceVectors) -> [JSONValue] {
        vectors.sections.first { $0.name == name }?.vectors ?? []
    }
}
