import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import Testing

/// A field that rules only test against null is checked but not kept (`contractgen validate` does not copy
/// its string out of the line): every rule still judges it as if it were, whatever its type.
@Suite struct NullTestedFieldTests {
    static let schema = """
        contract: Nulls
        version: 1.0.0
        enums:
          Color:
            values: [red, green]
        models:
          Pair:
            fields:
              text: { type: string, nullable: true, required: false }
              code: { type: string, nullable: true, required: false }
              color: { type: Color, nullable: true, required: false }
              when: { type: timestamp, nullable: true, required: false }
              count: { type: int, nullable: true, required: false }
            rules:
              - id: together
                check: "(text == null) == (code == null)"
              - id: code_not_x
                check: "code != \\"x\\""
              - id: color_needs_when
                check: "color != null implies when != null"
              - id: count_needs_text
                check: "count == null or text != null"
        """

    static func validator() throws -> RecordValidator {
        let result = SchemaLoader().load(text: schema, file: "nulls.yaml")
        #expect(result.isValid, "\(result.diagnostics)")
        return try RecordValidator(contract: try #require(result.contract), model: "Pair")
    }

    static let long = String(repeating: "任务执行失败", count: 20)

    @Test(arguments: [
        (#"{"text":"\#(long)","code":"E1"}"#, nil),
        (#"{"text":"\#(long)","code":null}"#, "rule:together"),
        (#"{"text":null,"code":"E1"}"#, "rule:together"),
        (#"{"text":"\#(long)","code":"x"}"#, "rule:code_not_x"),
        (#"{"text":"\u4efb\u52a1","code":"E1","color":"red","when":"2026-12-04T00:00:00Z"}"#, nil),
        (#"{"text":"","code":"","color":"green"}"#, "rule:color_needs_when"),
        (#"{"color":null,"when":null,"count":3}"#, "rule:count_needs_text"),
        (#"{"text":"","code":"E1","count":3}"#, nil),
        // Not kept, still checked: a broken string, an unknown value and a bad timestamp are refused.
        (#"{"text":"\x","code":"E1"}"#, "invalid_escape"),
        (#"{"text":"t","code":"E1","color":"blue","when":"2026-12-04T00:00:00Z"}"#, "unknown_enum_value"),
        (#"{"text":"t","code":"E1","color":"red","when":"yesterday"}"#, "invalid_timestamp"),
    ] as [(String, String?)])
    func rulesJudgeFieldsTheyOnlyTestAgainstNull(record: String, category: String?) throws {
        let error = try Self.validator().validate(Array(record.utf8))
        #expect(error?.category == category, "\(record): \(String(describing: error))")
    }
}
