@testable import ContractRuntime
import Testing

/// `JSONReader.nextKeyIndex(in:expected:)` takes the key it expects in line (`expectedKeyIndex(in:expected:)`), in
/// objects whose repeated keys the caller finds; every other case goes to `nextKeyIndexInFull(in:expected:)`. The two
/// must read every object alike: the same indices, the same errors at the same offsets and paths, and the reader left
/// at the same place with the same current key.
@Suite struct ExpectedKeyTests {
    /// What reading an object's keys one way saw: after each key, its index, the offset and the reader's current key;
    /// or the error, and where the reading stopped.
    static func trace(_ document: [UInt8], table: UTF8Table, limits: JSONReaderLimits, callerChecksDuplicateKeys: Bool,
                      guess: Int?, inFull: Bool) -> [String] {
        var steps: [String] = []
        document.withUnsafeBufferPointer { buffer in
            do throws(JSONReadError) {
                var reader = try JSONReader(unsafeBuffer: buffer, limits: limits)
                try reader.beginObject(callerChecksDuplicateKeys: callerChecksDuplicateKeys)
                var expected = guess ?? 0
                var seen: Set<Int> = []
                while true {
                    let index = inFull ? try reader.nextKeyIndexInFull(in: table, expected: expected)
                                       : try reader.nextKeyIndex(in: table, expected: expected)
                    guard let index else { break }
                    steps.append("key \(index) at \(reader.offset) \(reader.currentKey.map { Array($0.utf8) } ?? []) \(reader.path)")
                    // A field seen before, as a model decoder finds it (its own flags) and reports it (the reader's error).
                    if index >= 0 && !seen.insert(index).inserted {
                        let error = reader.duplicateKeyError()
                        steps.append("repeated at \(error.offset) \(error.path): \(error.message)")
                        break
                    }
                    if guess == nil { expected = index + 1 }
                    try reader.skipValue()
                }
                steps.append("end at \(reader.offset)")
            } catch {
                steps.append("\(error.category) at \(error.offset) \(error.path): \(error.message)")
            }
        }
        return steps
    }

    /// Random objects whose keys come from a table, in its order or not, written plainly or with an escape, with
    /// whitespace of every kind around commas and colons; some broken (a comma missing or left at the end, a colon
    /// missing, a key repeated), and each also cut at a random place. Read with limits on keys and strings at, under
    /// and over the keys', both ways, expecting the next field and a fixed guess.
    @Test func theInlinePathReadsAsTheFullReading() {
        var generator = SplitMix64(seed: 0x5EED_0019)
        let alphabet = Array("abk_".utf8) + Array("é状\"\\".utf8)
        let whitespace: [[UInt8]] = [[], [], [], Array(" ".utf8), Array("\n".utf8), Array(" \t\r\n".utf8)]
        var compared = 0, inline = 0
        for _ in 0..<6_000 {
            let strings = UTF8TableTests.randomStrings(count: 1...6, length: 17, from: alphabet, using: &generator)
            guard !strings.isEmpty else { continue }
            let table = UTF8Table(strings.map { String(decoding: $0, as: UTF8.self) })
            var document = Array("{".utf8) + whitespace.randomElement(using: &generator)!
            let members = Int.random(in: 0...5, using: &generator)
            var order = Array(strings.indices)
            if Bool.random(using: &generator) { order.shuffle(using: &generator) }
            for member in 0..<members {
                if member > 0 && Int.random(in: 0..<20, using: &generator) != 0 {
                    document += whitespace.randomElement(using: &generator)! + Array(",".utf8)
                }
                document += whitespace.randomElement(using: &generator)!
                let key = Int.random(in: 0..<8, using: &generator) == 0 ? Array("zz".utf8) : strings[order[member % order.count]]
                document += Self.quoted(key, escapingFirst: Int.random(in: 0..<6, using: &generator) == 0)
                document += whitespace.randomElement(using: &generator)!
                if Int.random(in: 0..<20, using: &generator) != 0 { document += Array(":".utf8) }
                document += whitespace.randomElement(using: &generator)!
                document += Array(["1", "\"v\"", "null", "[2, {\"a\": 3}]", "true"].randomElement(using: &generator)!.utf8)
            }
            if Int.random(in: 0..<10, using: &generator) == 0 { document += Array(",".utf8) }
            document += whitespace.randomElement(using: &generator)! + Array("}".utf8)
            let cut = Array(document.prefix(Int.random(in: 0...document.count, using: &generator)))
            let longest = strings.map(\.count).max()!
            for text in [document, cut] {
                var limits = JSONReaderLimits()
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: limits.maxKeysPerObject = Int.random(in: 1...members + 1, using: &generator)
                case 1: limits.maxStringLength = Int.random(in: max(0, longest - 2)...longest + 1, using: &generator)
                default: break
                }
                for callerChecks in [true, false] {
                    for guess in [nil, Int.random(in: -1...strings.count, using: &generator)] {
                        let full = Self.trace(text, table: table, limits: limits, callerChecksDuplicateKeys: callerChecks,
                                              guess: guess, inFull: true)
                        let fast = Self.trace(text, table: table, limits: limits, callerChecksDuplicateKeys: callerChecks,
                                              guess: guess, inFull: false)
                        #expect(fast == full, "\(String(decoding: text, as: UTF8.self)) guess \(String(describing: guess))")
                        compared += 1
                        if callerChecks && fast.contains(where: { $0.hasPrefix("key ") && !$0.hasPrefix("key -1") }) { inline += 1 }
                    }
                }
            }
        }
        // Most readings found keys where the inline path may take them (not a test that it did: the traces are equal).
        #expect(compared > 10_000 && inline > 1_000, "compared \(compared), with keys found \(inline)")
    }

    /// A key as JSON writes it, with its first character written as a `\u` escape when asked (any key that has one).
    static func quoted(_ key: [UInt8], escapingFirst: Bool) -> [UInt8] {
        let text = String(decoding: key, as: UTF8.self)
        var out = Array("\"".utf8)
        for (place, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "\"" || scalar == "\\" || (escapingFirst && place == 0) {
                let hex = String(scalar.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
            } else {
                out += Array(String(scalar).utf8)
            }
        }
        return out + Array("\"".utf8)
    }

    /// The path the inline path takes at its edges: the key expected last in the input with its colon the last byte
    /// but one, and with fewer than 16 bytes from its opening quote to the end (left to the full reading), and the key
    /// expected at the limit on keys.
    @Test func edgesOfTheInlinePath() {
        let table = UTF8Table(["a", "status", "error_code"])
        let documents = [
            #"{"a":1}"#, #"{"status":1}"#, #"{"status":1,"a":2}"#, #"{"a":1,"status":2,"error_code":3}"#,
            #"{"a":1,"status":2,"error_code":3,"a":4}"#, #"{"status" :1}"#, #"{"status": 1 , "error_code" :2}"#,
            #"{"status":1,,"a":2}"#, #"{"status":1,}"#, #"{,"status":1}"#, #"{"status"1}"#, #"{"status":"#,
            #"{"status":1 "a":2}"#, #"{"stat\u0075s":1,"error_code":2}"#,
        ]
        for document in documents {
            for keys in 1...4 {
                var limits = JSONReaderLimits()
                limits.maxKeysPerObject = keys
                for guess in [nil, 0, 1, 2] {
                    let text = Array(document.utf8)
                    let full = Self.trace(text, table: table, limits: limits, callerChecksDuplicateKeys: true, guess: guess, inFull: true)
                    let fast = Self.trace(text, table: table, limits: limits, callerChecksDuplicateKeys: true, guess: guess, inFull: false)
                    #expect(fast == full, "\(document) keys \(keys) guess \(String(describing: guess))")
                }
            }
        }
        // The inline path does read these: a model's keys in order, compact and as `json.dumps` writes them.
        let table2 = UTF8Table(["step", "status"])
        for document in [#"{"step":"a","status":"b"} "#, #"{"step": "a", "status": "b"}                "#] {
            let steps = Self.trace(Array(document.utf8), table: table2, limits: JSONReaderLimits(), callerChecksDuplicateKeys: true,
                                   guess: nil, inFull: false)
            #expect(steps.count == 3 && steps[0].hasPrefix("key 0") && steps[1].hasPrefix("key 1"), "\(steps)")
        }
    }
}
