import ContractRuntime
import ContractValidation
import Testing

/// A string field that no rule reads (`step`, `message`) is checked and passed over, not kept: every string the strict
/// reader refuses there is refused with the reader's error (category, offset and path), and every string it accepts
/// is accepted, whatever the whitespace before it and the limit on strings.
@Suite struct UnreadStringFieldTests {
    /// The texts between the quotes: each kind of bad string, and good ones of every shape (escapes, surrogate pairs,
    /// non-ASCII text, lengths on both sides of 16 and 32 bytes).
    static let bad: [[UInt8]] = [
        [0x01], Array("a\tb".utf8), Array(#"\x"#.utf8), Array(#"\u12"#.utf8), Array(#"\ud800"#.utf8), Array(#"\udc00x"#.utf8),
        Array(#"\ud800\u0041"#.utf8), [0xFF], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE4, 0xB8], Array(String(repeating: "状", count: 12).utf8) + [0xE4, 0xB8], Array(String(repeating: "a", count: 40).utf8) + [0x1F],
        Array(String(repeating: #"\u4e2d"#, count: 6).utf8) + Array(#"\uZZZZ"#.utf8),
    ]
    static let good: [[UInt8]] = [
        [], Array("a".utf8), Array(#"\"\\\/\b\f\n\r\t"#.utf8), Array(#"\ud83e\udd16"#.utf8), Array("状态 ok 🤖".utf8),
        Array(String(repeating: "x", count: 15).utf8), Array(String(repeating: "x", count: 16).utf8),
        Array(String(repeating: "状", count: 11).utf8), Array(String(repeating: #"\u4e2d"#, count: 7).utf8),
    ]

    static func line(field: String, value: [UInt8], space: String) -> [UInt8] {
        var fields: [(String, [UInt8])] = [("step", Array(#""s""#.utf8)), ("result", Array("null".utf8)), ("completed", Array("false".utf8)),
                                           ("message", Array(#""""#.utf8)), ("status", Array(#""pending""#.utf8)),
                                           ("error_code", Array("null".utf8)), ("error_message", Array("null".utf8))]
        let quoted = [UInt8(ascii: "\"")] + value + [UInt8(ascii: "\"")]
        for index in fields.indices where fields[index].0 == field { fields[index].1 = quoted }
        var bytes = Array("{".utf8)
        for (index, (name, text)) in fields.enumerated() {
            bytes += Array(((index > 0 ? "," : "") + "\"\(name)\":" + space).utf8) + text
        }
        return bytes + Array("}".utf8)
    }

    @Test func stringsOfUnreadFieldsAreJudgedAsTheReaderJudgesThem() throws {
        var checked = 0
        for limit in [JSONReaderLimits().maxStringLength, 3, 16] {
            var limits = JSONReaderLimits()
            limits.maxStringLength = limit
            let validator = try taskStepResultValidator(limits: limits)
            for field in ["step", "message"] {
                for space in ["", " ", "\n\t "] {
                    for value in Self.bad + Self.good {
                        let line = Self.line(field: field, value: value, space: space)
                        let verdict = validator.validate(line)
                        let expected: JSONReadError?
                        do {
                            _ = try line.withUnsafeBufferPointer { buffer throws(JSONReadError) in
                                var reader = try JSONReader(unsafeBuffer: buffer, limits: limits)
                                let value = try reader.readValue()
                                try reader.expectEnd()
                                return value
                            }
                            expected = nil
                        } catch {
                            expected = error
                        }
                        let text = String(decoding: line, as: UTF8.self)
                        if let expected {
                            #expect(verdict?.category == expected.category.rawValue, "\(text): \(String(describing: verdict))")
                            #expect(verdict?.offset == expected.offset, "\(text): \(String(describing: verdict))")
                            #expect(verdict?.path == expected.path, "\(text): \(String(describing: verdict))")
                        } else {
                            #expect(verdict == nil, "\(text): \(String(describing: verdict))")
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 3 * 2 * 3 * (Self.bad.count + Self.good.count))
    }
}
