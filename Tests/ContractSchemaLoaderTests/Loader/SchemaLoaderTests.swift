import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

@Suite struct SeedContractTests {
    static let seeds = ["execution", "agent_run", "execution_feed", "task_pipeline"]

    @Test(arguments: seeds)
    func seedContractLoadsAndLintsClean(name: String) throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/\(name).yaml").path
        let result = SchemaLoader().load(contentsOf: path)
        #expect(DiagnosticRenderer.render(result.diagnostics) == "")
        #expect(result.isValid)
    }

    @Test func theDefaultContractHasTheShapeOfSeed003() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/execution.yaml").path
        let contract = try #require(SchemaLoader().load(contentsOf: path).contract)
        #expect(contract.name == "Execution")
        let status = try #require(contract.lifecycle(named: "TaskStatus"))
        #expect(status.states.map(\.name) == ["pending", "running", "completed", "cancelled", "timed_out", "failed"])
        #expect(status.initial == "pending")
        #expect(status.legacy.map { "\($0.value)->\($0.state)" } == ["success->completed", "error->failed"])
        let codes = try #require(contract.errorCatalog(named: "ErrorCode"))
        #expect(codes.codes.map(\.code) == ["E001", "E002", "E003", "E004", "E005", "E006", "E007"])
        #expect(codes.codes.map(\.category.rawValue) == ["client", "timeout", "execution", "system", "system", "system", "system"])
        let model = try #require(contract.model(named: "TaskStepResult"))
        #expect(model.fields.map(\.name) == ["step", "result", "completed", "message", "status", "error_code", "error_message"])
        #expect(model.rules.map(\.id) == ["completed_iff_status_completed", "error_code_iff_error_message",
                                          "unsuccessful_has_error_code"])
        #expect(model.rules.map(\.source) == ["completed == (status == completed)",
                                              "(error_code == null) == (error_message == null)",
                                              "status in [failed, timed_out, cancelled] implies error_code != null"])
    }
}

/// Misspells every keyword of every seed contract, one at a time, and expects exactly one located
/// "did you mean" diagnostic for it and nothing else.
@Suite struct KeyTypoTests {
    private static func misspell(_ key: String) -> String {
        var chars = Array(key)
        if chars.count >= 3, chars[1] != chars[2] {
            chars.swapAt(1, 2)
        } else if chars.count >= 2, chars[0] != chars[1] {
            chars.swapAt(0, 1)
        } else {
            chars.append(chars.last ?? "x")
        }
        return String(chars)
    }

    /// `text` with the key at `location` replaced by `replacement`.
    private static func replacing(_ key: YAMLScalar, with replacement: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var line = Array(lines[key.location.line - 1].unicodeScalars)
        let start = key.location.column - 1
        line.replaceSubrange(start..<(start + key.value.unicodeScalars.count), with: replacement.unicodeScalars)
        lines[key.location.line - 1] = String(String.UnicodeScalarView(line))
        return lines.joined(separator: "\n")
    }

    @Test(arguments: SeedContractTests.seeds)
    func everyMisspelledKeyGetsOneLocatedSuggestion(name: String) throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let clean = SchemaLoader().load(text: text, file: "\(name).yaml")
        #expect(clean.keywordKeys.count > 20)
        var checked = 0
        for key in clean.keywordKeys where key.style == .plain {
            let typo = Self.misspell(key.value)
            let result = SchemaLoader().load(text: Self.replacing(key, with: typo, in: text), file: "\(name).yaml")
            let expected = "\(key.location): error: unknown key `\(typo)` in "
            let rendered = DiagnosticRenderer.render(result.diagnostics)
            #expect(result.diagnostics.count == 1 && rendered.hasPrefix(expected)
                    && rendered.hasSuffix("; did you mean `\(key.value)`?\n"),
                    "misspelling `\(key.value)` as `\(typo)` at \(key.location) gave:\n\(rendered)")
            checked += 1
        }
        #expect(checked == clean.keywordKeys.count)
    }
}
