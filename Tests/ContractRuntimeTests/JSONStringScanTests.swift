import CJSONBlocks
@testable import ContractRuntime
import Testing

/// The text of strings: `ec_string_end` (CJSONBlocks, AVX2), which ``JSONReader`` asks first for a string's end,
/// ``JSONReader/scanStringInSwift()``, which gives the verdict on what it leaves (and serves processors without
/// AVX2), and `ec_unescape`, which writes a checked string's text. All must agree with a reference written here
/// from RFC 8259 and RFC 3629 one byte at a time (decoding each code point, then checking its value), on random
/// text made of the pieces they treat apart: escapes good and bad, surrogates paired and alone, UTF-8 of every
/// length and every way of breaking it, control characters, runs long enough to cross 32-byte blocks, and ends
/// cut short anywhere, so that the last block's padding is read.
@Suite struct JSONStringScanTests {
    /// What the reference makes of a string's text: where its closing quote is, whether it has escapes, whether
    /// its text is all ASCII, and the text with its escapes undone; nil when it is not valid or does not end.
    struct Verdict: Equatable {
        var end: Int, hasEscapes: Bool, isASCII: Bool, text: [UInt8]
    }

    static func reference(_ text: [UInt8]) -> Verdict? {
        func hexDigits(at index: Int) -> UInt32? {
            guard index + 4 <= text.count else { return nil }
            var value: UInt32 = 0
            for byte in text[index..<index + 4] {
                guard let digit = UInt32(String(UnicodeScalar(byte)), radix: 16) else { return nil }
                value = value * 16 + digit
            }
            return value
        }
        var index = 0, hasEscapes = false, decoded: [UInt8] = []
        while index < text.count {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "\""):
                return Verdict(end: index, hasEscapes: hasEscapes, isASCII: decoded.allSatisfy { $0 < 0x80 }, text: decoded)
            case 0..<0x20:
                return nil
            case UInt8(ascii: "\\"):
                hasEscapes = true
                guard index + 1 < text.count else { return nil }
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                if let value = simple[text[index + 1]] {
                    decoded.append(value)
                    index += 2
                    continue
                }
                guard text[index + 1] == UInt8(ascii: "u"), var scalar = hexDigits(at: index + 2) else { return nil }
                index += 6
                if (0xDC00..<0xE000).contains(scalar) { return nil }
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < text.count, text[index] == UInt8(ascii: "\\"), text[index + 1] == UInt8(ascii: "u"),
                          let low = hexDigits(at: index + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                decoded += Array(String(Character(UnicodeScalar(scalar)!)).utf8)
            case 0..<0x80:
                decoded.append(byte)
                index += 1
            default:
                let length: Int, first: UInt32
                switch byte {
                case 0xC0...0xDF: (length, first) = (2, UInt32(byte & 0x1F))
                case 0xE0...0xEF: (length, first) = (3, UInt32(byte & 0x0F))
                case 0xF0...0xF7: (length, first) = (4, UInt32(byte & 0x07))
                default: return nil
                }
                guard index + length <= text.count else { return nil }
                var scalar = first
                for next in text[(index + 1)..<(index + length)] {
                    guard next & 0xC0 == 0x80 else { return nil }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                let shortest: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
                guard scalar >= shortest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
                decoded += text[index..<(index + length)]
                index += length
            }
        }
        return nil
    }

    /// Pieces of a string's text that are valid, and pieces that break it.
    static let goodPieces = [#"abc"#, " ", "hello world 123", "/", #"\""#, #"\\"#, #"\/"#, #"\b\f\n\r\t"#, #"\u6570\u636e"#, #"\u00e9"#,
                #"\u0041"#, #"\u0000"#, #"\u07FF"#, #"\uFFFF"#, #"\ud83d\ude00"#, #"\uD83D\uDE00"#, #"\uDBFF\uDFFF"#,
                "数据", "é", "😀", "\u{7FF}", "\u{FFFF}", "\u{10FFFF}", "\u{7F}", "\u{E000}"]
    static let badPieces: [[UInt8]] = [
        Array(#"\x"#.utf8), Array(#"\u12G4"#.utf8), Array(#"\u12"#.utf8), Array(#"\ud83d"#.utf8), Array(#"\ude00"#.utf8),
        Array(#"\ud83d\u0041"#.utf8), Array(#"\ud83d\n"#.utf8), Array(#"\uDC00\uDFFF"#.utf8), Array(#"\ud83d\ud83d"#.utf8), Array(#"\U1234"#.utf8), Array(#"\"#.utf8),
        [0x00], [0x09], [0x1F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xFF], [0xE4, 0xB8], [0xC3], [0xF0, 0x9F, 0x98], [0xE4, 0xB8, 0xAD, 0xAD],
    ]

    /// The text of a string and what follows it: pieces of every kind, mostly valid, then often a quote and
    /// more bytes (escapes among them), cut short at a random place one time in four.
    static func text(using generator: inout SplitMix64) -> [UInt8] {
        let good = Self.goodPieces, bad = Self.badPieces
        var text: [UInt8] = []
        let length = Int.random(in: 0..<160, using: &generator)
        while text.count < length {
            switch Int.random(in: 0..<40, using: &generator) {
            case 0: text += bad.randomElement(using: &generator)!
            case 1: text += Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 20..<70, using: &generator))
            case 2: text += Array(String(repeating: "中", count: Int.random(in: 8..<30, using: &generator)).utf8)
            case 3: text += Array(String(repeating: #"\u4e2d"#, count: Int.random(in: 4..<12, using: &generator)).utf8)
            default: text += Array(good.randomElement(using: &generator)!.utf8)
            }
        }
        // What follows the closing quote: JSON, or escapes that must not be taken for the string's.
        let after = [#"", "next": [1, "\"#, #""\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d"#, #"\u4e2d""#]
        if Int.random(in: 0..<8, using: &generator) != 0 { text += Array(after.randomElement(using: &generator)!.utf8) }
        if Int.random(in: 0..<4, using: &generator) == 0 { text = Array(text.prefix(Int.random(in: 0...text.count, using: &generator))) }
        return text
    }

    static let cases: [[UInt8]] = {
        var generator = SplitMix64(seed: 0x57_21_46_5E)
        return (0..<8_000).map { _ in text(using: &generator) }
    }()

    @Test func theReferenceSeesBothValidAndInvalidText() {
        let valid = Self.cases.filter { Self.reference($0) != nil }
        #expect(valid.count > 2_000 && valid.count < 6_000, "valid: \(valid.count) of \(Self.cases.count)")
        #expect(valid.filter { Self.reference($0)!.end >= 64 }.count > 300)
        #expect(valid.filter { !Self.reference($0)!.isASCII }.count > 1_000)
    }

    @Test(.enabled(if: ec_string_end_is_available() != 0, "ec_string_end needs AVX2"))
    func stringEndAgreesWithTheReference() {
        for text in Self.cases {
            let expected = Self.reference(text)
            let found = text.withUnsafeBufferPointer { ec_string_end($0.baseAddress!, $0.count) }
            let actual = found < 0 ? nil : (end: found >> 2, hasEscapes: found & 1 != 0, isASCII: found & 2 == 0)
            #expect(actual?.end == expected?.end && actual?.hasEscapes == expected?.hasEscapes
                        && actual?.isASCII == expected?.isASCII,
                    "\(text.map { String($0, radix: 16) }): \(String(describing: actual)) against \(String(describing: expected))")
        }
    }

    /// Both kernels of `ec_unescape`: the one it chooses (AVX2 where there is) and the portable loop.
    static let unescapeKernels = [ec_unescape, ec_unescape_portable]

    @Test(arguments: 0..<2)
    func unescapeWritesTheReferencesText(kernel: Int) {
        for text in Self.cases {
            guard let expected = Self.reference(text) else { continue }
            let written = [UInt8](unsafeUninitializedCapacity: expected.end + Int(EC_UNESCAPE_SLACK)) { buffer, count in
                count = text.withUnsafeBufferPointer { Self.unescapeKernels[kernel]($0.baseAddress!, expected.end, $0.count, buffer.baseAddress!) }
            }
            #expect(written == expected.text, "\(text.map { String($0, radix: 16) })")
        }
    }

    /// Runs of `\uXXXX` escapes from U+1000 (which `ec_unescape` undoes four or two at a time with AVX2) of every
    /// length up to 9, digits of both cases, then an escape of another kind or text, at every distance from the
    /// string's end (the AVX2 path reads 28 bytes), with nothing readable after the string or with the closing quote
    /// and more such escapes (read, never used): both kernels write the reference's text, and nothing past the
    /// room the header promises (`EC_UNESCAPE_SLACK` bytes past the string's length).
    @Test func runsOfCJKEscapesOfEveryLengthNearTheEnd() {
        let plain = [#"\u4e2d"#, #"\uABCD"#, #"\uffff"#, #"\u1000"#, #"\uCaFe"#, #"\uE000"#, #"\u9Fa5"#, #"\uc0de"#]
        let others = [#"\u0800"#, #"\ud7ff"#, #"\uD83D\uDE00"#, #"\u00e9"#, #"\u0041"#, #"\n"#, #"\\"#, "x", "数", ""]
        var bodies: [String] = []
        for length in 0...9 {
            for (place, other) in others.enumerated() {
                for lead in 0..<3 {
                    let escapes = (0..<length).map { plain[($0 + place + lead) % plain.count] }.joined()
                    bodies += (0..<30).map { String(repeating: "a", count: lead) + escapes + other + String(repeating: "b", count: $0) }
                }
            }
        }
        for body in bodies {
            let text = Array(body.utf8), room = text.count + Int(EC_UNESCAPE_SLACK)
            guard let expected = Self.reference(text + [UInt8(ascii: "\"")]) else {
                Issue.record("the reference refused \(body)")
                continue
            }
            for after in ["", #""\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d"#] {
                let readable = text + Array(after.utf8)
                for kernel in Self.unescapeKernels {
                    var buffer = [UInt8](repeating: 0xAA, count: room + 1)
                    let count = readable.withUnsafeBufferPointer { source in
                        buffer.withUnsafeMutableBufferPointer { kernel(source.baseAddress!, text.count, source.count, $0.baseAddress!) }
                    }
                    #expect(Array(buffer.prefix(count)) == expected.text, "\(body), then \(after)")
                    #expect(buffer[room] == 0xAA, "\(body): written past the room the header promises")
                }
            }
        }
    }

    /// Each piece, good or bad, at each offset across two 32-byte blocks, with ASCII after it up to the closing
    /// quote, and a block or more of ASCII (so a sequence cut short at a block's end is followed by a block
    /// without any byte of 0x80 or more).
    @Test(.enabled(if: ec_string_end_is_available() != 0, "ec_string_end needs AVX2"))
    func everyPieceAtEveryOffset() {
        let pieces = Self.goodPieces.map { Array($0.utf8) } + Self.badPieces
        for piece in pieces {
            for offset in 0..<70 {
                for after in [1, 40] {
                    let text = Array(repeating: UInt8(ascii: "a"), count: offset) + piece
                        + Array(repeating: UInt8(ascii: "b"), count: after) + Array(#"" "#.utf8)
                    let expected = Self.reference(text)
                    let found = text.withUnsafeBufferPointer { ec_string_end($0.baseAddress!, $0.count) }
                    #expect((found < 0 ? -1 : found >> 2) == (expected?.end ?? -1), "\(piece.map { String($0, radix: 16) }) at \(offset), \(after) after")
                }
            }
        }
    }

    /// The reader, with its AVX2 path where there is one, and its Swift scan alone: the same verdict as the
    /// reference, and the same text.
    @Test func theReaderAgreesWithTheReference() throws {
        for text in Self.cases {
            let expected = Self.reference(text)
            let input = [UInt8(ascii: "\"")] + text
            try input.withUnsafeBufferPointer { buffer in
                var reader = try JSONReader(unsafeBuffer: buffer)
                let read = try? reader.readString()
                #expect(read.map { Array($0.utf8) } == expected?.text, "\(text.map { String($0, radix: 16) })")
                var swiftOnly = try JSONReader(unsafeBuffer: buffer)
                let token = try? swiftOnly.scanStringInSwift()
                #expect(token.map { [$0.end - 1, $0.hasEscapes ? 1 : 0, $0.isASCII ? 1 : 0] }
                            == expected.map { [$0.end, $0.hasEscapes ? 1 : 0, $0.isASCII ? 1 : 0] },
                        "\(text.map { String($0, radix: 16) })")
            }
        }
    }
}
