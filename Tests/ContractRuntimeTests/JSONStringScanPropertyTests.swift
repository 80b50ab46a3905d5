import ContractRuntime
import Testing

/// The reader's string scanning (16 bytes at a time, then 8, then 1; runs of escapes; runs of multi-byte
/// characters) against a reference written for this test, byte by byte, with the standard library's UTF-8
/// decoder: random strings of plain text, every kind of escape, control bytes, well-formed and ill-formed
/// UTF-8, each read as a value, as a key, skipped, and ending exactly at the end of the input.
@Suite struct JSONStringScanPropertyTests {
    /// What a string's content (the bytes between its quotes) reads as: its text, or the category of the
    /// first thing wrong in it; nil when it has an unescaped quote, which would end the string early.
    static func reference(_ content: [UInt8]) -> StringScanOutcome<String>? {
        var scalars = String.UnicodeScalarView()
        var index = 0
        func hex4(at start: Int) -> UInt32? {
            guard start + 4 <= content.count else { return nil }
            var value: UInt32 = 0
            for byte in content[start..<start + 4] {
                guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        while index < content.count {
            let byte = content[index]
            if byte == UInt8(ascii: "\\") {
                // The closing quote after a final backslash is escaped: the string never ends.
                guard index + 1 < content.count else { return .refused(.malformedJSON) }
                let kind = content[index + 1]
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C,
                                              0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                if let value = simple[kind] {
                    scalars.append(UnicodeScalar(value))
                    index += 2
                    continue
                }
                guard kind == UInt8(ascii: "u") else { return .refused(.invalidEscape) }
                guard let unit = hex4(at: index + 2) else { return .refused(.invalidEscape) }
                index += 6
                if (0xDC00..<0xE000).contains(unit) { return .refused(.loneSurrogate) }
                if (0xD800..<0xDC00).contains(unit) {
                    guard index + 1 < content.count, content[index] == UInt8(ascii: "\\"),
                          content[index + 1] == UInt8(ascii: "u") else { return .refused(.loneSurrogate) }
                    guard let low = hex4(at: index + 2) else { return .refused(.invalidEscape) }
                    guard (0xDC00..<0xE000).contains(low) else { return .refused(.loneSurrogate) }
                    index += 6
                    scalars.append(UnicodeScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
                } else {
                    scalars.append(UnicodeScalar(unit)!)
                }
            } else if byte == UInt8(ascii: "\"") {
                return nil
            } else if byte < 0x20 {
                return .refused(.controlCharacter)
            } else if byte < 0x80 {
                scalars.append(UnicodeScalar(byte))
                index += 1
            } else {
                var iterator = content[index...].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return .refused(.invalidUTF8) }
                scalars.append(scalar)
                index += UTF8.width(scalar)
            }
        }
        return .read(String(scalars))
    }

    /// One piece of string content: mostly well-formed text and escapes, now and then something wrong.
    static func piece(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        func hex(_ value: UInt32, upper: Bool) -> [UInt8] {
            let text = String(value, radix: 16, uppercase: upper)
            return Array((String(repeating: "0", count: 4 - text.count) + text).utf8)
        }
        let upper = Bool.random(using: &generator)
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<25:
            return (0..<Int.random(in: 1...40, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                .filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        case 25..<35:
            return Array(#"\" \\ \/ \b \f \n \r \t"#.split(separator: " ").randomElement(using: &generator)!.utf8)
        case 35..<55:
            // A run of `\uXXXX` escapes, as `json.dumps` writes non-ASCII text (some in the ASCII range).
            return (0..<Int.random(in: 1...12, using: &generator)).flatMap { _ -> [UInt8] in
                let unit = Bool.random(using: &generator) ? UInt32.random(in: 0...0x7F, using: &generator)
                    : [UInt32.random(in: 0x80...0xD7FF, using: &generator),
                       UInt32.random(in: 0xE000...0xFFFF, using: &generator)].randomElement(using: &generator)!
                return Array(#"\u"#.utf8) + hex(unit, upper: upper)
            }
        case 55..<60:
            let scalar = UInt32.random(in: 0x10000...0x10FFFF, using: &generator) - 0x10000
            return Array(#"\u"#.utf8) + hex(0xD800 + (scalar >> 10), upper: upper)
                + Array(#"\u"#.utf8) + hex(0xDC00 + (scalar & 0x3FF), upper: upper)
        case 60..<80:
            // A run of well-formed characters of 2, 3 and 4 bytes (CJK most often).
            return (0..<Int.random(in: 1...20, using: &generator)).flatMap { _ -> [UInt8] in
                let scalar = [UInt32.random(in: 0x80...0x7FF, using: &generator), UInt32.random(in: 0x4E00...0x9FFF, using: &generator),
                              UInt32.random(in: 0x800...0xD7FF, using: &generator), UInt32.random(in: 0xE000...0xFFFF, using: &generator),
                              UInt32.random(in: 0x10000...0x10FFFF, using: &generator)].randomElement(using: &generator)!
                return Array(String(UnicodeScalar(scalar)!).utf8)
            }
        case 80..<86:
            return [UInt8(ascii: " ")]
        default:
            // Something wrong, each kind now and then.
            let wrong: [[UInt8]] = [
                [0x00], [0x09], [0x1F], [0x0A], [0xFF], [0xC0, 0xAF], [0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80],
                [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
                [0xC2], [0xE4, 0x41, 0x80], Array(#"\x"#.utf8), Array(#"\'"#.utf8), Array(#"\U0041"#.utf8),
                Array(#"\u12"#.utf8), Array(#"\uZZZZ"#.utf8), Array(#"\uD800"#.utf8), Array(#"\uDC00"#.utf8),
                Array(#"\ud83dA"#.utf8), Array(#"\uD83D\u0041"#.utf8), Array(#"\uD83D\uDE"#.utf8), Array(#"\"#.utf8),
            ]
            return wrong.randomElement(using: &generator)!
        }
    }

    static func randomContent(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let pieces = Int.random(in: 0...Int.random(in: 1...30, using: &generator), using: &generator)
        return (0..<pieces).flatMap { _ in piece(using: &generator) }
    }

    /// The outcome of reading `bytes` as one value, a category for a refusal.
    static func read(_ bytes: [UInt8]) -> StringScanOutcome<JSONValue> {
        do throws(JSONReadError) {
            return .read(try JSONValue(strictUTF8: bytes))
        } catch {
            return .refused(error.category)
        }
    }

    @Test func randomStringsReadAsTheReferenceReadsThem() {
        var generator = SplitMix64(seed: 0x5EED_0018)
        var checked = 0, refused = 0
        for _ in 0..<20_000 {
            let content = Self.randomContent(using: &generator)
            // Pieces never hold a quote, but a final backslash before an escaped backslash can unescape one.
            guard let expected = Self.reference(content) else { continue }
            let quoted = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
            let padding = [UInt8](repeating: UInt8(ascii: " "), count: Int.random(in: 0...17, using: &generator))
            // The string alone (its closing quote is the input's last byte), inside an array after some
            // padding, and as a key.
            let documents: [(bytes: [UInt8], wrap: (String) -> JSONValue)] = [
                (quoted, { .string($0) }),
                ([UInt8(ascii: "[")] + padding + quoted + Array(#", 1]"#.utf8), { .array([.string($0), .int(1)]) }),
                (Array("{".utf8) + padding + quoted + Array(#":true}"#.utf8), { .object(JSONObject([($0, .bool(true))])) }),
            ]
            for (bytes, wrap) in documents {
                let outcome = Self.read(bytes)
                switch (expected, outcome) {
                case (.read(let text), .read(let value)):
                    #expect(value == wrap(text), "content \(content)")
                case (.refused(let category), .refused(let actual)):
                    #expect(actual == category, "content \(content)")
                default:
                    Issue.record("content \(content): the reference says \(expected), the reader \(outcome)")
                }
                #expect(JSONSkipping.refusal(bytes) == expected.category, "skipped, content \(content)")
            }
            checked += 1
            if case .refused = expected { refused += 1 }
        }
        // Both outcomes are exercised in quantity.
        #expect(refused > 2_000 && checked - refused > 2_000, "\(refused) of \(checked) refused")
    }
}

extension JSONStringScanPropertyTests {
    /// `\uXXXX` is checked from one 8-byte read, its four digits a byte per lane, and two in a row from one
    /// 16-byte read: every byte value at each digit's place, and the units around the surrogates and the
    /// ASCII range in both cases, alone, before and after a well-formed escape, before text; read (as a
    /// value, as a key, skipped) as the reference reads them, at the input's end and with 16 bytes after.
    @Test func everyByteAtEachDigitOfAUnicodeEscape() {
        var contents: [[UInt8]] = []
        for place in 0..<4 {
            for byte in UInt8.min...UInt8.max {
                var digits = Array("4e2d".utf8)
                digits[place] = byte
                contents.append(Array(#"\u"#.utf8) + digits)
            }
        }
        for unit in [0x0000, 0x007F, 0x0080, 0x07FF, 0x0800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF] {
            for upper in [false, true] {
                let text = String(unit, radix: 16, uppercase: upper)
                contents.append(Array((#"\u"# + String(repeating: "0", count: 4 - text.count) + text).utf8))
            }
        }
        var refused = 0
        let wellFormed = Array(#"\u4e2d"#.utf8)
        let after = [UInt8](repeating: UInt8(ascii: " "), count: 16)
        for escape in contents {
            for content in [escape, escape + Array("abcdefgh".utf8), escape + escape, wellFormed + escape, escape + wellFormed,
                            wellFormed + escape + wellFormed] {
                guard let expected = Self.reference(content) else { continue }
                let quoted = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
                for bytes in [quoted, quoted + after, Array("[".utf8) + quoted + Array("]".utf8),
                              Array("{".utf8) + quoted + Array(":1}".utf8) + after] {
                    #expect(Self.read(bytes).category == expected.category, "content \(content)")
                    #expect(JSONSkipping.refusal(bytes) == expected.category, "skipped, content \(content)")
                }
                if case .read(let text) = expected {
                    #expect(Self.read(quoted).value == .string(text), "content \(content)")
                    #expect(Self.read(quoted + after).value == .string(text), "content \(content)")
                } else {
                    refused += 1
                }
            }
        }
        // 232 bytes are not hex digits at each of the 4 places, and the lone surrogates are refused.
        #expect(refused > 5_000, "\(refused) refused")
    }
}

/// What reading gave: a value, or the category of the refusal.
enum StringScanOutcome<Value> {
    case read(Value)
    case refused(JSONErrorCategory)

    var category: JSONErrorCategory? {
        if case .refused(let category) = self { return category }
        return nil
    }

    var value: Value? {
        if case .read(let value) = self { return value }
        return nil
    }
}
