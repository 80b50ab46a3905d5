import ContractRuntime
import Testing

/// `JSONValue(strictUTF8:)` keeps what it reads.
@Suite struct JSONLosslessReadingTests {
    @Test func oneAndOnePointZeroStayDistinct() throws {
        let value = try JSONValue(strictUTF8: "[1, 1.0]".utf8)
        #expect(value == .array([.int(1), .double(1.0)]))
        #expect(value[0] != value[1])
    }

    @Test func negativeZeroKeepsItsSignAsADouble() throws {
        let value = try JSONValue(strictUTF8: "[-0, -0.0, 0]".utf8)
        guard case .array(let elements) = value, case .double(let minusZero) = elements[0],
              case .double(let minusZeroFraction) = elements[1] else {
            Issue.record("expected two doubles, got \(value)")
            return
        }
        #expect(minusZero == 0 && minusZero.sign == .minus)
        #expect(minusZeroFraction == 0 && minusZeroFraction.sign == .minus)
        #expect(elements[2] == .int(0))
    }

    @Test func integersThatFitInt64StayIntegers() throws {
        let value = try JSONValue(strictUTF8: "[9223372036854775807, -9223372036854775808, 12345678901234]".utf8)
        #expect(value == .array([.int(.max), .int(.min), .int(12_345_678_901_234)]))
    }

    @Test func integersBeyondInt64BecomeDoubles() throws {
        let value = try JSONValue(strictUTF8: "[9223372036854775808, -9223372036854775809, 100000000000000000000]".utf8)
        #expect(value == .array([.double(9_223_372_036_854_775_808), .double(-0x1p63),
                                 .double(1e20)]))
    }

    @Test func numbersWithAnExponentAreDoublesEvenWhenIntegral() throws {
        #expect(try JSONValue(strictUTF8: "[1e2, 1E+2, 100]".utf8) == .array([.double(100), .double(100), .int(100)]))
    }

    @Test(arguments: [
        ("0.1", 0.1), ("-2.5e-3", -2.5e-3), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("5e-324", .leastNonzeroMagnitude), ("123456789012345678901234567890.5", 123456789012345678901234567890.5),
        ("0.30000000000000004", 0.30000000000000004), ("2.2250738585072011e-308", Double.leastNormalMagnitude.nextDown),
        ("9007199254740993.0", 9007199254740993.0), ("1e-400", 0),
    ])
    func doublesAreReadCorrectlyRounded(text: String, expected: Double) throws {
        #expect(try JSONValue(strictUTF8: text.utf8) == .double(expected))
    }

    @Test func objectKeysKeepTheirOrder() throws {
        let value = try JSONValue(strictUTF8: #"{"b": 1, "a": 2, "c": {"z": 0, "y": 1}}"#.utf8)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["c"]?.objectValue?.keys == ["z", "y"])
    }

    @Test func stringsKeepTheirExactCodePointsWithoutNormalization() throws {
        let value = try JSONValue(strictUTF8: "[\"\u{E9}\", \"e\u{301}\"]".utf8)
        let first = try #require(value[0]?.stringValue), second = try #require(value[1]?.stringValue)
        #expect(Array(first.utf8) == [0xC3, 0xA9])
        #expect(Array(second.utf8) == [0x65, 0xCC, 0x81])
    }

    @Test func escapesAreDecodedIncludingSurrogatePairs() throws {
        let value = try JSONValue(strictUTF8: #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "\u0000"]"#.utf8)
        #expect(value == .array([.string("a\"b\\c/d\u{8}\u{C}\n\r\t"), .string("é€😀"), .string("\u{0}")]))
    }

    @Test func keysThatDifferOnlyInNormalizationStayTwoMembers() throws {
        let value = try JSONValue(strictUTF8: "{\"\u{E9}\": 1, \"e\u{301}\": 2}".utf8)
        let object = try #require(value.objectValue)
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == .int(1))
        #expect(object["e\u{301}"] == .int(2))
    }

    @Test func stringsThatDifferOnlyInNormalizationAreNotEqual() {
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
        #expect(Set([JSONValue.string("\u{E9}"), JSONValue.string("e\u{301}")]).count == 2)
    }

    @Test func readsDataStringsAndNonContiguousCollections() throws {
        let text = #"{"a": [true, false, null]}"#
        let expected: JSONValue = ["a": [true, false, nil]]
        #expect(try JSONValue(strictUTF8: text.utf8) == expected)
        #expect(try JSONValue(strictUTF8: Array(text.utf8).lazy.map { $0 }) == expected)
    }
}
