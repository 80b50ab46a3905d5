@testable import ContractRuntime
import Testing

/// ``JSONReader/skipValue()`` passes over most containers with a fast path (``JSONReader/skipValueInBlocks()`` where
/// the processor has AVX2, ``JSONReader/skipValueInLocals()`` elsewhere; both are tested here on every machine) and leaves
/// the rest to ``JSONReader/skipValueInFrames()``. On random values, valid and broken, under default and
/// tight limits, at the top level and inside an object: `skipValue()` must give exactly what
/// `skipValueInFrames()` gives (the same end, or the same error with its path), and each fast path must never
/// pass over a value the full reading refuses or stop anywhere else, and must pass over the valid values it is
/// meant for rather than leave them all to the full reading.
@Suite struct JSONSkipPathsPropertyTests {
    /// What one way of skipping gave: the offset after the value, or the error.
    enum Outcome: Equatable {
        case skipped(end: Int)
        case refused(JSONReadError)
        /// Only from `skipValueInLocals()`: left to the full reading.
        case leftOver
    }

    enum Way { case public_, frames, locals, blocks }

    /// Skips the value of `document`: the whole input, or the value of key `"k"` in `{"k": …, "k2": 0}`
    /// when `nested` (so that frames are open, and the outer object's keys must survive the skip).
    static func skip(_ document: [UInt8], nested: Bool, limits: JSONReaderLimits, way: Way) -> Outcome {
        let input = nested ? Array(#"{"k": "#.utf8) + document + Array(#", "k2": 0, "k": 1}"#.utf8) : document
        do throws(JSONReadError) {
            return try input.withUnsafeBufferPointer { buffer throws(JSONReadError) -> Outcome in
                var reader = try JSONReader(unsafeBuffer: buffer, limits: limits)
                if nested {
                    try reader.beginObject()
                    _ = try reader.nextKey()
                }
                switch way {
                case .public_: try reader.skipValue()
                case .frames: try reader.skipValueInFrames()
                case .locals:
                    guard try reader.skipValueInLocals() else { return .leftOver }
                case .blocks:
                    guard reader.skipValueInBlocks() else { return .leftOver }
                }
                let end = reader.offset
                if nested {
                    // The outer object's next key, then its repeat of "k", which must still be found (unless
                    // a broken document ended the object early, as `1}` does).
                    guard try reader.nextKey()?.string == "k2" else { return .skipped(end: end) }
                    _ = try reader.skipValue()
                    do throws(JSONReadError) {
                        _ = try reader.nextKey()
                        Issue.record("the outer object's repeated key was not found after the skip")
                    } catch {
                        #expect(error.category == .duplicateKey)
                    }
                }
                return .skipped(end: end)
            }
        } catch {
            return .refused(error)
        }
    }

    /// A random JSON value, mostly valid: objects of 0 to 20 keys (some repeated, some only after
    /// unescaping), nesting up to 70 levels, strings with escapes and non-ASCII text, all kinds of
    /// numbers (and runs of their bytes that are none) and literals, and whitespace of every kind between tokens.
    static func value(depth: Int, using generator: inout SplitMix64) -> [UInt8] {
        func space() -> [UInt8] {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: return [0x20]
            case 1: return Array(" \n\t\r ".utf8.prefix(Int.random(in: 1...5, using: &generator)))
            default: return []
            }
        }
        let strings = ["", "a", "k", "key", "名字", "\\u0061", "\\u540d\\u5b57", "\\n\\t\\\"", "abcdefghijklmnopq",
                       "数据分析结果与图表说明", "\\ud83d\\ude00", "x\\/y", "conclusion", "😀 emoji",
                       "一段较长的说明文字，跨过六十四字节的块：\\u6570\\u636e \\\"quoted\\\" \\\\ path \\ud83d\\ude00 end",
                       "\\ude00\\ude00", "\\ud83d\\ud83d", "\\ud83d\\u0041"]
        func string() -> [UInt8] { Array("\"\(strings.randomElement(using: &generator)!)\"".utf8) }
        let kind = depth >= 70 ? Int.random(in: 2..<8, using: &generator) : Int.random(in: 0..<8, using: &generator)
        switch kind {
        case 0:
            let count = Int.random(in: 0...3, using: &generator) == 0 ? Int.random(in: 0...20, using: &generator)
                : Int.random(in: 0...4, using: &generator)
            let deeper = depth + (Int.random(in: 0..<4, using: &generator) == 0 ? 20 : 1)
            var text: [UInt8] = [UInt8(ascii: "{")] + space()
            // Half the objects have distinct keys (some past the local path's 16), half keys from a few strings.
            let distinct = Bool.random(using: &generator)
            for index in 0..<count {
                if index > 0 { text += space() + [UInt8(ascii: ",")] + space() }
                let key = distinct ? Array("\"u\(index)\"".utf8) : string()
                text += key + space() + [UInt8(ascii: ":")] + space() + value(depth: deeper, using: &generator)
            }
            return text + space() + [UInt8(ascii: "}")]
        case 1:
            let count = Int.random(in: 0...5, using: &generator)
            let deeper = depth + (Int.random(in: 0..<4, using: &generator) == 0 ? 20 : 1)
            var text: [UInt8] = [UInt8(ascii: "[")] + space()
            for index in 0..<count {
                if index > 0 { text += space() + [UInt8(ascii: ",")] + space() }
                text += value(depth: deeper, using: &generator)
            }
            return text + space() + [UInt8(ascii: "]")]
        case 2, 3: return string()
        case 4:
            let numbers = ["0", "-0", "12", "-7.5", "1e3", "2.5E-7", "123456789012345678901", "1e400", "0.1e-400", "01", "1.", "-"]
            return Array(numbers.randomElement(using: &generator)!.utf8)
        case 5:
            // Half the time a run of the bytes numbers are made of, a number or not, in every order the block scan's
            // number check must tell apart (points, signs and zeros anywhere).
            let bytes = Array("0123456789".utf8) + Array("00-.-.eE+".utf8)
            guard Bool.random(using: &generator) else {
                return Array(String(Double.random(in: -1e6...1e6, using: &generator)).utf8)  // a valid one, mostly
            }
            var text = Bool.random(using: &generator) ? [UInt8(ascii: "-")] : []
            for _ in 0..<Int.random(in: 1...24, using: &generator) { text.append(bytes.randomElement(using: &generator)!) }
            return text
        default:
            // Literals, and (a time in four) runs of 3 to 6 letters that are none: one letter off, or one too many
            // or too few.
            let literals = Int.random(in: 0..<4, using: &generator) > 0 ? ["true", "false", "null"]
                : ["nul", "truex", "fals", "falsx", "nulL", "True", "tru", "trux", "falsee", "nulll"]
            return Array(literals.randomElement(using: &generator)!.utf8)
        }
    }

    /// `bytes` with one byte deleted, replaced or inserted at a random place, half of the time.
    static func mutated(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        guard !bytes.isEmpty, Bool.random(using: &generator) else { return bytes }
        var bytes = bytes
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        // Bytes of every class: structural, quote, backslash, control, UTF-8 continuation and leads (the ones
        // whose second byte has a narrower range too), and bytes that never appear in UTF-8.
        let replacements: [UInt8] = Array(#"{}[],:" \0\\x1"#.utf8) + [0x00, 0x1F, 0x80, 0xC0, 0xC3, 0xE0, 0xE4, 0xED, 0xF0, 0xF4, 0xFF]
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes.remove(at: index)
        case 1: bytes[index] = replacements.randomElement(using: &generator)!
        default: bytes.insert(replacements.randomElement(using: &generator)!, at: index)
        }
        return bytes
    }

    @Test(arguments: [Way.locals, .blocks])
    func bothWaysOfSkippingAgreeOnRandomValues(_ fast: Way) {
        var generator = SplitMix64(seed: 0x5EED_5C1B)
        let limitSets = [JSONReaderLimits(), JSONReaderLimits(maxDepth: 4), JSONReaderLimits(maxKeysPerObject: 3),
                         JSONReaderLimits(maxStringLength: 6), JSONReaderLimits(maxDepth: 64)]
        var validDocuments = 0
        var passedFast = 0
        var leftOverValid = 0
        for round in 0..<6_000 {
            var document = Self.value(depth: 0, using: &generator)
            // Every fifth value wide (17 to 24 keys) and every fifth deep (60 to 66 levels): past the fast
            // paths' reach, or just within it; and every fifth an array of several values, which crosses
            // 64-byte blocks at every kind of byte.
            if round % 5 == 1 {
                let members = (0..<Int.random(in: 17...24, using: &generator)).map { index in
                    Array("\"w\(index)\": ".utf8) + Self.value(depth: 1, using: &generator)
                }
                document = Array("{".utf8) + Array(members.joined(separator: Array(", ".utf8))) + Array("}".utf8)
            } else if round % 5 == 2 {
                let levels = Int.random(in: 60...66, using: &generator)
                document = Array(repeating: UInt8(ascii: "["), count: levels) + document + Array(repeating: UInt8(ascii: "]"), count: levels)
            } else if round % 5 == 3 {
                let elements = (0..<Int.random(in: 2...8, using: &generator)).map { _ in Self.value(depth: 1, using: &generator) }
                document = Array("[".utf8) + Array(elements.joined(separator: Array(",".utf8))) + Array("]".utf8)
            }
            document = Self.mutated(document, using: &generator)
            let limits = limitSets[(round / 5) % limitSets.count]  // not in step with the shapes below
            let nested = round % 3 == 0
            let full = Self.skip(document, nested: nested, limits: limits, way: .frames)
            let public_ = Self.skip(document, nested: nested, limits: limits, way: .public_)
            let fastOutcome = Self.skip(document, nested: nested, limits: limits, way: fast)
            let text = String(decoding: document, as: UTF8.self)
            #expect(public_ == full, "\(text)")
            switch (fastOutcome, full) {
            case (.skipped(let end), .skipped(let fullEnd)):
                #expect(end == fullEnd, "\(text)")
                passedFast += 1
            case (.skipped, .refused):
                Issue.record("\(fast) passed over a value the full reading refuses: \(text)")
            case (.leftOver, _), (.refused, .refused):
                break
            case (.refused(let error), .skipped):
                Issue.record("\(fast) threw for a valid value: \(error): \(text)")
            case (_, .leftOver):
                Issue.record("skipValueInFrames() never leaves a value over")
            }
            if case .skipped = full {
                validDocuments += 1
                if fastOutcome == .leftOver { leftOverValid += 1 }
            }
        }
        // The fast path must do the work, not only defer it: most valid values are within its reach.
        #expect(validDocuments > 1_000)
        #expect(Double(passedFast) > 0.6 * Double(validDocuments), "\(passedFast) of \(validDocuments)")
        // And the values out of its reach were among them, so that the way back to the full reading was taken.
        #expect(leftOverValid > 30, "\(leftOverValid)")
    }

    /// The values the local path is for, each passed over by it: nothing it can vouch for is left to the
    /// full reading, keys repeated after unescaping included.
    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "é", "e": -1.5e3}}"#,
        #"[{"名字": "数据"}, {"\u540d\u5b57": "\u6570\u636e"}, [], {}, "", 0]"#,
        #"{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16}"#,
        #" { "spaces" : [ 1 , 2 ] , "after" : { } } "#,
    ])
    func valuesWithinReachArePassedOverLocally(_ text: String) {
        let document = Array(text.utf8)
        for fast in [Way.locals, .blocks] {
            #expect(Self.skip(document, nested: false, limits: .init(), way: fast) == .skipped(end: document.count - (text.hasSuffix(" ") ? 1 : 0)),
                    "\(fast)")
        }
    }

    /// Values the local path leaves to the full reading, which gives the verdict.
    @Test(arguments: [
        (#"{"a": 1, "\u0061": 2}"#, JSONErrorCategory.duplicateKey),
        (#"{"ab": 1, "ba": 2, "ab": 3}"#, .duplicateKey),
        (#"{"a": [1, 2,]}"#, .malformedJSON),
        (#"{"a": {"b": 1,}}"#, .malformedJSON),
        (#"[1 2]"#, .malformedJSON),
        (#"{"a" 1}"#, .malformedJSON),
        (#"{"a": "\x"}"#, .invalidEscape),
        (#"[1e400]"#, .numberOutOfRange),
    ])
    func brokenValuesAreLeftToTheFullReading(_ text: String, _ category: JSONErrorCategory) {
        let document = Array(text.utf8)
        #expect(Self.skip(document, nested: false, limits: .init(), way: .locals) != .skipped(end: document.count))
        #expect(Self.skip(document, nested: false, limits: .init(), way: .blocks) != .skipped(end: document.count))
        guard case .refused(let error) = Self.skip(document, nested: false, limits: .init(), way: .public_) else {
            Issue.record("skipped: \(text)")
            return
        }
        #expect(error.category == category)
    }

    /// Ill-formed UTF-8 that only the lead's own second-byte range reveals (overlong forms, surrogates, code
    /// points past U+10FFFF) and bytes that never appear in UTF-8, at every offset of a 64-byte block: no fast
    /// path passes over them, and the full reading refuses them.
    @Test(arguments: [[0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
                      [0xC0, 0x80], [0xC1, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0xBF]] as [[UInt8]])
    func illFormedUTF8InAStringIsRefused(_ sequence: [UInt8]) {
        for padding in 0..<80 {
            let document = Array(#"{"k": ["a", ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: padding) + sequence
                + Array(#"数据"], "n": 1}"#.utf8)
            for fast in [Way.locals, .blocks] {
                #expect(Self.skip(document, nested: false, limits: .init(), way: fast) != .skipped(end: document.count), "\(fast) \(sequence) at \(padding)")
            }
            guard case .refused(let error) = Self.skip(document, nested: false, limits: .init(), way: .public_) else {
                Issue.record("skipped: \(sequence) at \(padding)")
                continue
            }
            #expect(error.category == .invalidUTF8)
        }
    }

    /// An object of more keys than the local path compares, and nesting deeper than its 63 levels, go to
    /// the full reading and are passed over there.
    @Test func objectsWithManyKeysAndDeepNestingAreLeftOverAndThenSkipped() {
        let wide = Array(("{" + (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}").utf8)
        let deep = Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8)
        for document in [wide, deep] {
            #expect(Self.skip(document, nested: false, limits: .init(), way: .locals) == .leftOver)
            #expect(Self.skip(document, nested: false, limits: .init(), way: .blocks) == .leftOver)
            #expect(Self.skip(document, nested: false, limits: .init(), way: .public_) == .skipped(end: document.count))
        }
    }
}
