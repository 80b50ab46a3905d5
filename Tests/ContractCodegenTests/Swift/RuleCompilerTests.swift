import ContractSchema
import ContractSchemaLoader
import Testing
@testable import ContractCodegen

/// The rule compiler on its own: each construct of the rule language as Swift, and the condition under
/// which a rule is broken in its simplest exact form.
@Suite struct RuleCompilerTests {
    static let schema = """
        contract: Rules
        version: 1.0.0
        lifecycles:
          Phase:
            initial: active
            states:
              active: {}
              done: { terminal: true, outcome: success }
            transitions: { active: [done] }
        models:
          Sample:
            fields:
              count: { type: int }
              limit: { type: int, nullable: true }
              ratio: { type: double }
              flag: { type: bool }
              phase: { type: Phase }
              note: { type: string, nullable: true }
              data: { type: json }
        """

    /// The compiled rule `check` (its positive form) and its negation, as the model's violations() writes it.
    static func compile(_ check: String) throws -> (positive: String, broken: String) {
        let yaml = schema + "\n    rules:\n      - { id: r, check: \"\(check)\" }\n"
        let result = SchemaLoader().load(text: yaml, file: "rules.yaml")
        let contract = try #require(result.contract, "\(result.diagnostics)")
        try #require(result.isValid, "\(result.diagnostics.map(\.description))")
        let model = try #require(contract.model(named: "Sample"))
        let rule = try #require(model.rules.first)
        let compiler = RuleCompiler(model: model, contract: contract, receiver: "self.")
        return (compiler.compile(rule.expression), compiler.compileNegation(rule.expression))
    }

    @Test(arguments: [
        ("flag == (phase == done)", "self.flag != (self.phase == .done)"),
        ("(note == null) == (limit == null)", "(self.note == nil) != (self.limit == nil)"),
        ("phase in [active] implies note != null", "[.active].contains(self.phase) && self.note == nil"),
        ("flag and count > 0", "!self.flag || self.count <= 0"),
        ("flag or phase == active", "!self.flag && self.phase != .active"),
        ("not flag", "self.flag"),
        ("phase not in [done]", "[.done].contains(self.phase)"),
        ("count >= 0", "self.count < 0"),
        ("ratio >= 0.5", "!(self.ratio >= 0.5)"),
        ("limit >= count", "!(ContractRuntime.RuleOperators.greaterOrEqual(self.limit, self.count))"),
        ("data != null", "self.data == .null"),
        ("count < limit or limit == null", "!(ContractRuntime.RuleOperators.less(self.count, self.limit)) && self.limit != nil"),
    ])
    func aBrokenRuleIsTheSimplestExactNegation(check: String, broken: String) throws {
        let actual = try Self.compile(check).broken
        #expect(actual == broken, "\(actual)")
    }

    @Test(arguments: [
        ("count == ratio", "ContractRuntime.RuleNumber(self.count) == ContractRuntime.RuleNumber(self.ratio)"),
        ("count == 9007199254740993.0", "ContractRuntime.RuleNumber(self.count) == ContractRuntime.RuleNumber(9007199254740992.0)"),
        ("limit > 3", "ContractRuntime.RuleOperators.greater(self.limit, 3)"),
        ("phase in [active, done]", "[.active, .done].contains(self.phase)"),
        ("note == null and data == null", "self.note == nil && self.data == .null"),
    ])
    func eachConstructCompilesToPlainSwift(check: String, positive: String) throws {
        let actual = try Self.compile(check).positive
        #expect(actual == positive, "\(actual)")
    }
}
