import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// How lint applies the pattern limits a loader is given, and shares one matching-step allowance
/// among all catalogs of a schema.
@Suite struct CodePatternLintTests {
    static func schema(_ catalogs: [(name: String, pattern: String, codes: [String])]) -> String {
        var text = "contract: Demo\nversion: 1.0.0\nerrors:\n"
        for catalog in catalogs {
            text += "  \(catalog.name):\n    pattern: \"\(catalog.pattern)\"\n    codes:\n"
            for (index, code) in catalog.codes.enumerated() {
                text += "      \(code): { name: code_\(index), category: client, retryable: false }\n"
            }
        }
        return text
    }

    static func findings(_ text: String, limits: CodePatternLimits = .default) -> String {
        DiagnosticRenderer.render(SchemaLoader(patternLimits: limits).load(text: text, file: "s.yaml").diagnostics)
    }

    @Test func theLoadersPatternLimitsReplaceTheDefaults() {
        var limits = CodePatternLimits.default
        limits.maxBytes = 4
        limits.maxRepetition = 2
        let text = Self.schema([("Long", "E[0-9]{3}", ["E001"]), ("Counted", "E{3}", ["EEE"])])
        #expect(Self.findings(text, limits: limits) == """
            s.yaml:5:14: error: the pattern of error catalog `Long` is 9 bytes; the limit is 4 bytes
            s.yaml:9:17: error: pattern `E{3}` of error catalog `Counted` repeats something 3 times; the limit for a repetition count is 2

            """)
        #expect(Self.findings(text).isEmpty)
    }

    // `[a-z]+` compiles to 3 instructions (3 steps); matching a code of 10 scalars takes 34 steps (3 to
    // prepare, 1 to start, 3 per scalar). The first catalog costs 71 steps, the second as much again.
    static let twoCatalogs = schema([("First", "[a-z]+", ["aaaaaaaaaa", "bbbbbbbbbb"]),
                                     ("Second", "[a-z]+", ["cccccccccc", "dddddddddd"])])

    static func findings(withPatternSteps steps: Int) -> String {
        var limits = CodePatternLimits.default
        limits.maxPatternSteps = steps
        return findings(twoCatalogs, limits: limits)
    }

    @Test func allCatalogsOfASchemaShareOneStepAllowanceForCompilingAndMatching() {
        #expect(Self.findings(withPatternSteps: 142).isEmpty)
        #expect(Self.findings(withPatternSteps: 94) == """
            s.yaml:12:7: error: code `cccccccccc` and the codes after it were not checked against the pattern `[a-z]+` \
            of error catalog `Second`: checking patterns reached the limit of 94 steps for one schema; shorten the \
            codes or simplify the patterns

            """)
    }

    @Test func aPatternTheAllowanceCannotCompileIsReportedWithItsCodesUnchecked() {
        #expect(Self.findings(withPatternSteps: 72) == """
            s.yaml:10:14: error: pattern `[a-z]+` of error catalog `Second` and its codes were not checked: checking \
            patterns reached the limit of 72 steps for one schema; shorten the codes or simplify the patterns

            """)
    }

    @Test func aCatalogWithoutAPatternTakesNoSteps() {
        let text = Self.schema([("Unpatterned", "a+", ["a"])]).replacingOccurrences(of: "    pattern: \"a+\"\n", with: "")
        var limits = CodePatternLimits.default
        limits.maxPatternSteps = 0
        #expect(Self.findings(text, limits: limits).isEmpty)
    }
}
