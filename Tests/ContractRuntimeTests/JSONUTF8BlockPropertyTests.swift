import ContractRuntime
import Testing

/// The reader checks the UTF-8 of a string's text 16 bytes at a time, each block with the three bytes
/// before it, and falls back to checking character by character from the last character start when a
/// block has anything wrong. These strings are long runs of mixed ASCII and 2-, 3- and 4-byte characters,
/// so that blocks start and end inside characters of every length, with at most one thing wrong put at a
/// random place (each kind of ill-formed sequence, a control byte, a cut-short sequence just before the
/// closing quote); the verdict and, for ill-formed UTF-8, the offset of the error must be the reference's.
@Suite struct JSONUTF8BlockPropertyTests {
    /// The offset in `content` of the first ill-formed UTF-8 sequence or control byte, with its category,
    /// or nil when the content is well-formed text without quotes, backslashes or control bytes.
    static func firstFault(in content: [UInt8]) -> (offset: Int, category: JSONErrorCategory)? {
        var index = 0
        while index < content.count {
            let byte = content[index]
            if byte < 0x20 { return (index, .controlCharacter) }
            if byte < 0x80 { index += 1; continue }
            var iterator = content[index...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (index, .invalidUTF8) }
            index += UTF8.width(scalar)
        }
        return nil
    }

    static func character(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let scalar: UInt32 = switch Int.random(in: 0..<10, using: &generator) {
        case 0..<3: UInt32.random(in: 0x20...0x7E, using: &generator)
        case 3..<7: UInt32.random(in: 0x4E00...0x9FFF, using: &generator)  // CJK, the usual case
        case 7: UInt32.random(in: 0x80...0x7FF, using: &generator)
        case 8: [UInt32.random(in: 0x800...0xFFF, using: &generator), UInt32.random(in: 0xD000...0xD7FF, using: &generator),
                 UInt32.random(in: 0xE000...0xFFFF, using: &generator)].randomElement(using: &generator)!
        default: [UInt32.random(in: 0x10000...0x3FFFF, using: &generator),
                  UInt32.random(in: 0x100000...0x10FFFF, using: &generator)].randomElement(using: &generator)!
        }
        if scalar == 0x22 || scalar == 0x5C { return [0x41] }
        return Array(String(UnicodeScalar(scalar)!).utf8)
    }

    /// Every kind of fault: bytes that never appear, stray continuation bytes, overlong forms, surrogates,
    /// code points above U+10FFFF, sequences cut short (by ASCII, by another lead), control bytes.
    static let faults: [[UInt8]] = [
        [0xC0, 0x80], [0xC1, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0x80], [0xBF], [0xE0, 0x80, 0x80],
        [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF4, 0xBF, 0xBF, 0xBF], [0xC2], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xE4, 0x41],
        [0xE4, 0xB8, 0x41], [0xF0, 0x9F, 0x41], [0xE4, 0xE4, 0xB8, 0xAD], [0xC2, 0xC2, 0x80], [0x00], [0x1F], [0x0A],
    ]

    @Test func longMixedRunsReadAsTheReferenceReadsThem() throws {
        var generator = SplitMix64(seed: 0x5EED_0B10)
        var faulty = 0, clean = 0
        for round in 0..<20_000 {
            var content: [UInt8] = []
            let length = Int.random(in: 0...Int.random(in: 1...200, using: &generator), using: &generator)
            while content.count < length { content += Self.character(using: &generator) }
            if round % 2 == 0 {
                // A fault, often right at the end, so that the closing quote cuts it short.
                let fault = Self.faults.randomElement(using: &generator)!
                let place = Bool.random(using: &generator) ? content.count : Int.random(in: 0...content.count, using: &generator)
                // At a character start, so that the fault stays the first thing wrong.
                var start = place
                while start > 0 && start < content.count && content[start] & 0xC0 == 0x80 { start -= 1 }
                content.insert(contentsOf: fault, at: start)
            }
            let expected = Self.firstFault(in: content)
            // After 0 to 19 bytes of padding, so that blocks fall at every place of the input; as a value
            // and as a key.
            let padding = [UInt8](repeating: UInt8(ascii: " "), count: Int.random(in: 0...19, using: &generator))
            let quoted = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
            for prefix in [Array("[".utf8) + padding, Array("{".utf8) + padding] {
                let suffix = prefix[0] == UInt8(ascii: "[") ? Array("]".utf8) : Array(":0}".utf8)
                let bytes = prefix + quoted + suffix
                let contentStart = prefix.count + 1
                do throws(JSONReadError) {
                    _ = try JSONValue(strictUTF8: bytes)
                    #expect(expected == nil, "content \(content): read, but the reference finds \(String(describing: expected))")
                } catch {
                    let fault = try #require(expected, "content \(content): refused (\(error)), but the reference reads it")
                    #expect(error.category == fault.category, "content \(content): \(error)")
                    #expect(error.offset == contentStart + fault.offset, "content \(content): \(error)")
                }
                #expect(JSONSkipping.refusal(bytes) == expected?.category, "skipped, content \(content)")
            }
            if expected == nil { clean += 1 } else { faulty += 1 }
        }
        #expect(faulty > 5_000 && clean > 5_000, "\(faulty) faulty, \(clean) clean")
    }
}
