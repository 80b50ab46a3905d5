@testable import ContractRuntime
import Foundation
import Testing

/// `UTF8Table` finds a string by its UTF-8 bytes: the first 8 bytes as a word and the length first, then
/// the rest. Used for enumeration values (the validator's plans) and for keys
/// (`JSONReader.nextKeyIndex(in:expected:)`).
@Suite struct UTF8TableTests {
    /// Distinct strings, as many as `count` (fewer when some repeat or are not valid UTF-8), sorted: prefixes of every
    /// length up to `length` of one random string of `alphabet`, half of them with one byte changed, so that heads
    /// and lengths collide. Only strings that are valid UTF-8 (a character's bytes may be cut), as keys and values are.
    static func randomStrings(count: ClosedRange<Int>, length: Int, from alphabet: [UInt8],
                              using generator: inout SplitMix64) -> [[UInt8]] {
        var strings: Set<[UInt8]> = []
        let base = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        for _ in 0..<Int.random(in: count, using: &generator) {
            var string = Array(base.prefix(Int.random(in: 0...length, using: &generator)))
            if !string.isEmpty && Bool.random(using: &generator) {
                string[Int.random(in: string.indices, using: &generator)] = alphabet.randomElement(using: &generator)!
            }
            strings.insert(string)
        }
        return strings.filter { String(validating: $0, as: UTF8.self) != nil }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `strings` and their near misses: one byte more, one byte less, one byte changed at each place.
    static func probes(around strings: [[UInt8]]) -> [[UInt8]] {
        var probes = strings
        for string in strings {
            probes.append(string + [0x61])
            if !string.isEmpty { probes.append(Array(string.dropLast())) }
            for place in string.indices {
                var changed = string
                changed[place] ^= 0x01
                probes.append(changed)
            }
        }
        return probes
    }

    /// Strings of every length up to 20 that share prefixes, each looked up itself and as near misses (one
    /// byte changed at each place, one byte more or less), must be found exactly when they are in the
    /// table, as a search of the list would, whichever entry the look-up tries first, and through a
    /// reader's key at any distance from the end of its input.
    @Test func everyStringAndEveryNearMissIsFoundAsASearchWouldFindIt() throws {
        var generator = SplitMix64(seed: 0x5EED_0E21)
        let alphabet = Array("ab_-".utf8) + Array("é".utf8)
        for _ in 0..<60 {
            let ordered = Self.randomStrings(count: 0...12, length: 20, from: alphabet, using: &generator)
            let table = UTF8Table(ordered.map { String(decoding: $0, as: UTF8.self) })
            #expect(table.count == ordered.count)
            let probes = Self.probes(around: ordered)
            for probe in probes {
                let expected = ordered.firstIndex(of: probe)
                // Padded on both sides, so that a read past the probe's own bytes would be seen.
                let padded = [0x62, 0x62] + probe + Array(repeating: 0x62, count: 16)
                let found = padded.withUnsafeBufferPointer { table.index(of: UnsafeBufferPointer(rebasing: $0[2..<(2 + probe.count)])) }
                #expect(found == expected, "\(probe) among \(ordered)")
                if let expected { #expect(Array(table.strings[expected].utf8) == probe) }
                for first in -1...ordered.count {
                    let rotated = probe.withUnsafeBufferPointer { bytes in
                        table.index(head: UTF8Table.head(of: bytes), bytes: bytes.baseAddress, count: bytes.count, from: first)
                    }
                    #expect(rotated == expected, "\(probe) from \(first)")
                }
                guard String(validating: probe, as: UTF8.self) != nil else { continue }
                // As a key: the last of an object that ends the input, so that fewer than 8 bytes may follow it, or
                // with more after it; whichever entry is expected (compared with the input before any scan).
                let key = "\"" + String(decoding: probe, as: UTF8.self) + "\""  // no quote or backslash among the bytes
                // The other keys ("x", "after the key") are in no table: their index is -1.
                for (document, place) in [("{\(key):0}", 0), ("{\"x\":1, \(key) :0}", 1), ("{\(key):0, \"after the key\": [1, 2]}", 0)] {
                    for guess in -1...ordered.count {
                        let found = try Array(document.utf8).withUnsafeBufferPointer { buffer in
                            try JSONReader.withReader(unsafeBuffer: buffer) { reader in
                                try reader.beginObject()
                                var found: [Int] = []
                                while let index = try reader.nextKeyIndex(in: table, expected: guess) {
                                    found.append(index)
                                    try reader.skipValue()
                                }
                                return found
                            }
                        }
                        #expect(found.count == (place == 0 && document.count == key.count + 4 ? 1 : 2), "\(document)")
                        #expect(found[place] == expected ?? -1, "\(document) expecting \(guess)")
                        #expect(found.indices.allSatisfy { $0 == place || found[$0] == -1 }, "\(document)")
                    }
                }
                // As a string value (an enumeration's): last in the input, so that fewer than 8 bytes may follow
                // it; elsewhere; and with every character escaped, found by its unescaped bytes.
                let text = String(decoding: probe, as: UTF8.self)
                let escaped = "\"" + text.unicodeScalars.map { scalar in
                    scalar.value > 0xFFFF ? String(scalar) : "\\u" + String(format: "%04x", scalar.value)
                }.joined() + "\""
                for document in [key, "[\(key), 1]", " \(escaped)", "[\(escaped),2]"] {
                    var missed: [UInt8]? = nil
                    let index = try Array(document.utf8).withUnsafeBufferPointer { buffer in
                        try JSONReader.withReader(unsafeBuffer: buffer) { reader in
                            if document.hasPrefix("[") { try reader.beginArray() }
                            return try reader.readStringIndex(in: table) { missed = Array($0) }
                        }
                    }
                    #expect(index == expected, "\(document)")
                    #expect(missed == (expected == nil ? probe : nil), "\(document)")
                }
            }
        }
    }

    /// Values of every length from 0 to 20 bytes (ASCII and Chinese), read as strings where they end the input,
    /// where more follows, and escaped: each is found, and each near miss (one byte more or less, the last
    /// character changed) is handed to `unmatched` as its unescaped bytes.
    @Test func valuesOfEveryLengthAroundTheFirstWordAreFound() throws {
        let ascii = (0...20).map { String("abcdefghijklmnopqrstu".prefix($0)) }
        let chinese = (1...6).map { String("已完成执行状态".prefix($0)) }
        let values = ascii + chinese
        let table = UTF8Table(values)
        var probes: [(text: String, expected: Int?)] = values.enumerated().map { ($0.element, $0.offset) }
        for value in values where !value.isEmpty {
            probes.append((value + "x", values.firstIndex(of: value + "x")))
            probes.append((String(value.dropLast()) + "!", nil))
        }
        for (text, expected) in probes {
            let escaped = "\"" + text.unicodeScalars.map { "\\u" + String(format: "%04X", $0.value) }.joined() + "\""
            for document in ["\"\(text)\"", "[\"\(text)\" ,\"tail\"]", escaped, "[\(escaped)]"] {
                var missed: String? = nil
                let index = try Array(document.utf8).withUnsafeBufferPointer { buffer in
                    try JSONReader.withReader(unsafeBuffer: buffer) { reader in
                        if document.hasPrefix("[") { try reader.beginArray() }
                        return try reader.readStringIndex(in: table) { missed = String(decoding: $0, as: UTF8.self) }
                    }
                }
                #expect(index == expected, "\(document)")
                #expect(missed == (expected == nil ? text : nil), "\(document)")
            }
        }
    }

    /// The JSON text of `bytes` as a string: quotes, backslashes and control characters escaped, the rest as is.
    static func quotedJSON(_ bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = [0x22]
        for byte in bytes {
            switch byte {
            case 0x22, 0x5C: text += [0x5C, byte]
            case ..<0x20: text += Array(String(format: "\\u%04x", byte).utf8)
            default: text.append(byte)
            }
        }
        return text + [0x22]
    }

    /// Values of tables of at most 16 strings (which `readStringIndex` first compares, quotes included, with the
    /// 16 bytes where the value lies), with strings JSON writes as themselves and strings it escapes: each string and
    /// near miss, of every length from 0 to 17, is found exactly when it is in the table, the reading goes on after
    /// it, and a value over the limit on strings is refused as `withStringBytes` refuses it, found or not.
    @Test func valuesOfSmallTablesAreComparedWhereTheyLie() throws {
        var generator = SplitMix64(seed: 0x5EED_7AB1)
        let alphabet = Array("ab_".utf8) + [0x22, 0x5C, 0x0A] + Array("状".utf8)
        var foundAtOnce = 0  // found values JSON writes as themselves within 16 bytes, quotes included
        for _ in 0..<200 {
            let ordered = Self.randomStrings(count: 1...UTF8Table.quotedIndexLimit, length: 17, from: alphabet, using: &generator)
            guard !ordered.isEmpty else { continue }
            let table = UTF8Table(ordered.map { String(decoding: $0, as: UTF8.self) })
            let probes = Self.probes(around: ordered)
            for probe in probes where String(validating: probe, as: UTF8.self) != nil {
                let expected = ordered.firstIndex(of: probe)
                let after = Array(#", 1234567890.1234567]"#.utf8)  // 16 bytes and more follow the value
                let document = [0x5B] + Self.quotedJSON(probe) + after
                // The limit is on the string as written, escapes included.
                let written = Self.quotedJSON(probe).count - 2
                for limit in [written - 1, written, 64] where limit >= 0 {
                    var limits = JSONReaderLimits()
                    limits.maxStringLength = limit
                    func read(_ value: (inout JSONReader) throws(JSONReadError) -> Int?) -> Result<Int?, JSONReadError> {
                        do throws(JSONReadError) {
                            return .success(try document.withUnsafeBufferPointer { buffer throws(JSONReadError) -> Int? in
                                var reader = try JSONReader(unsafeBuffer: buffer, limits: limits)
                                try reader.beginArray()
                                _ = try reader.nextElement()
                                let index = try value(&reader)
                                // The reading goes on right after the value.
                                let more = try reader.nextElement()
                                try reader.skipValue()
                                let end = try !reader.nextElement()
                                #expect(more && end && reader.offset == document.count)
                                return index
                            })
                        } catch {
                            return .failure(error)
                        }
                    }
                    var missed: [UInt8]? = nil
                    let byIndex = read { reader throws(JSONReadError) in try reader.readStringIndex(in: table) { missed = Array($0) } }
                    let byBytes = read { reader throws(JSONReadError) in
                        var bytes: [UInt8] = []
                        try reader.withStringBytes { bytes = Array($0) }
                        return ordered.firstIndex(of: bytes)
                    }
                    #expect(byIndex == byBytes, "\(probe) among \(ordered), limit \(limit)")
                    if limit >= written {
                        #expect(try byIndex.get() == expected, "\(probe) among \(ordered)")
                        #expect(missed == (expected == nil ? probe : nil), "\(probe) among \(ordered)")
                        if expected != nil && probe.count <= 14 && !probe.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                            foundAtOnce += 1
                        }
                    }
                }
            }
        }
        #expect(foundAtOnce > 250, "\(foundAtOnce)")
    }

    /// `readStringIndex` refuses what `withStringBytes` refuses, with the same error: no string at all, bad
    /// escapes, lone surrogates, control characters, bad UTF-8, a string cut by the end of the input.
    @Test func stringValuesAreCheckedAsWithStringBytesChecksThem() {
        let table = UTF8Table(["a", "completed"])
        let documents: [[UInt8]] = [
            Array(#"1"#.utf8), Array(#"null"#.utf8), Array(#"["a"]"#.utf8), Array(#""\x""#.utf8),
            Array(#""\ud800""#.utf8), Array(#""\u12""#.utf8), Array(#""comp"#.utf8), Array(#"""#.utf8),
            [0x22, 0x61, 0x09, 0x22], [0x22, 0xC3, 0x28, 0x22], [0x22, 0x63, 0x6F, 0x6D, 0xFF, 0x22],
        ]
        for document in documents {
            func error(_ read: (inout JSONReader) throws(JSONReadError) -> Void) -> JSONReadError? {
                do throws(JSONReadError) {
                    try document.withUnsafeBufferPointer { buffer throws(JSONReadError) in
                        var reader = try JSONReader(unsafeBuffer: buffer)
                        try read(&reader)
                    }
                    return nil
                } catch {
                    return error
                }
            }
            let byIndex = error { reader throws(JSONReadError) in _ = try reader.readStringIndex(in: table) { _ in } }
            let byBytes = error { reader throws(JSONReadError) in try reader.withStringBytes { _ in } }
            #expect(byIndex != nil, "\(document)")
            #expect(byIndex == byBytes, "\(document)")
        }
    }

    /// A key with escapes is found by its unescaped bytes, and `currentKey` gives it unescaped; a key not
    /// in the table is -1, the end of the object nil.
    @Test func keysAreFoundAfterUnescapingAndNamedByCurrentKey() throws {
        let table = UTF8Table(["step", "状态", "error_message", ""])
        let document = #"{"st\u0065p": 1, "\u72b6\u6001": 2, "error_message" : 3, "": 4, "other\n": 5}"#
        var found: [Int] = []
        var names: [String?] = []
        try JSONReader.withReader(reading: Array(document.utf8)) { reader in
            try reader.beginObject()
            #expect(reader.currentKey == nil)
            while let index = try reader.nextKeyIndex(in: table, expected: found.count) {
                found.append(index)
                names.append(reader.currentKey)
                try reader.skipValue()
            }
            #expect(reader.currentKey == nil)
        }
        #expect(found == [0, 1, 2, 3, -1])
        #expect(names == ["step", "状态", "error_message", "", "other\n"])
    }

    /// A key longer than the limit on strings is refused by `nextKeyIndex` as by `nextKey`, even when it is the
    /// key expected; one within the limit is found.
    @Test func theExpectedKeyIsStillHeldToTheLimitOnStrings() throws {
        let table = UTF8Table(["status", "error_code"])
        let document = Array(#"{"status": 1, "error_code": 2, "p": [100000, 200000, 300000]}"#.utf8)  // 16 bytes follow
        for limit in 1...12 {
            var limits = JSONReaderLimits()
            limits.maxStringLength = limit
            func keys(_ next: (inout JSONReader) throws(JSONReadError) -> Int??) -> Result<[Int], JSONReadError> {
                do throws(JSONReadError) {
                    let found = try document.withUnsafeBufferPointer { buffer throws(JSONReadError) -> [Int] in
                        var reader = try JSONReader(unsafeBuffer: buffer, limits: limits)
                        try reader.beginObject()
                        var found: [Int] = []
                        while let index = try next(&reader) {
                            found.append(index ?? -1)
                            try reader.skipValue()
                        }
                        return found
                    }
                    return .success(found)
                } catch {
                    return .failure(error)
                }
            }
            var expected = 0
            let byIndex = keys { reader throws(JSONReadError) in
                guard let index = try reader.nextKeyIndex(in: table, expected: expected) else { return nil }
                expected = index + 1
                return index
            }
            let byKey = keys { reader throws(JSONReadError) in
                guard let key = try reader.nextKey() else { return nil }
                return .some(table.strings.firstIndex(of: key.string))
            }
            #expect(byIndex == byKey, "limit \(limit)")
            if limit >= 10 { #expect(try byIndex.get() == [0, 1, -1]) }
        }
    }

    /// `nextKeyIndex` checks what `nextKey` checks: a repeated key (after unescaping), a missing colon, a
    /// trailing comma, each with the same error.
    @Test func keysAreCheckedAsNextKeyChecksThem() {
        let table = UTF8Table(["a", "b"])
        for document in [#"{"a": 1, "\u0061": 2}"#, #"{"a" 1}"#, #"{"a": 1,}"#, #"{"c": 1, "c": 2}"#, #"{"a": 1 "b": 2}"#] {
            func error(_ next: (inout JSONReader) throws(JSONReadError) -> Bool) -> JSONReadError? {
                do throws(JSONReadError) {
                    try Array(document.utf8).withUnsafeBufferPointer { buffer throws(JSONReadError) in
                        var reader = try JSONReader(unsafeBuffer: buffer)
                        try reader.beginObject()
                        while try next(&reader) { try reader.skipValue() }
                    }
                    return nil
                } catch {
                    return error
                }
            }
            let byIndex = error { reader throws(JSONReadError) in try reader.nextKeyIndex(in: table) != nil }
            let byKey = error { reader throws(JSONReadError) in try reader.nextKey() != nil }
            #expect(byIndex != nil, "\(document)")
            #expect(byIndex == byKey, "\(document)")
        }
    }
}
