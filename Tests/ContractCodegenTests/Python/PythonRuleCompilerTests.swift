import ContractSchema
import ContractSchemaLoader
import Testing
@testable import ContractCodegen

/// The Python rule compiler on its own, on the schema of ``RuleCompilerTests``: each construct of the rule
/// language as Python, and the condition under which a rule is broken in its simplest exact form.
@Suite struct PythonRuleCompilerTests {
    static func compile(_ check: String, extraFields: String = "") throws -> (positive: String, broken: String) {
        let yaml = RuleCompilerTests.schema + extraFields + "\n    rules:\n      - { id: r, check: \"\(check)\" }\n"
        let result = SchemaLoader().load(text: yaml, file: "rules.yaml")
        let contract = try #require(result.contract, "\(result.diagnostics)")
        try #require(result.isValid, "\(result.diagnostics.map(\.description))")
        let model = try #require(contract.model(named: "Sample"))
        let rule = try #require(model.rules.first)
        let compiler = PythonRuleCompiler(model: model, contract: contract, naming: PythonNaming(contract: contract),
                                          receiver: "self.")
        return (compiler.compile(rule.expression).code, compiler.compileNegation(rule.expression).code)
    }

    @Test(arguments: [
        ("flag == (phase == done)", "self.flag != (self.phase == Phase.DONE)"),
        ("(note == null) == (limit == null)", "(self.note is None) != (self.limit is None)"),
        ("phase in [active] implies note != null", "self.phase in (Phase.ACTIVE,) and self.note is None"),
        ("flag and count > 0", "not self.flag or self.count <= 0"),
        ("flag or phase == active", "not self.flag and self.phase != Phase.ACTIVE"),
        ("not flag", "self.flag"),
        ("phase not in [done]", "self.phase in (Phase.DONE,)"),
        ("count >= 0", "self.count < 0"),
        // A double may be NaN when built in Python, so an ordering of doubles keeps its `not`, as in Swift.
        ("ratio >= 0.5", "not (self.ratio >= 0.5)"),
        ("limit >= count", "not rt.greater_or_equal(self.limit, self.count)"),
        ("data != null", "self.data is None"),
        ("count < limit or limit == null", "not rt.less(self.count, self.limit) and self.limit is not None"),
        ("flag == true", "not self.flag"),
        ("note != ''", "self.note == \"\""),
        ("note == 'é'", "not rt.same_text(self.note, \"é\")"),
        ("note not in ['a', 'b']", "rt.text_in(self.note, (\"a\", \"b\"))"),
        ("count != 9007199254740993.0", "self.count == 9007199254740992.0"),
    ])
    func aBrokenRuleIsTheSimplestExactNegation(check: String, broken: String) throws {
        let actual = try Self.compile(check).broken
        #expect(actual == broken, "\(actual)")
    }

    @Test(arguments: [
        ("count == ratio", "self.count == self.ratio"),
        ("limit > 3", "rt.greater(self.limit, 3)"),
        ("phase in [active, done]", "self.phase in (Phase.ACTIVE, Phase.DONE)"),
        ("note == null and data == null", "self.note is None and self.data is None"),
        ("flag implies count > 0", "not self.flag or self.count > 0"),
        ("(flag or count > 0) and ratio < 1.5", "(self.flag or self.count > 0) and self.ratio < 1.5"),
    ])
    func eachConstructCompilesToPlainPython(check: String, positive: String) throws {
        let actual = try Self.compile(check).positive
        #expect(actual == positive, "\(actual)")
    }

    /// mypy narrows `phase` to one member after `phase == done` and would call a second comparison in the same
    /// condition impossible; a field compared with enum values twice is compared by membership, which mypy does not
    /// narrow.
    @Test func aFieldComparedWithTwoEnumValuesInOneRuleIsComparedByMembership() throws {
        #expect(try Self.compile("phase == done implies phase != active").broken
                == "self.phase in (Phase.DONE,) and self.phase in (Phase.ACTIVE,)")
        #expect(try Self.compile("phase == done implies flag").broken == "self.phase == Phase.DONE and not self.flag")
    }

    @Test func aNullableBoolComparedWithALiteralSaysWhatNullMeans() throws {
        let extra = "\n      maybe: { type: bool, nullable: true }"
        #expect(try Self.compile("maybe == true", extraFields: extra) == ("self.maybe == True", "self.maybe != True"))
        #expect(try Self.compile("maybe != false", extraFields: extra) == ("self.maybe != False", "self.maybe == False"))
    }
}
