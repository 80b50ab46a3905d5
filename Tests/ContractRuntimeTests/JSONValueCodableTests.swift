import ContractRuntime
import Foundation
import Testing

/// `JSONValue` through `Codable` and Foundation's `JSONDecoder`/`JSONEncoder`: the same value as the
/// strict reader's, except where a `Decoder` cannot tell (documented on `JSONValue.init(from:)`).
@Suite struct JSONValueCodableTests {
    private func throughFoundation(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The value and, for doubles, the sign, so that -0.0 and 0.0 count as different here.
    private func exactly(_ value: JSONValue) -> String {
        if case .double(let double) = value { return "double \(double) \(double.sign)" }
        return "\(value)"
    }

    @Test(arguments: [
        "0", "7", "-12", "100", "9223372036854775807", "-9223372036854775808",
        "-0", "-0.0", "0.0", "0.000", "0e5", "0E+5", "-0e5", "1e-400",
        "1.5", "-2.5e-3", "0.1", "1e300", "5e-324", "1.7976931348623157e308",
        "1.0000000000000001", "9007199254740993.5", "9223372036854775808", "-9223372036854775809",
        "12345678901234567890", "100000000000000000000", "1e20", "123456789012345678901234567890.5",
    ])
    func numbersReadTheSameThroughCodableAsThroughTheStrictReader(text: String) throws {
        let strict = try JSONValue(jsonString: text)
        #expect(exactly(try throughFoundation(text)) == exactly(strict))
        #expect(exactly(try throughFoundation("[\(text)]")[0]!) == exactly(strict))
    }

    @Test(arguments: [
        ("1.0", Int64(1)), ("-1.0", -1), ("1e2", 100), ("1E+2", 100), ("2.50e1", 25), ("100e-2", 1),
        ("0e0", 0), ("9007199254740992.0", 9_007_199_254_740_992),
    ])
    func aWholeNumberWrittenWithAFractionOrExponentReadsAsAnIntegerThroughCodable(text: String, integer: Int64) throws {
        // Foundation reports these exactly as it reports the integer; JSONValue documents the case.
        #expect(try JSONValue(jsonString: text) == .double(Double(integer)))
        #expect(try throughFoundation(text) == .int(integer))
    }

    @Test func aNegativeNumberThatUnderflowsReadsAsPlusZeroWhichIsEqual() throws {
        // Foundation refuses it as a double and gives 0 as an integer: nothing carries the sign.
        let decoded = try throughFoundation("-1e-400")
        #expect(exactly(decoded) == exactly(.double(0)))
        #expect(decoded == (try JSONValue(jsonString: "-1e-400")))
    }

    @Test func objectKeysComeBackSortedByTheirBytesAndTheValueEqualsTheStrictOne() throws {
        let text = #"{"zeta":1,"alpha":{"b":true,"a":null},"Émile":"x","Zed":[]}"#
        let decoded = try throughFoundation(text)
        #expect(decoded.objectValue?.keys == ["Zed", "alpha", "zeta", "Émile"])
        #expect(decoded["alpha"]?.objectValue?.keys == ["a", "b"])
        #expect(decoded == (try JSONValue(jsonString: text)))
    }

    @Test func stringsArraysAndLiteralsReadTheSameThroughCodable() throws {
        let text = #"["", "x\n\u0000\"", "e\u0301", "\u00e9", "😀", true, false, null, [], {}, [[1, "1"]]]"#
        #expect(try throughFoundation(text) == (try JSONValue(jsonString: text)))
    }

    @Test func aNestedValueRoundTripsThroughJSONEncoderAndJSONDecoder() throws {
        let value: JSONValue = [
            "rows": 1000, "ratio": 0.25, "negative zero": .double(-0.0), "big": .double(1e300),
            "nested": ["list": [1, 2.5, "three", nil, false, ["deep": ["z": 1, "a": 2]]], "empty": [:]],
            "text": "数据 ✓ \u{E9}",
        ]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test func aWholeDoubleComesBackFromJSONEncoderAsAnInteger() throws {
        // JSONEncoder writes 2.0 as `2`, which every reader then takes for an integer.
        let data = try JSONEncoder().encode(JSONValue.double(2))
        #expect(String(decoding: data, as: UTF8.self) == "2")
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == .int(2))
    }
}
