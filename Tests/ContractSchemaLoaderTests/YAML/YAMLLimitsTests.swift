import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// Any `YAMLLimits` a library user passes is safe: nothing overflows, negative limits refuse
/// everything, and depth stays within what the stack can take.
@Suite struct YAMLLimitsTests {
    private static let schema = Fixtures.packageRoot.appendingPathComponent("schema/execution.yaml").path

    @Test func aFileIsReadUnderLimitsOfIntMax() {
        let limits = YAMLLimits(maxBytes: .max, maxDepth: .max, maxNodes: .max)
        let result = SchemaLoader(limits: limits).load(contentsOf: Self.schema)
        #expect(result.isValid, "\(result.diagnostics)")
    }

    @Test func negativeLimitsCountAsZero() {
        #expect(YAMLLimits(maxBytes: -1, maxDepth: .min, maxNodes: -9) == YAMLLimits(maxBytes: 0, maxDepth: 0, maxNodes: 0))
        var limits = YAMLLimits()
        limits.maxBytes = -3
        limits.maxNodes = .min
        #expect(limits.maxBytes == 0)
        #expect(limits.maxNodes == 0)
    }

    @Test func aFileIsRefusedUnderNegativeLimitsWithoutCrashing() {
        var limits = YAMLLimits()
        limits.maxBytes = -1
        let result = SchemaLoader(limits: limits).load(contentsOf: Self.schema)
        #expect(!result.isValid)
        #expect(result.diagnostics.first?.message.hasSuffix("the limit is 0 bytes (raise it with --max-schema-bytes)") == true)
    }

    @Test func depthIsHeldToTheCeiling() {
        #expect(YAMLLimits(maxDepth: .max).maxDepth == YAMLLimits.depthCeiling)
        var limits = YAMLLimits()
        limits.maxDepth = YAMLLimits.depthCeiling + 1
        #expect(limits.maxDepth == YAMLLimits.depthCeiling)
    }

    @Test func nestingPastTheCeilingIsRefusedWithoutExhaustingTheStack() {
        let depth = 100_000
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let document = YAMLReader(limits: YAMLLimits(maxBytes: .max, maxDepth: .max, maxNodes: .max)).read(text: text, file: "t.yaml")
        #expect(DiagnosticRenderer.render(document.diagnostics)
            == "t.yaml:1:1003: error: nesting is deeper than 1000 levels, the most a schema may have\n")
    }

    @Test func nestingAtTheCeilingIsRead() {
        // The mapping holding `a` is the first level.
        let depth = YAMLLimits.depthCeiling - 1
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let document = YAMLReader(limits: YAMLLimits(maxDepth: .max, maxNodes: .max)).read(text: text, file: "t.yaml")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    }

    @Test func limitsOfOneSpeakOfOneLevelOneNodeAndOneByte() {
        func message(_ text: String, _ limits: YAMLLimits) -> String? {
            YAMLReader(limits: limits).read(text: text, file: "t.yaml").diagnostics.first?.message
        }
        #expect(message("a: [b]\n", YAMLLimits(maxDepth: 1)) == "nesting is deeper than the limit of 1 level (raise it with --max-schema-depth)")
        #expect(message("a: b\n", YAMLLimits(maxNodes: 1)) == "the file holds more than the limit of 1 YAML node (raise it with --max-schema-nodes)")
        #expect(message("a: b\n", YAMLLimits(maxBytes: 1)) == "schema file is 5 bytes; the limit is 1 byte (raise it with --max-schema-bytes)")
    }
}
