import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// Sources/ContractRunTracking/Generated holds `contractgen generate schema/agent_run.yaml
/// schema/execution_feed.yaml --output Sources/ContractRunTracking/Generated --access public`; each file
/// must be exactly what the generator makes now. Re-record with `RECORD_GOLDEN=1`.
@Suite struct CheckedInGeneratedCodeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["agent_run", "execution_feed"])
    func contractRunTrackingHoldsTheGeneratorsPublicOutput(for schema: String) throws {
        let schemaPath = "schema/\(schema).yaml"
        let result = SchemaLoader().load(contentsOf: Self.packageRoot.appendingPathComponent(schemaPath).path)
        let contract = try #require(result.contract, "\(schemaPath): \(result.diagnostics)")
        let fresh = SwiftGenerator(options: SwiftGeneratorOptions(access: .public))
            .generate(contract, schemaPath: schemaPath, provenance: .command(outputDirectory: "Sources/ContractRunTracking/Generated"))
        let file = Self.packageRoot.appendingPathComponent("Sources/ContractRunTracking/Generated/\(schema).swift")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try fresh.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let checkedIn = try String(contentsOf: file, encoding: .utf8)
        #expect(checkedIn == fresh, """
            \(file.path) differs from fresh generation; regenerate with `swift run contractgen generate \
            schema/agent_run.yaml schema/execution_feed.yaml --output Sources/ContractRunTracking/Generated --access public`
            """)
    }
}
