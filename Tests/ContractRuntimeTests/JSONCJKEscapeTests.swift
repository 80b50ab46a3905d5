import CJSONBlocks
@testable import ContractRuntime
import Testing

/// Short Chinese strings as `json.dumps` writes them (one to five `\uXXXX` escapes and nothing else), which the
/// tree reading takes at once (`ec_cjk_escapes`, AVX2) rather than through the general scan and unescaping: the
/// kernel against a reference written here, and the reader's values, keys, duplicates, limits and input ends
/// against what the general paths give for the same text.
@Suite struct JSONCJKEscapeTests {
    /// Escapes the kernel takes (code points from U+1000, no surrogate; digits of both cases) and pieces it must
    /// not: escapes of ASCII, of two-byte characters and below U+1000, surrogate pairs, other escapes, text.
    static let plain = [#"\u4e2d"#, #"\u6587"#, #"\uABCD"#, #"\uffff"#, #"\u1000"#, #"\uCaFe"#, #"\uE000"#, #"\u9Fa5"#, #"\uc0de"#]
    static let others = [#"\u0041"#, #"\u00e9"#, #"\u07ff"#, #"\u0800"#, #"\u0fff"#, #"\ud7ff"#, #"\uD7FF"#, #"\ud83d\ude00"#,
                         #"\n"#, #"\""#, #"\\"#, #"\/"#, "a", " ", "中"]

    /// The number of escapes when `text` (after an opening quote) is one to five escapes the kernel takes and
    /// then the closing quote, decided escape by escape; 0 otherwise.
    static func expectedEscapes(_ text: [UInt8]) -> Int {
        var index = 0, escapes = 0
        while index + 6 <= text.count, text[index] == UInt8(ascii: "\\"), text[index + 1] == UInt8(ascii: "u") {
            let digits = String(decoding: text[(index + 2)..<(index + 6)], as: UTF8.self)
            guard let value = UInt32(digits, radix: 16), value >= 0x1000, !(0xD000...0xDFFF).contains(value) else { return 0 }
            index += 6
            escapes += 1
        }
        return (1...5).contains(escapes) && index < text.count && text[index] == UInt8(ascii: "\"") ? escapes : 0
    }

    /// The UTF-8 of the first `escapes` escapes of `text`.
    static func utf8(ofEscapes escapes: Int, in text: [UInt8]) -> [UInt8] {
        (0..<escapes).flatMap { escape -> [UInt8] in
            let digits = String(decoding: text[(6 * escape + 2)..<(6 * escape + 6)], as: UTF8.self)
            return Array(String(Character(Unicode.Scalar(UInt32(digits, radix: 16)!)!)).utf8)
        }
    }

    /// Texts of zero to seven pieces, mostly escapes the kernel takes, each ended by a quote and followed by
    /// enough to read 32 bytes (more such escapes, which must not be taken for the string's).
    static let texts: [[UInt8]] = {
        var generator = SplitMix64(seed: 0xC7_4B_E5_C4)
        var texts: [[UInt8]] = []
        for _ in 0..<6_000 {
            let pieces = Int.random(in: 0...7, using: &generator)
            let body = (0..<pieces).map { _ in
                Int.random(in: 0..<6, using: &generator) == 0 ? others.randomElement(using: &generator)!
                    : plain.randomElement(using: &generator)!
            }.joined()
            texts.append(Array((body + #"", "\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d"#).utf8))
        }
        // Every run length on its own, and one escape of each kind the kernel must refuse.
        for length in 0...7 { texts.append(Array((String(repeating: #"\u6570"#, count: length) + #"" \u6570\u6570\u6570\u6570\u6570\u6570"#).utf8)) }
        for other in others { texts.append(Array((#"\u6570"# + other + #"" \u6570\u6570\u6570\u6570\u6570\u6570"#).utf8)) }
        return texts
    }()

    @Test func theTextsCoverWhatTheKernelTakesAndRefuses() {
        let taken = Self.texts.map(Self.expectedEscapes)
        for escapes in 1...5 { #expect(taken.filter { $0 == escapes }.count > 100, "\(escapes) escapes") }
        #expect(taken.filter { $0 == 0 }.count > 1_000)
    }

    @Test(.enabled(if: ec_string_end_is_available() != 0, "ec_cjk_escapes needs AVX2"))
    func theKernelAgreesWithTheReference() {
        for text in Self.texts {
            let expected = Self.expectedEscapes(text)
            var out = [UInt8](repeating: 0xAA, count: 17)
            let escapes = text.withUnsafeBufferPointer { source in out.withUnsafeMutableBufferPointer { ec_cjk_escapes(source.baseAddress!, $0.baseAddress!) } }
            #expect(escapes == expected, "\(String(decoding: text, as: UTF8.self))")
            if escapes == expected && expected > 0 {
                #expect(Array(out.prefix(3 * expected)) == Self.utf8(ofEscapes: expected, in: text), "\(String(decoding: text, as: UTF8.self))")
            }
            #expect(out[16] == 0xAA, "written past the 16 bytes of room")
        }
    }

    /// The text of a string as `json.dumps` writes it.
    static func escaped(_ string: String) -> String {
        string.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04x", $0.value) }.joined()
    }

    /// Chinese keys and values of one to seven characters, in objects, arrays and nested objects, read as trees:
    /// the same values as written, whichever path each string takes, with the document's end at every distance
    /// after them (the kernel reads 32 bytes; nearer the end the general path reads the string).
    @Test(arguments: 1...7)
    func chineseKeysAndValuesReadAsWritten(characters: Int) throws {
        let words = ["数据", "城市", "门店", "单价", "日期", "备注", "客户", "销量"]
        func name(_ index: Int) -> String {
            String((0..<characters).map { Array(words[(index + $0) % words.count])[$0 % 2] })
        }
        let members = (0..<6).map { (key: name($0), value: JSONValue.string(name($0 + 3))) }
        let object = JSONValue.object(JSONObject(members))
        let expected = JSONValue.array([object, .object(JSONObject([(key: name(7), value: object)])), .string(name(1))])
        let inner = "{" + (0..<6).map { "\"\(Self.escaped(name($0)))\": \"\(Self.escaped(name($0 + 3)))\"" }.joined(separator: ", ") + "}"
        let text = "[\(inner), {\"\(Self.escaped(name(7)))\": \(inner)}, \"\(Self.escaped(name(1)))\"]"
        for padding in 0..<34 {
            let padded = text + String(repeating: " ", count: padding)
            #expect(try JSONValue(strictUTF8: Array(padded.utf8)) == expected, "\(characters) characters, \(padding) spaces after")
        }
    }

    /// A Chinese key written escaped and written plainly is the same key: a duplicate either way round, in
    /// objects small and large, and in values passed over (``JSONReader/skipValue()``).
    @Test(arguments: [1, 2, 5, 6])
    func aKeyWrittenEscapedAndPlainIsADuplicate(characters: Int) throws {
        let key = String(repeating: "备", count: characters)
        let others = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        for (first, second) in [(Self.escaped(key), key), (key, Self.escaped(key)), (Self.escaped(key), Self.escaped(key))] {
            for filler in ["", others + ", "] {
                let text = "{\"table\": {\(filler)\"\(first)\": 1, \"\(second)\": 2}, \"padding\": \"0123456789012345678901234567890123456789\"}"
                do {
                    _ = try JSONValue(strictUTF8: Array(text.utf8))
                    Issue.record("accepted \(text)")
                } catch {
                    #expect(error.category == .duplicateKey, "\(text): \(error)")
                }
                var refused: JSONErrorCategory?
                let bytes = [UInt8](text.utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    do throws(JSONReadError) {
                        var reader = try JSONReader(unsafeBuffer: buffer)
                        try reader.skipValue()
                    } catch {
                        refused = error.category
                    }
                }
                #expect(refused == .duplicateKey, "skipped: \(text)")
            }
        }
    }

    /// The string length limit holds for these strings too, with the general path's error, at every limit
    /// around their length; and a string the kernel would take but the limit refuses is refused as a key too.
    @Test func theStringLengthLimitHolds() throws {
        let value = String(repeating: #"\u6570"#, count: 3)  // 18 bytes between the quotes
        for limit in 12...24 {
            for text in ["[\"\(value)\", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]",
                         "{\"\(value)\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]}"] {
                let limits = JSONReaderLimits(maxStringLength: limit)
                if limit >= 18 {
                    #expect(throws: Never.self, "limit \(limit): \(text)") { try JSONValue(strictUTF8: Array(text.utf8), limits: limits) }
                } else {
                    do {
                        _ = try JSONValue(strictUTF8: Array(text.utf8), limits: limits)
                        Issue.record("limit \(limit) accepted \(text)")
                    } catch {
                        #expect(error.category == .tooLong, "limit \(limit): \(error)")
                    }
                }
            }
        }
    }
}
