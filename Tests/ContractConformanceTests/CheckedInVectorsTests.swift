import ContractConformance
import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// The vectors checked in under conformance/vectors are what `contractgen conformance` derives from the
/// bundled schemas now, so a change to a schema or to the reference implementation shows in review.
/// `RECORD_GOLDEN=1 swift test --filter CheckedInVectorsTests` rewrites them.
@Suite struct CheckedInVectorsTests {
    static let schemas = ["agent_run.yaml", "execution.yaml", "execution_feed.yaml", "task_pipeline.yaml"]

    @Test(arguments: schemas)
    func theCheckedInVectorsAreWhatTheSchemaGivesNow(schema: String) throws {
        let contract = try ConformanceTestSupport.bundledContract(schema)
        let text = ConformanceTestSupport.checkedInVectors(of: contract, schemaName: schema).jsonText()
        let file = ConformanceTestSupport.vectorsDirectory.appendingPathComponent(
            (schema as NSString).deletingPathExtension + ".json")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: file)
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == text, """
            conformance/vectors/\(file.lastPathComponent) is stale: regenerate with \
            RECORD_GOLDEN=1 swift test --filter CheckedInVectorsTests
            """)
    }

    @Test func theCheckedInJSONSuiteVectorsAreWhatTheSuiteGivesNow() throws {
        let suite = ConformanceTestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/json/suite")
        let names = try FileManager.default.contentsOfDirectory(atPath: suite.path).filter { $0.hasSuffix(".json") }.sorted()
        let documents = try names.map { ($0, Array(try Data(contentsOf: suite.appendingPathComponent($0)))) }
        let text = ConformanceVectors(jsonSuite: documents).jsonText()
        let file = ConformanceTestSupport.vectorsDirectory.appendingPathComponent(ConformanceVectors.jsonSuiteName + ".json")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: file)
            return
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text, """
            conformance/vectors/\(file.lastPathComponent) is stale: regenerate with \
            RECORD_GOLDEN=1 swift test --filter CheckedInVectorsTests
            """)
        #expect(documents.count > 300)
    }

    @Test func everyBundledSchemaAndTheJSONSuiteHaveVectorsCheckedInAndNoOtherFileIsThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ConformanceTestSupport.vectorsDirectory.path)
        #expect(Set(names) == Set(Self.schemas.map { ($0 as NSString).deletingPathExtension + ".json" } + ["json_suite.json"]))
    }
}
