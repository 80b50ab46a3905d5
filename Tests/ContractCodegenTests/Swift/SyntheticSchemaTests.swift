import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// The synthetic contract from scripts/make-synthetic-schema.py: 1,000 states, 5,000 transitions,
/// 500 error codes and 200 models. Its timing lives in Benchmarks/, not here.
@Suite struct SyntheticSchemaTests {
    @Test func aContractWithAThousandStatesLintsCleanAndGenerates() throws {
        let path = Golden.packageRoot.appendingPathComponent("Tests/Fixtures/synthetic/large.yaml").path
        let result = SchemaLoader().load(contentsOf: path)
        #expect(DiagnosticRenderer.render(result.diagnostics) == "")
        let contract = try #require(result.contract)
        let lifecycle = try #require(contract.lifecycles.first)
        #expect(lifecycle.states.count == 1000)
        #expect(lifecycle.transitions.count == 5000)
        #expect(contract.errorCatalogs.first?.codes.count == 500)
        #expect(contract.models.count == 200)

        let source = Golden.generate(contract, schemaPath: "Tests/Fixtures/synthetic/large.yaml")
        #expect(source.contains("    case s999\n"))
        #expect(source.contains("case error500 = \"E500\""))
        #expect(source.contains("public struct Record199: Swift.Sendable, Swift.Hashable, Swift.Codable, ContractRuntime.ContractModel {"))
        #expect(source == Golden.generate(contract, schemaPath: "Tests/Fixtures/synthetic/large.yaml"))
    }
}
