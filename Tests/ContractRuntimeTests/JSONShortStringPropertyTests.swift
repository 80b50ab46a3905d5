@testable import ContractRuntime
import Testing

/// Strings of up to 15 UTF-8 bytes are built in the standard library's small-string form from two words
/// read at once (``SmallStringForm``). Each string read here (as a value and as a key, plain and with
/// escapes, right at the input's end and with bytes after it) must be the standard library's own string of
/// the same bytes: equal, with the same UTF-8, scalars, characters and hash, and for short strings the very
/// same bits.
@Suite struct JSONShortStringPropertyTests {
    @Test func theSmallStringFormIsUsedOnThisPlatform() {
        #if _endian(little) && _pointerBitWidth(_64)
        #expect(SmallStringForm.isAvailable)
        #else
        #expect(!SmallStringForm.isAvailable)
        #endif
    }

    /// JSON text for `content`, with some characters written as escapes when `escaping`.
    static func quoted(_ content: [UInt8], escaping: Bool, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var text: [UInt8] = [UInt8(ascii: "\"")]
        for scalar in String(decoding: content, as: UTF8.self).unicodeScalars {
            if escaping && Bool.random(using: &generator) {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: Bool.random(using: &generator))
                    text += Array("\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".utf8)
                }
            } else {
                text += Array(String(scalar).utf8)
            }
        }
        return text + [UInt8(ascii: "\"")]
    }

    static func expectSame(_ read: String, as bytes: [UInt8]) {
        let expected = String(decoding: bytes, as: UTF8.self)
        #expect(read == expected)
        #expect(Array(read.utf8) == bytes)
        #expect(Array(read.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(read.count == expected.count)
        #expect(read.hashValue == expected.hashValue)
        #expect((read + "x") == (expected + "x"))
        if bytes.count <= SmallStringForm.capacity {
            #expect(unsafeBitCast(read, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self),
                    "\(bytes)")
        }
    }

    @Test func everyShortStringIsTheStandardLibrarysOwn() throws {
        var generator = SplitMix64(seed: 0x5EED_0015)
        for length in 0...20 {
            for round in 0..<150 {
                var content: [UInt8] = []
                while content.count < length {
                    let character = round % 3 == 0
                        ? [UInt8.random(in: 0x20...0x7E, using: &generator)].map { $0 == 0x22 || $0 == 0x5C ? 0x41 : $0 }
                        : JSONUTF8BlockPropertyTests.character(using: &generator)
                    if content.count + character.count > length { break }
                    content += character
                }
                let text = Self.quoted(content, escaping: round % 2 == 1, using: &generator)
                for trailing in [[UInt8](), Array(repeating: UInt8(ascii: " "), count: 16)] {
                    let value = try JSONReader.withReader(reading: text + trailing) { try $0.readString() }
                    Self.expectSame(value, as: content)
                    let object = Array("{".utf8) + text + Array(":1}".utf8)
                    let keys = try JSONReader.withReader(reading: object + trailing) { reader in
                        guard case .object(let members) = try reader.readValue() else { return [String]() }
                        return members.keys
                    }
                    try #require(keys.count == 1)
                    Self.expectSame(keys[0], as: content)
                    let inArray = try JSONReader.withReader(reading: Array("[".utf8) + text + Array("]".utf8) + trailing) {
                        try $0.readValue()
                    }
                    guard case .array(let elements) = inArray, case .string(let element)? = elements.first else {
                        Issue.record("not an array of one string: \(inArray)")
                        continue
                    }
                    Self.expectSame(element, as: content)
                }
            }
        }
    }
}
