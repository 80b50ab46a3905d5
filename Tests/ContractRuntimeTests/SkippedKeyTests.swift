import CJSONBlocks
@testable import ContractRuntime
import Testing

/// The block skip (``JSONReader/skipValueInBlocks()``, `ec_skip_value_avx2`) keeps each open object's keys as two
/// words (`ec_skipped_key_words`) and leaves a key whose words an earlier key of the object has to the full reading.
/// Equal keys must always share their words, whatever their length and wherever their bytes lie; keys of at most 16
/// bytes of the same length share them only when equal, so the skip passes over such objects itself; and whatever
/// the words, `skipValue()` gives the full reading's verdict.
@Suite struct SkippedKeyTests {
    /// The words of `bytes`, read from memory that ends right after them (so that short keys are read byte by byte)
    /// or with room after them (read as one word).
    static func words(_ bytes: [UInt8], roomAfter: Bool) -> [UInt64] {
        let room = roomAfter ? 8 : 0
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + room)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0xA5, count: bytes.count + room)  // what follows must not count
        buffer.update(from: bytes, count: bytes.count)
        var words: [UInt64] = [0, 0]
        words.withUnsafeMutableBufferPointer { ec_skipped_key_words(buffer, bytes.count, bytes.count + room, $0.baseAddress) }
        return words
    }

    /// Keys from a two-letter alphabet, so that near misses are common: every pair of lengths 0 to 24.
    @Test func equalKeysShareTheirWordsAndShortKeysOnlyThen() {
        var generator = SplitMix64(seed: 0x5C1B_BED0)
        var differentShortPairs = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let first = (0..<length).map { _ in UInt8(ascii: Bool.random(using: &generator) ? "a" : "b") }
            var second = first
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: break  // the same key
            case 1 where length > 0: second[Int.random(in: 0..<length, using: &generator)] ^= 0x03  // one byte off
            case 2: second.append(UInt8(ascii: "a"))  // one byte longer
            default:
                second = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                    UInt8(ascii: Bool.random(using: &generator) ? "a" : "b")
                }
            }
            for (roomA, roomB) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = Self.words(first, roomAfter: roomA), b = Self.words(second, roomAfter: roomB)
                if first == second {
                    #expect(a == b, "\(first) read two ways")
                } else if first.count == second.count && first.count <= 16 || first.count < 8 || second.count < 8 {
                    #expect(a != b, "\(first) and \(second) share their words")
                    differentShortPairs += 1
                }
            }
        }
        #expect(differentShortPairs > 10_000)
    }

    /// Skips `document`; nil when the block skip left it to the full reading, else what the public skip gave.
    static func blockOutcome(_ document: [UInt8]) -> Bool? {
        document.withUnsafeBufferPointer { buffer in
            do throws(JSONReadError) {
                var reader = try JSONReader(unsafeBuffer: buffer)
                return reader.skipValueInBlocks() && reader.offset == document.count ? true : nil
            } catch {
                return nil
            }
        }
    }

    /// Objects of two keys of every length from 0 to 20, with their near misses and escaped spellings, at the end of
    /// the input and not, plain and nested: the block skip passes over distinct keys of at most 16 bytes itself and
    /// never over a repeated key, and `skipValue()` always agrees with the full reading.
    @Test func objectsOfTwoKeysAreJudgedAsTheFullReadingJudgesThem() {
        var passedOver = 0
        for length in 0...20 {
            let key = (0..<length).map { UInt8(ascii: "a") &+ UInt8($0 % 26) }
            var others: [(spelling: String, bytes: [UInt8])] = [(String(decoding: key, as: UTF8.self), key)]
            for index in 0..<length {
                var near = key
                near[index] = UInt8(ascii: "Z")
                others.append((String(decoding: near, as: UTF8.self), near))
                // The same key, one byte escaped.
                let hex = String(key[index], radix: 16)
                let escaped = String(decoding: key[..<index], as: UTF8.self) + "\\u00" + (hex.count == 1 ? "0" : "") + hex
                    + String(decoding: key[(index + 1)...], as: UTF8.self)
                others.append((escaped, key))
            }
            others.append((String(decoding: key + [UInt8(ascii: "z")], as: UTF8.self), key + [UInt8(ascii: "z")]))
            let keyText = String(decoding: key, as: UTF8.self)
            for other in others {
                let object = "{\"\(keyText)\": 1, \"\(other.spelling)\": {\"n\": [2]}}"
                // Alone (its last key's bytes end near the input's), in an array, and as an object's value.
                for wrapped in [object, "[" + object + "]", "{\"k\":" + object + ",\"z\":0}"] {
                    let document = Array(wrapped.utf8)
                    let repeated = other.bytes == key
                    let verdict = JSONSkipping.refusal(document)
                    #expect(verdict == (repeated ? .duplicateKey : nil), "\(object)")
                    let blocks = Self.blockOutcome(document)
                    if repeated {
                        #expect(blocks == nil, "the block skip passed over a repeated key: \(object)")
                    } else if length <= 16 && other.bytes.count == length {
                        #expect(blocks == true, "the block skip left distinct keys over: \(object)")
                        passedOver += 1
                    }
                }
            }
        }
        #expect(passedOver == 3 * (1...16).reduce(0, +))  // every near miss of lengths 1 to 16, in each wrapping
    }

    /// A key repeated in an escaped spelling is found wherever the spelling lies, across a block's end included (where
    /// the walk looks for its backslashes in its bytes rather than in the block's mask): padding before it moves it
    /// over every offset of a 64-byte block.
    @Test func escapedRepeatsAreFoundAcrossBlocks() {
        for padding in 0..<80 {
            let pad = String(repeating: "p", count: padding)
            let repeated = Array(#"{"pad": "\#(pad)", "keyword": 1, "key\u0077ord": 2}"#.utf8)
            #expect(JSONSkipping.refusal(repeated) == .duplicateKey)
            #expect(Self.blockOutcome(repeated) == nil, "padding \(padding)")
            let distinct = Array(#"{"pad": "\#(pad)", "keyword": 1, "key\u0078ord": 2}"#.utf8)
            #expect(JSONSkipping.refusal(distinct) == nil)
            #expect(Self.blockOutcome(distinct) == true, "padding \(padding)")
        }
    }

    /// Open objects with more keys and markers in all than `EC_SKIP_KEY_ROOM` are left to the full
    /// reading, which passes over them (or finds a key repeated past the room); up to the room, the block skip
    /// passes over them itself.
    @Test func openObjectsPastTheRoomAreLeftToTheFullReading() {
        func nested(levels: Int, keys: Int, inner: Int, repeatInnermost: Bool = false) -> [UInt8] {
            var text = ""
            for level in 0..<levels {
                text += "{" + (0..<(keys - 1)).map { "\"k\(level)_\($0)\": \($0)," }.joined() + "\"in\":"
            }
            text += "{" + (0..<inner).map { "\"x\($0)\": \($0)" }.joined(separator: ",")
            text += repeatInnermost ? ", \"x0\": 9}" : "}"
            text += String(repeating: "}", count: levels)
            return Array(text.utf8)
        }
        // Each level holds a marker and its keys; the innermost object a marker and `inner` keys.
        for (levels, keys, inner) in [(3, 16, 1), (4, 14, 2), (4, 14, 3), (4, 15, 1), (5, 11, 2), (30, 1, 2), (31, 1, 1)] {
            let used = levels * (keys + 1) + 1 + inner
            let document = nested(levels: levels, keys: keys, inner: inner)
            #expect(JSONSkipping.refusal(document) == nil)
            #expect((Self.blockOutcome(document) == true) == (used <= Int(EC_SKIP_KEY_ROOM)),
                    "\(levels) × \(keys) + \(inner): \(used)")
            let repeated = nested(levels: levels, keys: keys, inner: inner, repeatInnermost: true)
            #expect(JSONSkipping.refusal(repeated) == .duplicateKey)
        }
    }
}
