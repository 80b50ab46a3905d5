import ContractCodegen
import Testing

/// Full-file golden references: the public Swift for each seed schema.
@Suite struct SeedSchemaGoldenTests {
    @Test(arguments: ["execution", "agent_run", "execution_feed", "task_pipeline"])
    func seedSchemaGeneratesItsGoldenFile(_ schema: String) throws {
        let contract = try Golden.seedContract("\(schema).yaml")
        try Golden.check(Golden.generate(contract, schemaPath: "schema/\(schema).yaml"),
                         against: "Tests/ContractCodegenTests/Golden/\(schema).swift")
    }
}
