import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Testing

/// The full-file golden references are the generated files the package checks in, listed in its
/// `contractgen.yaml` (the same list `contractgen check` reads): each must be exactly what the generator
/// makes now, so any change to the output shows in review. Re-record with
/// `RECORD_GOLDEN=1 swift test --filter CheckedInGeneratedCodeTests` after changing the generator or a schema.
@Suite struct CheckedInGeneratedCodeTests {
    static let manifest: GenerationManifest? = GenerationManifest.load(
        contentsOf: Golden.packageRoot.appendingPathComponent(GenerationManifest.fileName).path).manifest

    @Test func theManifestKnowsEveryLanguageTheGeneratorWrites() {
        #expect(GenerationManifest.languages == OutputLanguage.allCases.map(\.rawValue))
    }

    /// The four bundled contracts, and the fixture with every field type that GeneratedCodeTests runs.
    @Test func theManifestListsTheBundledContractsAndTheFieldTypesFixture() throws {
        let manifest = try #require(Self.manifest)
        let swift = manifest.entries.filter { $0.language == "swift" }
        #expect(swift.map(\.schema) == ["schema/execution.yaml", "schema/agent_run.yaml", "schema/execution_feed.yaml",
                                        "schema/task_pipeline.yaml", "Tests/Fixtures/schemas/field_types.yaml"])
    }

    @Test func theManifestListsTheFourBundledContractsInPythonInTheirPackage() throws {
        let manifest = try #require(Self.manifest)
        let python = manifest.entries.filter { $0.language == "python" }
        #expect(python.map(\.schema) == ["schema/execution.yaml", "schema/agent_run.yaml", "schema/execution_feed.yaml",
                                         "schema/task_pipeline.yaml"])
        #expect(Set(python.map(\.output)) == ["packages/python/execution_contracts"])
    }

    @Test(arguments: manifest?.entries ?? [])
    func theCheckedInFileIsTheGeneratorsOutput(entry: GenerationManifest.Entry) throws {
        let contract = try Golden.contract(atPath: entry.schema)
        let access = AccessLevel(rawValue: entry.access) ?? .public
        let language = try #require(OutputLanguage(rawValue: entry.language))
        let generator = CodeGenerators.generator(for: language, access: access)
        let name = try #require(GenerationPlan.outputName(for: entry.schema, language: language))
        try Golden.check(generator.generate(contract, schemaPath: entry.schema, provenance: .command(outputDirectory: entry.output)),
                         against: entry.output + "/" + name)
    }
}
