import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Field types nest `list<…>` and `map<…>` at most `maxTypeDepth` levels (8 by default), refused past it
/// with their own located message; parsing is iterative, so no depth can exhaust the stack.
@Suite struct TypeNestingLimitTests {
    /// `list<map<list<…int…>>>`, `depth` levels deep, alternating list and map.
    static func nested(_ depth: Int, leaf: String = "int") -> String {
        let opening = (0..<depth).reversed().map { $0 % 2 == 0 ? "list<" : "map<" }.joined()
        return opening + leaf + String(repeating: ">", count: depth)
    }

    static func schema(fieldType: String) -> String {
        """
        contract: Nest
        version: 1.0.0
        models:
          Deep:
            fields:
              v: { type: "\(fieldType)" }

        """
    }

    @Test(arguments: [1, 7, 8])
    func typesUpToTheDefaultDepthAreAccepted(depth: Int) {
        let result = SchemaLoader().load(text: Self.schema(fieldType: Self.nested(depth)), file: "nest.yaml")
        #expect(result.isValid, "\(result.diagnostics)")
    }

    @Test(arguments: [9, 33, 5_000, 200_000])
    func deeperTypesAreRefusedWithTheirOwnMessage(depth: Int) {
        let start = ContinuousClock.now
        let result = SchemaLoader().load(text: Self.schema(fieldType: Self.nested(depth)), file: "nest.yaml")
        #expect(DiagnosticRenderer.render(result.diagnostics) == """
            nest.yaml:6:18: error: the type of field `v` nests `list<…>` and `map<…>` more than the limit of 8 levels \
            (raise it with --max-type-depth)

            """)
        // 200,000 levels is a 1.4 MB schema; refusing it must stay cheap.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func aRaisedLimitAcceptsDeeperTypesAndStillRefusesOneLevelMore() {
        let limits = YAMLLimits(maxTypeDepth: 32)
        #expect(SchemaLoader(limits: limits).load(text: Self.schema(fieldType: Self.nested(32)), file: "n.yaml").isValid)
        #expect(!SchemaLoader(limits: limits).load(text: Self.schema(fieldType: Self.nested(33)), file: "n.yaml").isValid)
    }

    @Test(arguments: ["list<>", "list<int", "map<int>>", "list<<int>>", "list<map<>>", "list<list<list<"])
    func malformedNestingIsNotAType(text: String) {
        let result = SchemaLoader().load(text: Self.schema(fieldType: text), file: "nest.yaml")
        #expect(result.diagnostics.contains { $0.message.contains("is not a type") }, "\(result.diagnostics)")
    }

    @Test func theParsedTypeKeepsTheNestingOrder() throws {
        #expect(try FieldTypeParser.parse("list<map<list<int>>>").get() == .list(.map(.list(.int))))
        #expect(try FieldTypeParser.parse(" map < Status > ").get() == .map(.named("Status")))
    }
}
