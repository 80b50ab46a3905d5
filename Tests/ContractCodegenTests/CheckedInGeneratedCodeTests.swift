import ContractCodegen
import Testing

/// The generated code checked into the package is exactly what the generator makes now. Record with
/// `RECORD_GOLDEN=1 swift test --filter ContractCodegenTests` after changing the generator or a schema.
@Suite struct CheckedInGeneratedCodeTests {
    @Test func executionContractsIsTheGeneratorsOutputForTheExecutionSchema() throws {
        let contract = try Golden.seedContract("execution.yaml")
        try Golden.check(Golden.generate(contract, schemaPath: "schema/execution.yaml"),
                         against: "Sources/ExecutionContracts/Generated/execution.swift")
    }

    @Test(arguments: ["agent_run", "execution_feed", "task_pipeline"])
    func generatedCodeTestsHoldsTheGeneratorsInternalOutput(for schema: String) throws {
        let contract = try Golden.seedContract("\(schema).yaml")
        try Golden.check(Golden.generate(contract, schemaPath: "schema/\(schema).yaml", access: .internal),
                         against: "Tests/GeneratedCodeTests/Generated/\(schema).swift")
    }
}
