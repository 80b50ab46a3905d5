import ContractCodegen
import ContractSchema
import Foundation
import Testing

@Suite struct JSONSchemaExportTests {
    @Test(arguments: ExportFixtures.seedSchemas)
    func theJSONSchemaOfEachSeedModelMatchesItsGoldenFile(file: String) throws {
        let contract = try Golden.seedContract(file)
        for document in JSONSchemaExporter().documents(for: contract) {
            try ExportFixtures.check(document.schema.rendered(), against: "json-schema/\(document.fileName)")
        }
    }

    @Test func everyRuleIsListedWithWhetherTheSchemaExpressesIt() throws {
        let contract = try Golden.seedContract("agent_run.yaml")
        let document = try #require(JSONSchemaExporter().documents(for: contract).first).schema
        guard case .array(let rules)? = document[JSONSchemaExporter.rulesKeyword] else {
            Issue.record("no \(JSONSchemaExporter.rulesKeyword)")
            return
        }
        #expect(rules.compactMap { $0["id"] } == contract.models[0].rules.map { .string($0.id) })
        let inexpressible = rules.filter { $0["expressed"] == .bool(false) }.compactMap { $0["id"] }
        #expect(inexpressible == [.string("finished_not_before_started")])
    }

    @Test func anOrderingBetweenTwoFieldsIsMarkedNotExpressible() throws {
        let contract = try Golden.seedContract("agent_run.yaml")
        let text = try #require(JSONSchemaExporter().documents(for: contract).first).schema.rendered()
        #expect(text.contains("\"expression\": \"finished_at == null or finished_at >= started_at\""))
        #expect(text.contains("not expressible in JSON Schema: it compares two fields"))
    }

    @Test func anOpenEnumIsAnyStringWithItsKnownValuesAsExamples() throws {
        let contract = try Golden.seedContract("execution_feed.yaml")
        let document = try #require(JSONSchemaExporter().documents(for: contract).first { $0.model == "ExecutionUpdateData" }).schema
        let type = try #require(document["$defs"]?["ExecutionType"])
        #expect(type["type"] == .string("string"))
        #expect(type["enum"] == nil)
        #expect(type["examples"] == .array([.string("workflow"), .string("agent_test")]))
    }

    @Test func aNestedModelIsADefinitionReferencedWithRef() throws {
        let contract = try Golden.seedContract("execution_feed.yaml")
        let document = try #require(JSONSchemaExporter().documents(for: contract).first { $0.model == "ExecutionUpdate" }).schema
        #expect(document["properties"]?["data"]?["$ref"] == .string("#/$defs/ExecutionUpdateData"))
        #expect(document["$defs"]?["ExecutionUpdateData"]?["type"] == .string("object"))
        #expect(document["$defs"]?["ExecutionStatus"] != nil)
    }

    @Test func intIsABoundedIntegerAndTimestampAnRFC3339String() throws {
        let contract = try Golden.seedContract("agent_run.yaml")
        let properties = try #require(JSONSchemaExporter().documents(for: contract).first?.schema["properties"])
        #expect(properties["duration_ms"]?["type"] == .array([.string("integer"), .string("null")]))
        #expect(properties["duration_ms"]?["maximum"] == .int(Int64.max))
        #expect(properties["started_at"]?["format"] == .string("date-time"))
        #expect(properties["started_at"]?["pattern"] == .string(JSONSchemaExporter.timestampPattern))
    }
}
