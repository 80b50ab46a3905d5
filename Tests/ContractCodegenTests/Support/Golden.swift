import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Foundation
import TestSupport
import Testing

/// Golden files and the checked-in generated code, compared with fresh output.
enum Golden {
    /// The package root, found from this source file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/ContractCodegenTests/Golden`.
    static let directory = packageRoot.appendingPathComponent("Tests/ContractCodegenTests/Golden")

    /// Whether tests rewrite expected files instead of comparing (`RECORD_GOLDEN=1`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The contract in the package's `schema/` file `name`, which must load without errors.
    static func seedContract(_ name: String) throws -> Contract {
        try contract(atPath: "schema/\(name)")
    }

    /// The contract in the file at `path` (relative to the package root), which must load without errors.
    static func contract(atPath path: String) throws -> Contract {
        let result = SchemaLoader().load(contentsOf: packageRoot.appendingPathComponent(path).path)
        #expect(result.isValid, "\(path): \(result.diagnostics)")
        return try #require(result.contract)
    }

    /// The contract in `text`, which must load without errors.
    static func contract(_ text: String, file: String = "snippet.yaml") throws -> Contract {
        let result = SchemaLoader().load(text: text, file: file)
        #expect(result.isValid, "\(file): \(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(result.contract)
    }

    /// Swift for `contract` with the golden options, as `contractgen generate` writes it into `output`.
    static func generate(_ contract: Contract, schemaPath: String, access: AccessLevel = .public,
                         output: String = "Generated") -> String {
        SwiftGenerator(options: SwiftGeneratorOptions(access: access))
            .generate(contract, schemaPath: schemaPath, provenance: .command(outputDirectory: output))
    }

    /// Compares `actual` with the file at `relativePath` (from the package root), or rewrites the file
    /// when recording. A mismatch fails with a line diff.
    static func check(_ actual: String, against relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = packageRoot.appendingPathComponent(relativePath)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing \(relativePath); record it with RECORD_GOLDEN=1 swift test --filter ContractCodegenTests",
                         sourceLocation: sourceLocation)
            return
        }
        if let diff = diff(expected: expected, actual: actual) {
            Issue.record("""
                \(relativePath) differs from the generated output (- expected, + actual); \
                re-record with RECORD_GOLDEN=1 swift test --filter ContractCodegenTests if the change is intended:
                \(diff)
                """, sourceLocation: sourceLocation)
        }
    }

    /// A line diff of two texts (changed lines only, with line numbers), or nil when they are equal.
    static func diff(expected: String, actual: String) -> String? {
        LineDiff.describe(expected: expected, actual: actual)
    }
}
