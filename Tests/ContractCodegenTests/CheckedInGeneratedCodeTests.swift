import ContractCodegen
import Testing

/// The full-file golden references for the four seed schemas are the generated files checked into the
/// package (public for ExecutionContracts and ContractRunTracking, internal for task_pipeline in
/// GeneratedCodeTests): each must
/// be exactly what the generator makes now, so any change to the output shows in review. Record with
/// `RECORD_GOLDEN=1 swift test --filter ContractCodegenTests` after changing the generator or a schema.
@Suite struct CheckedInGeneratedCodeTests {
    @Test func executionContractsIsTheGeneratorsOutputForTheExecutionSchema() throws {
        let contract = try Golden.seedContract("execution.yaml")
        try Golden.check(Golden.generate(contract, schemaPath: "schema/execution.yaml",
                                         output: "Sources/ExecutionContracts/Generated"),
                         against: "Sources/ExecutionContracts/Generated/execution.swift")
    }

    // agent_run and execution_feed are checked in (public) under Sources/ContractRunTracking/Generated and
    // compared by ContractRunTrackingTests; GeneratedCodeTests uses those.
    @Test(arguments: ["task_pipeline"])
    func generatedCodeTestsHoldsTheGeneratorsInternalOutput(for schema: String) throws {
        let contract = try Golden.seedContract("\(schema).yaml")
        try Golden.check(Golden.generate(contract, schemaPath: "schema/\(schema).yaml", access: .internal,
                                         output: "Tests/GeneratedCodeTests/Generated"),
                         against: "Tests/GeneratedCodeTests/Generated/\(schema).swift")
    }
}
