import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// The default contract compiled into ContractSchema, for tools run outside this repository.
@Suite struct BundledContractTests {
    private static let schemaURL = Fixtures.packageRoot.appendingPathComponent("schema/execution.yaml")
    private static let sourceURL = Fixtures.packageRoot.appendingPathComponent("Sources/ContractSchemaLoader/Bundled/ExecutionSchemaText.swift")

    @Test func theBuiltInExecutionContractIsSchemaExecutionYAMLByteForByte() throws {
        let file = [UInt8](try Data(contentsOf: Self.schemaURL))
        #expect(Array(BundledContract.execution.text.utf8) == file,
                "schema/execution.yaml changed: regenerate with RECORD_GOLDEN=1 swift test --filter BundledContractTests")
        #expect(BundledContract.execution.path == "schema/execution.yaml")
    }

    @Test func theBuiltInContractsSourceIsGeneratedFromTheSchemaFile() throws {
        let text = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        let expected = BundledContractSource.swift(for: text, constant: "executionSchemaText", schemaPath: "schema/execution.yaml")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try expected.write(to: Self.sourceURL, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: Self.sourceURL, encoding: .utf8) == expected)
    }

    @Test func theBuiltInContractLoadsWithoutFindings() {
        let result = BundledContract.execution.load()
        #expect(result.isValid)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.contract?.name == "Execution")
        #expect(result.contract?.file == "schema/execution.yaml")
    }

    @Test func theBuiltInContractIsHeldToTheGivenLimits() {
        let result = BundledContract.execution.load(limits: YAMLLimits(maxBytes: 100))
        #expect(!result.isValid)
        #expect(result.diagnostics.map(\.message).first?.hasPrefix("schema file is ") == true)
    }

    @Test(arguments: ["plain: text\n", "no final line break", "quotes \"\"\"# and \\# inside\n", "\n", ""])
    func theGeneratedSourceKeepsAnyTextExactly(_ text: String) {
        // The raw literal's delimiter grows past whatever the text holds; its final line break is kept.
        let source = BundledContractSource.swift(for: text, constant: "t", schemaPath: "x.yaml")
        let body = source.components(separatedBy: "static let t = ").last ?? ""
        let hashes = String(body.prefix { $0 == "#" })
        #expect(hashes.count >= 1)
        #expect(!text.contains("\"\"\"" + hashes) && !text.contains("\\" + hashes))
        #expect(body.hasPrefix(hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes + "\n}"))
    }
}
