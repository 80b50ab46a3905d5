import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import Testing

/// `Options.integers` bounds every `int` the validator reads (fields, list and map elements, nested
/// models); `javaScriptIntegers` judges as the generated TypeScript does, ±(2^53−1).
@Suite struct IntegerRangeTests {
    static let schema = """
        contract: Ints
        version: 1.0.0
        models:
          Inner:
            fields:
              n: { type: int }
          Outer:
            fields:
              count: { type: int }
              counts: { type: "list<int>" }
              by_name: { type: "map<int>" }
              inner: { type: Inner }
              maybe: { type: int, nullable: true }
              payload: { type: json }
        """

    static func validator(_ integers: ClosedRange<Int64>) throws -> RecordValidator {
        let result = SchemaLoader().load(text: schema, file: "ints.yaml")
        #expect(result.isValid, "\(result.diagnostics)")
        let contract = try #require(result.contract)
        return try RecordValidator(contract: contract, model: "Outer", options: .init(integers: integers))
    }

    static func record(count: String = "1", element: String = "1", member: String = "1", inner: String = "1",
                       maybe: String = "null", payload: String = "1") -> [UInt8] {
        Array(#"{"count":\#(count),"counts":[0,\#(element)],"by_name":{"a":\#(member)},"inner":{"n":\#(inner)},"maybe":\#(maybe),"payload":\#(payload)}"#.utf8)
    }

    static let safe = 9_007_199_254_740_991

    @Test(arguments: ["count": "$.count", "element": "$.counts[1]", "member": "$.by_name.a", "inner": "$.inner.n",
                      "maybe": "$.maybe"].sorted { $0.key < $1.key })
    func everyPlaceAnIntIsReadIsBounded(place: String, path: String) throws {
        let javaScript = try Self.validator(RecordValidator.Options.javaScriptIntegers)
        let full = try Self.validator(Int64.min...Int64.max)
        func record(_ value: String) -> [UInt8] {
            switch place {
            case "count": Self.record(count: value)
            case "element": Self.record(element: value)
            case "member": Self.record(member: value)
            case "inner": Self.record(inner: value)
            default: Self.record(maybe: value)
            }
        }
        for value in ["\(Self.safe)", "-\(Self.safe)", "0", "-0"] {
            #expect(javaScript.validate(record(value)) == nil, "\(place) = \(value)")
        }
        for value in ["\(Self.safe + 1)", "-\(Self.safe + 1)", "9223372036854775807", "-9223372036854775808"] {
            let error = try #require(javaScript.validate(record(value)), "\(place) = \(value)")
            #expect(error.category == "number_out_of_range" && error.path == path, "\(error)")
            #expect(error.message.contains(value), "\(error.message)")
            #expect(full.validate(record(value)) == nil, "\(place) = \(value)")
        }
        // Beyond 64 bits every range says so; a fraction is a wrong type whatever the range.
        #expect(javaScript.validate(record("9223372036854775808"))?.category == "number_out_of_range")
        #expect(full.validate(record("9223372036854775808"))?.category == "number_out_of_range")
        #expect(javaScript.validate(record("1.5"))?.category == "wrong_type")
    }

    @Test func aJSONFieldIsNotAnInt() throws {
        let javaScript = try Self.validator(RecordValidator.Options.javaScriptIntegers)
        #expect(javaScript.validate(Self.record(payload: "9223372036854775807")) == nil)
    }

    @Test(arguments: [Int64.min...Int64.min, Int64.max...Int64.max, 0...0, -1...1])
    func theRangeCanBeAnyRangeOfInt64(range: ClosedRange<Int64>) throws {
        let validator = try Self.validator(range)
        for value in [Int64.min, -1, 0, 1, Int64.max] {
            let verdict = validator.validate(Self.record(count: "\(value)"))
            // The other ints of the record are 0 and 1; only `count` varies here.
            let othersFit = range.contains(0) && range.contains(1)
            if !othersFit { continue }
            #expect((verdict == nil) == range.contains(value), "\(range) \(value): \(String(describing: verdict))")
        }
    }
}
