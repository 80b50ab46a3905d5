import Foundation
import Testing
@testable import ContractSchema

/// Indentation mistakes on the bundled schemas: each gives one finding naming the cause, never a cascade.
@Suite struct IndentationMistakeTests {
    /// `text` with line `number` (1-based) moved `by` columns (negative: to the left, removing spaces).
    static func shifting(line number: Int, by columns: Int, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[number - 1]
        let indentation = line.prefix { $0 == " " }.count
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix("#") else { return nil }
        if columns < 0 {
            guard indentation >= -columns else { return nil }
            lines[number - 1] = String(line.dropFirst(-columns))
        } else {
            lines[number - 1] = String(repeating: " ", count: columns) + line
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the block that starts at line `number` (the line and those below it indented more) moved.
    static func shifting(blockAt number: Int, by columns: Int, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indentation: (String) -> Int = { $0.prefix { $0 == " " }.count }
        let owner = indentation(lines[number - 1])
        var end = number
        while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces).isEmpty || indentation(lines[end]) > owner {
            end += 1
        }
        guard end > number else { return nil }
        var result = text
        for line in (number...end).reversed() where !lines[line - 1].trimmingCharacters(in: .whitespaces).isEmpty {
            guard let shifted = shifting(line: line, by: columns, in: result) else { return nil }
            result = shifted
        }
        return result
    }

    @Test(arguments: SeedContractTests.seeds)
    func movingAnyBlockOfASeedSchemaGivesAtMostOneError(name: String) throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var failures: [String] = []
        for line in 1...count {
            for columns in [-2, 2] {
                guard let shifted = Self.shifting(blockAt: line, by: columns, in: text) else { continue }
                let diagnostics = SchemaLoader().load(text: shifted, file: "\(name).yaml").diagnostics
                if diagnostics.count > 1 {
                    failures.append("block at line \(line) by \(columns):\n" + DiagnosticRenderer.render(diagnostics))
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) shifts gave more than one finding:\n\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: SeedContractTests.seeds)
    func movingAnyOneLineOfASeedSchemaGivesAtMostOneError(name: String) throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var failures: [String] = []
        for line in 1...count {
            for columns in [-2, -1, 1, 2] {
                guard let shifted = Self.shifting(line: line, by: columns, in: text) else { continue }
                let diagnostics = SchemaLoader().load(text: shifted, file: "\(name).yaml").diagnostics
                if diagnostics.count > 1 {
                    failures.append("line \(line) by \(columns):\n" + DiagnosticRenderer.render(diagnostics))
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) shifts gave more than one finding:\n\(failures.joined(separator: "\n"))")
    }
}
