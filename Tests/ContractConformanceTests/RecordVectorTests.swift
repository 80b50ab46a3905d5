import ContractConformance
import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import Foundation
import Testing

/// What the record vectors cover, on the bundled schemas and on the schema that uses every construct of
/// the language (packages/python/tests/everything/everything.yaml).
@Suite struct RecordVectorTests {
    static let schemas = ["schema/agent_run.yaml", "schema/execution.yaml", "schema/execution_feed.yaml",
                          "schema/task_pipeline.yaml", "packages/python/tests/everything/everything.yaml"]

    static func load(_ path: String) throws -> Contract {
        let result = SchemaLoader().load(contentsOf: ConformanceTestSupport.packageRoot.appendingPathComponent(path).path)
        #expect(result.isValid, "\(path): \(result.diagnostics)")
        return try #require(result.contract)
    }

    static func records(_ contract: Contract) -> [JSONValue] {
        ConformanceTestSupport.section("records", of: ConformanceVectors(contract: contract, schemaName: "x.yaml"))
    }

    static func vector(_ id: String, in records: [JSONValue]) -> JSONValue? {
        records.first { $0["id"] == .string(id) }
    }

    @Test(arguments: schemas)
    func everyModelHasAValidBaseRecord(path: String) throws {
        let contract = try Self.load(path)
        let records = Self.records(contract)
        for model in contract.models {
            #expect(Self.vector("\(model.name)/valid_base", in: records)?["verdict"] == .string("valid"), "\(model.name)")
        }
    }

    @Test(arguments: schemas)
    func everyRuleIsBothSatisfiedAndBrokenByItsVectors(path: String) throws {
        let contract = try Self.load(path)
        let records = Self.records(contract)
        for model in contract.models {
            // `not (read_at < sent_at)` follows from the rule before it, which every record breaking it breaks first.
            for rule in model.rules where rule.id != "read_not_before_sent" {
                let own = records.filter { $0["id"]?.stringValue?.hasPrefix("\(model.name)/rule/\(rule.id)/") == true }
                #expect(own.contains { $0["verdict"] == .string("valid") }, "\(model.name).\(rule.id) never satisfied")
                #expect(own.contains { $0["category"] == .string("rule:\(rule.id)") }, "\(model.name).\(rule.id) never broken: \(own)")
            }
        }
    }

    @Test(arguments: schemas)
    func everyFieldGetsAWrongTypeANullAndAMissingKey(path: String) throws {
        let contract = try Self.load(path)
        let records = Self.records(contract)
        for model in contract.models {
            for field in model.fields {
                let prefix = "\(model.name)/field/\(field.name)/"
                if field.type != .json {
                    // A model's place holding another kind of value is `not_an_object`, any other `wrong_type`.
                    var expected = "wrong_type"
                    if case .named(let name) = field.type, contract.model(named: name) != nil { expected = "not_an_object" }
                    #expect(Self.vector(prefix + "wrong_type", in: records)?["category"] == .string(expected), "\(prefix)")
                }
                let null = Self.vector(prefix + "null", in: records)
                #expect(null?["verdict"] == .string(field.isNullable || field.type == .json ? "valid" : "invalid")
                        || null?["category"]?.stringValue?.hasPrefix("rule:") == true, "\(prefix)null: \(String(describing: null))")
                let missing = Self.vector(prefix + "missing", in: records)
                #expect(field.isRequired ? missing?["category"] == .string("missing_field") : missing != nil, "\(prefix)missing")
            }
        }
    }

    @Test(arguments: schemas)
    func everyEnumValueAndAnUnknownOneAreTried(path: String) throws {
        let contract = try Self.load(path)
        let records = Self.records(contract)
        for model in contract.models {
            for field in model.fields {
                guard case .named(let name) = field.type, let values = contract.namedType(name)?.wireValues else { continue }
                for value in values {
                    #expect(Self.vector("\(model.name)/field/\(field.name)/value/\(value)", in: records) != nil)
                }
                let unknown = Self.vector("\(model.name)/field/\(field.name)/unknown_value", in: records)
                let open = contract.enumeration(named: name)?.isOpen == true
                #expect(unknown?["category"] == (open ? nil : .string("unknown_enum_value")), "\(model.name).\(field.name)")
            }
        }
    }

    @Test func aLegacyValueIsRefusedWithoutTheOptionAndReadWithIt() throws {
        let records = Self.records(try Self.load("schema/execution.yaml"))
        #expect(Self.vector("TaskStepResult/field/status/legacy/success/refused", in: records)?["category"]
                == .string("unknown_enum_value"))
        let accepted = Self.vector("TaskStepResult/field/status/legacy/success/accepted", in: records)
        #expect(accepted?["accept_legacy"] == .bool(true))
        #expect(accepted?["category"] != .string("unknown_enum_value"))
    }

    @Test(arguments: schemas)
    func vectorIdsAreUnique(path: String) throws {
        let contract = try Self.load(path)
        let vectors = ConformanceTestSupport.checkedInVectors(of: contract, schemaName: "x.yaml")
        let ids = vectors.sections.flatMap(\.vectors).compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == ids.count)
    }

    @Test func bytesThatAreNotUTF8AreWrittenInHexAndJudgedAsThoseBytes() throws {
        let contract = try Self.load("schema/execution.yaml")
        let mutations = SeededMutations(contract: contract).vectors(perModel: 300)
        let hex = mutations.filter { $0["input_hex"] != nil }
        #expect(!hex.isEmpty)
        let validator = try RecordValidator(contract: contract, model: "TaskStepResult")
        for vector in hex {
            let text = try #require(vector["input_hex"]?.stringValue)
            #expect(String(validating: Array(text.utf8), as: UTF8.self) != nil)
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                bytes.append(try #require(UInt8(text[index..<next], radix: 16)))
                index = next
            }
            #expect(String(validating: bytes, as: UTF8.self) == nil)
            #expect(vector["category"] == validator.validate(bytes).map { .string($0.category) })
        }
    }

    @Test func aJSONDocumentGetsTheStrictReadersVerdictCategoryAndPath() {
        let vectors = ConformanceVectors(jsonSuite: [("good.json", Array("[1]".utf8)), ("dup.json", Array(#"{"a":1,"a":2}"#.utf8)),
                                                     ("bad.json", [0x22, 0xFF, 0x22])])
        let documents = ConformanceTestSupport.section("json_documents", of: vectors)
        #expect(documents.map { $0["verdict"] } == [.string("valid"), .string("invalid"), .string("invalid")])
        #expect(documents[1]["category"] == .string("duplicate_key"))
        #expect(documents[1]["path"] == .string("$.a"))
        #expect(documents[2]["category"] == .string("invalid_utf8"))
        #expect(documents[2]["input_hex"] == .string("22ff22"))
    }

    @Test func theSameSeedGivesTheSameMutationsAndAnotherSeedOthers() throws {
        let contract = try Self.load("schema/task_pipeline.yaml")
        let first = SeededMutations(contract: contract, seed: 7).vectors(perModel: 50)
        #expect(first == SeededMutations(contract: contract, seed: 7).vectors(perModel: 50))
        #expect(first != SeededMutations(contract: contract, seed: 8).vectors(perModel: 50))
        #expect(first.count == 50 * contract.models.count)
    }

    @Test func theTextIsStrictJSONWithOneVectorPerLine() throws {
        let contract = try Self.load("schema/task_pipeline.yaml")
        let vectors = ConformanceTestSupport.checkedInVectors(of: contract, schemaName: "task_pipeline.yaml")
        let text = vectors.jsonText()
        let parsed = try JSONValue(jsonString: text)
        #expect(parsed["format"] == .string(ConformanceVectors.format))
        let count = vectors.sections.reduce(0) { $0 + $1.vectors.count }
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("    {") }.count == count)
        #expect(parsed["records"]?.arrayValue?.count == ConformanceTestSupport.section("records", of: vectors).count)
    }
}

/// A record judged otherwise when `int` holds only ±(2^53−1) carries that verdict as `javascript_integers`.
@Suite struct JavaScriptIntegerVectorTests {
    @Test func anIntBeyondTwoToThe53CarriesTheVerdictOfJavaScriptIntegers() throws {
        let contract = try RecordVectorTests.load("schema/task_pipeline.yaml")
        let records = RecordVectorTests.records(contract)
        for kind in ["int_max", "int_min", "beyond_double_precision"] {
            let vector = try #require(RecordVectorTests.vector("SubTask/field/retry_count/\(kind)", in: records))
            #expect(vector["javascript_integers"] == .object(JSONObject([
                ("verdict", .string("invalid")), ("category", .string("number_out_of_range")),
                ("path", .string("$.retry_count")),
            ])), "\(kind): \(vector)")
        }
        // Where the verdicts agree, there is nothing more to say.
        let base = try #require(RecordVectorTests.vector("SubTask/valid_base", in: records))
        #expect(base["javascript_integers"] == nil)
        let overflow = try #require(RecordVectorTests.vector("SubTask/field/retry_count/int_overflow", in: records))
        #expect(overflow["category"] == .string("number_out_of_range") && overflow["javascript_integers"] == nil)
    }
}
