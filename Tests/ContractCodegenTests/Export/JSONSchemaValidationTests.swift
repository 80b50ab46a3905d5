import ContractCodegen
import ContractSchema
import Foundation
import Testing

/// The exported JSON Schema of each seed contract, checked by an independent validator (Python's
/// `jsonschema`) against record fixtures: every valid record is accepted, every shape-invalid one
/// rejected.
@Suite(.enabled(if: PythonJSONSchemaValidator.isPythonAvailable, "python3 is not installed, so the exported JSON Schema cannot be checked by jsonschema"))
struct JSONSchemaValidationTests {
    /// Records for one model: valid, invalid, and invalid only by a rule JSON Schema cannot express.
    struct Case: CustomTestStringConvertible, Sendable {
        var schema: String
        var model: String
        var valid: [String]
        var invalid: [String]
        var ruleOnly: [String] = []
        var testDescription: String { model }
    }

    static let records = "Tests/Fixtures/export/records"

    static let cases: [Case] = [
        // Lines 1–11 of execution_invalid.jsonl: rules, unknown and legacy enum values, wrong types, null in a
        // non-null field, a missing and an unknown key. Lines 12 and on are JSON syntax (duplicate keys,
        // NaN, bad escapes), which is the JSON parser's business, not JSON Schema's.
        Case(schema: "execution.yaml", model: "TaskStepResult", valid: ["Tests/Fixtures/records/execution_valid.jsonl"],
             invalid: ["Tests/Fixtures/records/execution_invalid.jsonl:1-11"]),
        Case(schema: "agent_run.yaml", model: "AgentRun", valid: ["\(records)/AgentRun.valid.jsonl"],
             invalid: ["\(records)/AgentRun.invalid.jsonl"], ruleOnly: ["\(records)/AgentRun.rule-only.jsonl"]),
        Case(schema: "execution_feed.yaml", model: "ExecutionUpdate", valid: ["\(records)/ExecutionUpdate.valid.jsonl"],
             invalid: ["\(records)/ExecutionUpdate.invalid.jsonl"]),
        Case(schema: "task_pipeline.yaml", model: "SubTask", valid: ["\(records)/SubTask.valid.jsonl"],
             invalid: ["\(records)/SubTask.invalid.jsonl"], ruleOnly: ["\(records)/SubTask.rule-only.jsonl"]),
    ]

    @Test(arguments: cases)
    func theExportedSchemaAcceptsEveryValidRecord(_ c: Case) throws {
        let verdicts = try verdicts(c, c.valid)
        #expect(!verdicts.isEmpty)
        for v in verdicts where !v.valid {
            Issue.record("\(v.file):\(v.line) is valid but the JSON Schema rejects it: \(v.error ?? "")")
        }
    }

    @Test(arguments: cases)
    func theExportedSchemaRejectsEveryShapeInvalidRecord(_ c: Case) throws {
        let verdicts = try verdicts(c, c.invalid)
        #expect(!verdicts.isEmpty)
        for v in verdicts where v.valid {
            Issue.record("\(v.file):\(v.line) is invalid but the JSON Schema accepts it")
        }
    }

    @Test(arguments: cases.filter { !$0.ruleOnly.isEmpty })
    func aRecordBreakingOnlyAnInexpressibleRuleIsLeftToContractgenValidate(_ c: Case) throws {
        // JSON Schema cannot order two fields; the rule is listed under x-contract-rules with expressed: false.
        let verdicts = try verdicts(c, c.ruleOnly)
        #expect(!verdicts.isEmpty)
        #expect(verdicts.allSatisfy { $0.valid })
    }

    /// Exports the case's model to a temporary file and validates the named record files (`path:FIRST-LAST`
    /// picks a range of lines).
    private func verdicts(_ c: Case, _ files: [String]) throws -> [PythonJSONSchemaValidator.Verdict] {
        let contract = try Golden.seedContract(c.schema)
        let document = try #require(JSONSchemaExporter().documents(for: contract).first { $0.model == c.model })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaURL = directory.appendingPathComponent(document.fileName)
        try document.schema.rendered().write(to: schemaURL, atomically: true, encoding: .utf8)
        var recordURLs: [URL] = []
        for (index, file) in files.enumerated() {
            let parts = file.split(separator: ":")
            let source = Golden.packageRoot.appendingPathComponent(String(parts[0]))
            guard parts.count == 2 else {
                recordURLs.append(source)
                continue
            }
            let bounds = parts[1].split(separator: "-").compactMap { Int($0) }
            // Bytes, not text: later lines of the fixture hold invalid UTF-8 on purpose.
            let lines = try Data(contentsOf: source).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let url = directory.appendingPathComponent("records-\(index).jsonl")
            try Data(lines[(bounds[0] - 1)..<bounds[1]].joined(separator: [UInt8(ascii: "\n")])).write(to: url)
            recordURLs.append(url)
        }
        return try PythonJSONSchemaValidator.validate(schema: schemaURL, records: recordURLs)
    }
}
