import ContractRuntime
import Testing

/// The reader's fast paths (string scanning 16 and 8 bytes at a time, digits eight at a time, escaped keys, the
/// one-pass duplicate-key check, tree building on shared stacks) at the edges where they hand over to the careful
/// paths.
@Suite struct JSONReaderFastPathTests {
    /// Number-like text, well-formed or not, near and past a double's range: skipping it (which checks most
    /// numbers without reading their digits) refuses exactly what reading it refuses, with the same category.
    @Test func skippingANumberRefusesWhatReadingItRefuses() {
        var generator = SplitMix64(seed: 0x5EED_0809)
        let pieces = ["0", "1", "9", "12345678", "00", "-", "+", ".", "e", "E", "e+", "e-", "300", "308", "309", "1000",
                      "x", " ", "]", String(repeating: "9", count: 299), String(repeating: "1", count: 300)]
        var refused = 0
        for _ in 0..<50_000 {
            let text = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard let first = text.utf8.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else { continue }
            for document in [text, "[\(text)]"] {
                let bytes = Array(document.utf8)
                #expect(JSONSkipping.refusal(bytes) == Self.refusal(bytes), "\(document)")
                if Self.refusal(bytes) != nil { refused += 1 }
            }
        }
        #expect(refused > 10_000, "only \(refused) refused")
    }

    /// The category `bytes` is refused with, or nil when they read as one value.
    static func refusal(_ bytes: [UInt8]) -> JSONErrorCategory? {
        do {
            _ = try JSONValue(strictUTF8: bytes)
            return nil
        } catch {
            return error.category
        }
    }

    /// A string value `length` bytes long, read from a buffer that ends right after its closing quote.
    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17])
    func aStringEndingAtTheEndOfTheBufferIsReadWhole(length: Int) throws {
        let content = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
        let value = try JSONValue(strictUTF8: Array("\"\(content)\"".utf8))
        #expect(value == .string(content))
    }

    @Test(arguments: [0, 1, 7, 8, 9, 16])
    func aStringCutOffAtTheEndOfTheBufferIsUnterminated(length: Int) {
        let bytes = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "x"), count: length)
        #expect(Self.refusal(bytes) == .malformedJSON)
    }

    @Test(arguments: [0, 6, 7, 8])
    func anEscapeCutOffAtTheEndOfTheBufferIsRefused(prefix: Int) {
        let start = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "x"), count: prefix)
        #expect(Self.refusal(start + Array(#"\"#.utf8)) == .malformedJSON)
        #expect(Self.refusal(start + Array(#"\u00"#.utf8)) == .invalidEscape)
        #expect(Self.refusal(start + Array(#"\uD83D"#.utf8)) == .loneSurrogate)
    }

    /// Non-ASCII text starting at each offset around the eight-byte word boundaries.
    @Test(arguments: [0, 1, 6, 7, 8, 9, 15, 16])
    func nonASCIIAtAWordBoundaryIsValidatedAndKept(offset: Int) throws {
        let prefix = String(repeating: "a", count: offset)
        for tail in ["é", "€", "😀", "naïve café"] {
            let value = try JSONValue(strictUTF8: Array("[\"\(prefix)\(tail)\"]".utf8))
            #expect(value == .array([.string(prefix + tail)]))
        }
        let prefixBytes = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: offset)
        #expect(Self.refusal(prefixBytes + [0xC3, UInt8(ascii: "\"")]) == .invalidUTF8)   // truncated sequence
        #expect(Self.refusal(prefixBytes + [0xC3]) == .invalidUTF8)                       // truncated at the buffer's end
        #expect(Self.refusal(prefixBytes + [0x80, UInt8(ascii: "\"")]) == .invalidUTF8)   // lone continuation byte
        #expect(Self.refusal(prefixBytes + [0x1F, UInt8(ascii: "\"")]) == .controlCharacter)
    }

    @Test func aDuplicateIsFoundBetweenAnEscapedAndAPlainSpellingInEitherOrder() {
        #expect(Self.refusal(Array(#"{"step": 1, "st\u0065p": 2}"#.utf8)) == .duplicateKey)
        #expect(Self.refusal(Array(#"{"st\u0065p": 1, "step": 2}"#.utf8)) == .duplicateKey)
        #expect(Self.refusal(Array(#"{"st\u0065p": 1, "\u0073tep": 2}"#.utf8)) == .duplicateKey)
    }

    @Test func keysOfTheSameLengthThatDifferAreNotDuplicates() throws {
        let value = try JSONValue(strictUTF8: Array(#"{"result": 1, "status": 2, "statuz": 3, "st\u0061tus_": 4}"#.utf8))
        #expect(value == ["result": 1, "status": 2, "statuz": 3, "status_": 4])
    }

    @Test func aDuplicateIsFoundInAnObjectWithManyKeys() {
        let members = (0..<40).map { "\"key\($0)\": \($0)" }
        #expect(Self.refusal(Array("{\(members.joined(separator: ", "))}".utf8)) == nil)
        #expect(Self.refusal(Array("{\(members.joined(separator: ", ")), \"key7\": 0}".utf8)) == .duplicateKey)
        #expect(Self.refusal(Array("{\(members.joined(separator: ", ")), \"k\\u0065y39\": 0}".utf8)) == .duplicateKey)
    }

    @Test func theSameKeyInSiblingAndNestedObjectsIsNotADuplicate() throws {
        let value = try JSONValue(strictUTF8: Array(#"{"a": {"a": 1, "b": {"a": 2}}, "b": [{"a": 3}, {"a": 4}]}"#.utf8))
        #expect(value == ["a": ["a": 1, "b": ["a": 2]], "b": [["a": 3], ["a": 4]]])
    }

    @Test func nestedContainersAreBuiltWithTheirOwnMembersInOrder() throws {
        let text = #"{"x": [1, [], {}, [2, [3, {"y": [4]}]], {"z": {"w": null}}], "v": "s", "u": [true, false]}"#
        let value = try JSONValue(strictUTF8: Array(text.utf8))
        let expected: JSONValue = [
            "x": [1, [], [:], [2, [3, ["y": [4]]]], ["z": ["w": nil]]],
            "v": "s",
            "u": [true, false],
        ]
        #expect(value == expected)
        #expect(try JSONValue(strictUTF8: Array(try value.jsonString().utf8)) == expected)
    }

    @Test func anErrorDeepInATreeStillReportsItsPath() {
        do {
            _ = try JSONValue(strictUTF8: Array(#"{"a": [1, {"b": [2, "x", {"c": 1, "c": 2}]}]}"#.utf8))
            Issue.record("expected a duplicate key")
        } catch {
            #expect(error.category == .duplicateKey)
            #expect(error.path == "$.a[1].b[2].c")
        }
    }

    /// Strings are made from the bytes the reader validated, telling the `String` whether they are ASCII;
    /// a wrong answer would show in comparing, hashing and counting characters.
    @Test(arguments: [
        (#"short"#, "short"),
        (#"plain ASCII text long enough for the heap"#, "plain ASCII text long enough for the heap"),
        (#"\u0041SCII spelled with escapes, also long"#, "ASCII spelled with escapes, also long"),
        (#"na\u00efve caf\u00e9, escaped, and long enough"#, "naïve café, escaped, and long enough"),
        (#"\u00C9T\u00C9, upper-case hex digits \uD83D\uDE00"#, "ÉTÉ, upper-case hex digits 😀"),
        ("naïve café, raw UTF-8, and long enough", "naïve café, raw UTF-8, and long enough"),
        (#"emoji \ud83d\ude00 from a surrogate pair, long"#, "emoji 😀 from a surrogate pair, long"),
        ("北京", "北京"),
        (#"tab\tand\nnewline escapes, long enough"#, "tab\tand\nnewline escapes, long enough"),
    ])
    func stringsReadFromValidatedBytesBehaveLikeLiterals(text: String, expected: String) throws {
        let value = try JSONValue(strictUTF8: Array("[\"\(text)\", {\"\(text)\": 1}]".utf8))
        let string = try #require(value[0]?.stringValue)
        #expect(string == expected)
        #expect(string.count == expected.count)
        #expect(Set([string]).contains(expected))
        #expect(string.utf8.elementsEqual(expected.utf8))
        #expect(value[1]?.objectValue?.keys == [expected])
    }

    @Test func aDuplicateIsFoundAmongKeysOfTheSameLength() {
        #expect(Self.refusal(Array(#"{"min": 1, "max": 2, "std": 3, "25%": 4, "50%": 5, "min": 6}"#.utf8)) == .duplicateKey)
        #expect(Self.refusal(Array(#"{"": 1, "a": 2, "": 3}"#.utf8)) == .duplicateKey)
        #expect(Self.refusal(Array(#"{"ab": 1, "ba": 2, "aa": 3, "bb": 4}"#.utf8)) == nil)
    }

    /// Deeper than the containers and keys the reader keeps in stack memory before moving to the heap.
    @Test func aTreeDeeperAndWiderThanTheReadersStackMemoryIsReadWhole() throws {
        var text = "1"
        for level in 0..<24 {
            let siblings = (0..<3).map { "\"k\(level)_\($0)\": \($0)" }.joined(separator: ", ")
            text = "{\(siblings), \"next\": [\(text)]}"
        }
        let value = try JSONValue(strictUTF8: Array(text.utf8))
        #expect(try JSONValue(strictUTF8: Array(try value.jsonString().utf8)) == value)
        var node = value
        for level in (0..<24).reversed() {
            #expect(node["k\(level)_2"] == 2)
            node = try #require(node["next"]?[0])
        }
        #expect(node == 1)
    }

    /// Duplicate keys are still refused, and only they, once the reader's stacks have moved to the heap:
    /// in the innermost object, in the outermost one (its keys sit below all the others), and in one in
    /// between, each by `JSONValue(strictUTF8:)` and by ``JSONReader/skipValue()``.
    @Test func duplicateKeysAreFoundBeyondTheReadersStackMemory() throws {
        func nested(duplicateAt duplicateLevel: Int?) -> [UInt8] {
            var text = "1"
            for level in 0..<24 {
                var members = (0..<5).map { "\"k\(level)_\($0)\": \($0)" }
                if level == duplicateLevel { members.append("\"k\(level)_0\": 9") }
                text = "{\(members.joined(separator: ", ")), \"next\": [\(text)]}"
            }
            return Array(text.utf8)
        }
        func skipError(_ bytes: [UInt8]) -> JSONErrorCategory? {
            do {
                try JSONReader.withReader(reading: bytes) { reader in
                    try reader.skipValue()
                    try reader.expectEnd()
                }
                return nil
            } catch let error as JSONReadError {
                return error.category
            } catch {
                Issue.record("not a JSONReadError: \(error)")
                return nil
            }
        }
        #expect(Self.refusal(nested(duplicateAt: nil)) == nil)
        #expect(skipError(nested(duplicateAt: nil)) == nil)
        for level in [0, 11, 23] {
            #expect(Self.refusal(nested(duplicateAt: level)) == .duplicateKey, "level \(level)")
            #expect(skipError(nested(duplicateAt: level)) == .duplicateKey, "level \(level)")
        }
    }

    /// Decimals as the reader takes them from whole words (an integer part of up to 15 digits, then a fraction
    /// eight digits at a time up to 19 significant digits in all): every count of integer digits (none, `0`,
    /// 1 to 17) and of fraction digits (1 to 21), either sign, at every distance from the input's end. Each reads as the
    /// correctly rounded double the standard library gives, in a tree and with `readDouble()`; one with a
    /// leading zero or without integer digits is refused; and with any byte after it (a stray letter, a
    /// second point, an exponent, more digits) the reading and its verdict do not depend on how much input
    /// follows, which is what decides between the word path and the byte-by-byte one.
    @Test func decimalsReadAsTheStandardLibraryReadsThemAtAnyDistanceFromTheEnd() throws {
        var generator = SplitMix64(seed: 0x5EED_D0C1)
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        /// The value `document` reads as, or its error, alone and with `padding` spaces after it.
        func read(_ document: String, padding: Int) -> Result<JSONValue, JSONReadError> {
            let bytes = Array((document + String(repeating: " ", count: padding)).utf8)
            return Result { () throws(JSONReadError) in try JSONValue(strictUTF8: bytes) }
        }
        func readDouble(_ document: String, padding: Int) -> Result<Double, JSONReadError> {
            Array((document + String(repeating: " ", count: padding)).utf8).withUnsafeBufferPointer { buffer in
                Result { () throws(JSONReadError) -> Double in
                    var reader = try JSONReader(unsafeBuffer: buffer)
                    let value = try reader.readDouble()
                    try reader.expectEnd()
                    return value
                }
            }
        }
        var refused = 0
        for integerDigits in -1...17 {  // -1: no integer digits; 0: the integer part is `0`
            for fractionDigits in 1...21 {
                for _ in 0..<4 {
                    let integer = integerDigits < 0 ? "" : integerDigits == 0 ? "0" : digits(integerDigits)
                    let text = (Bool.random(using: &generator) ? "-" : "") + integer + "." + digits(fractionDigits)
                    let isWellFormed = !integer.isEmpty && (integer.count == 1 || !integer.hasPrefix("0"))
                    for padding in 0...18 {
                        let value = read(text, padding: padding)
                        let double = readDouble(text, padding: padding)
                        if isWellFormed {
                            let expected = try #require(Double(text))
                            #expect(try value.get() == .double(expected), "\(text) + \(padding)")
                            #expect(try double.get().bitPattern == expected.bitPattern, "\(text) + \(padding)")
                            #expect(try read("[\(text),1]", padding: padding).get() == .array([.double(expected), .int(1)]),
                                    "\(text) + \(padding)")
                        } else {
                            #expect(value.failure?.category == .malformedJSON, "\(text) + \(padding)")
                            #expect(double.failure?.category == .malformedJSON, "\(text) + \(padding)")
                            refused += 1
                        }
                    }
                    for stray in ["x", ".", ".5", "e", "E", "e5", "E-3", "e+400", "-", "+", "_", "0", "7", "\u{E9}", ":", "\""] {
                        let alone = read(text + stray, padding: 0)
                        for padding in [1, 8, 16, 17, 24] {
                            #expect(read(text + stray, padding: padding) == alone, "\(text)\(stray) + \(padding)")
                            #expect(readDouble(text + stray, padding: padding).failure == readDouble(text + stray, padding: 0).failure,
                                    "\(text)\(stray) + \(padding)")
                        }
                    }
                }
            }
        }
        #expect(refused > 1_000, "only \(refused) refused")
    }

    /// Fractions with up to 19 significant digits and up to 19 fraction digits go through the reader's
    /// long division; each must be the correctly rounded double the standard library's parser gives.
    @Test func fractionsWithManyDigitsReadAsTheCorrectlyRoundedDouble() throws {
        var generator = SplitMix64(seed: 0x5EED_2026)
        var texts = ["0.057000929535789946", "-9638649292429.398", "9007199254740993.0", "0.30000000000000004",
                     "1.0000000000000002", "9999999999999999999.0", "0.9999999999999999999", "4.9406564584124654",
                     "1844674407370955161.5", "0.0000000000000000001", "1.7976931348623157"]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            let fractionDigits = Int.random(in: 1...min(19, digits), using: &generator)
            var significand = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            significand.insert(".", at: significand.index(significand.endIndex, offsetBy: -fractionDigits))
            if significand.hasPrefix(".") { significand = "0" + significand }
            while significand.hasPrefix("0"), !significand.hasPrefix("0.") { significand.removeFirst() }
            texts.append(Bool.random(using: &generator) ? "-" + significand : significand)
        }
        for text in texts {
            let expected = try #require(Double(text))
            #expect(try JSONValue(strictUTF8: Array(text.utf8)) == .double(expected), "\(text)")
        }
    }

    /// Numbers of every length around the eight-digit blocks the reader adds at once (1 to 40 digits in the
    /// integer and the fraction, leading zeros, exponents), ending at the input's end or followed by more:
    /// integers that fit are the `Int64` the standard library reads, every other number its correctly
    /// rounded double, and a digit block cut by a non-digit at any of its eight places is read only so far.
    @Test func numbersOfEveryLengthReadAsTheStandardLibraryReadsThem() throws {
        var generator = SplitMix64(seed: 0x5EED_0808)
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        for _ in 0..<20_000 {
            var integer = digits(Int.random(in: 1...40, using: &generator))
            while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
            var text = (Bool.random(using: &generator) ? "-" : "") + (Int.random(in: 0..<8, using: &generator) == 0 ? "0" : integer)
            if Bool.random(using: &generator) {
                let zeros = String(repeating: "0", count: Int.random(in: 0...Int.random(in: 0...20, using: &generator), using: &generator))
                text += "." + zeros + digits(Int.random(in: 1...40, using: &generator))
            }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                text += ["e", "E", "e+", "e-", "E-"].randomElement(using: &generator)! + String(Int.random(in: 0...40, using: &generator))
            }
            let isInteger = !text.contains(".") && !text.contains("e") && !text.contains("E")
            let expected: JSONValue
            if isInteger, let value = Int64(text), text != "-0" {
                expected = .int(value)
            } else {
                expected = .double(try #require(Double(text)))
            }
            // Alone (the last digit is the input's last byte), inside an array, and with 16 bytes or more
            // after it (where plain integers are read from whole words); skipped too; as an `Int64`.
            let padded = "[\(text)\(String(repeating: " ", count: Int.random(in: 0...3, using: &generator))),1              ]"
            #expect(try JSONValue(strictUTF8: Array(text.utf8)) == expected, "\(text)")
            #expect(try JSONValue(strictUTF8: Array("[\(text),1]".utf8)) == .array([expected, .int(1)]), "\(text)")
            #expect(try JSONValue(strictUTF8: Array(padded.utf8)) == .array([expected, .int(1)]), "\(text)")
            #expect(JSONSkipping.refusal(Array(text.utf8)) == nil, "\(text)")
            #expect(JSONSkipping.refusal(Array("[\(text),1]".utf8)) == nil, "\(text)")
            #expect(JSONSkipping.refusal(Array(padded.utf8)) == nil, "\(text)")
            for document in [text, padded.dropFirst() + ""] {
                let integer = Array(document.utf8).withUnsafeBufferPointer { buffer in
                    Result { () throws(JSONReadError) -> Int64 in
                        var reader = try JSONReader(unsafeBuffer: buffer)
                        return try reader.readInt64()
                    }
                }
                switch integer {
                case .success(let value): #expect(isInteger && Int64(text) == value, "\(document)")
                case .failure(let error):
                    #expect(!isInteger || Int64(text) == nil, "\(document): \(error)")
                    #expect(error.category == (isInteger ? .numberOutOfRange : .typeMismatch), "\(document): \(error)")
                }
            }
        }
        // A non-digit at each place of a block of eight ends the number there, or is refused (20 bytes: plain
        // integers among them are read from whole words).
        for place in 0..<8 {
            for stray in ["x", ".", "e", " ", "-"] {
                var text = Array("12345678901234567890".utf8)
                text[4 + place] = UInt8(ascii: Character(stray).asciiValue.map { Unicode.Scalar($0) }!)
                let string = String(decoding: text, as: UTF8.self)
                let prefix = String(string.prefix(4 + place))
                let rest = String(string.dropFirst(4 + place))
                if stray == " " {
                    #expect(Self.refusal(text) == .trailingData, "\(string)")
                } else if stray == "." || stray == "e" {
                    // A fraction, or an exponent far too large for a double.
                    let value = try #require(Double(string))
                    if value.isFinite {
                        #expect(try JSONValue(strictUTF8: text) == .double(value), "\(string)")
                    } else {
                        #expect(Self.refusal(text) == .numberOutOfRange, "\(string)")
                    }
                } else {
                    #expect(Self.refusal(text) == .malformedJSON, "\(string) (\(prefix) then \(rest))")
                }
            }
        }
    }

    /// Keys with escapes (as `json.dumps` writes every Chinese key) are unescaped into one buffer that grows
    /// while earlier keys are kept by offset: many of them, in nested objects, past the linear scan's limit,
    /// read back exactly, and a key written once escaped and once plain is a duplicate at any place.
    @Test(arguments: [1, 15, 16, 17, 40])
    func manyEscapedKeysInNestedObjectsAreReadAndComparedExactly(keys: Int) throws {
        let names = (0..<keys).map { "城市\($0)列" }
        func escaped(_ name: String) -> String {
            name.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04x", $0.value) }.joined()
        }
        let inner = names.map { "\"\(escaped($0))\": \"\(escaped($0))\"" }.joined(separator: ", ")
        let text = "{\"outer\": [{\(inner)}, {\"nested\": {\(inner)}}]}"
        let expectedInner = JSONValue.object(JSONObject(names.map { (key: $0, value: JSONValue.string($0)) }))
        let expected = JSONValue.object(JSONObject([(key: "outer", value: .array([
            expectedInner, .object(JSONObject([(key: "nested", value: expectedInner)])),
        ]))]))
        #expect(try JSONValue(strictUTF8: Array(text.utf8)) == expected)
        for place in [0, keys / 2, keys - 1] {
            let repeated = inner + ", \"\(names[place])\": 0"  // the same key, now unescaped
            #expect(Self.refusal(Array("{\"nested\": {\(repeated)}}".utf8)) == .duplicateKey, "key \(place) of \(keys)")
        }
    }

    /// Escaped keys longer than the key buffer's first allocation and its doubling (one of 6,000 bytes).
    @Test(arguments: [1, 300, 1_000])
    func longEscapedKeysAreReadAndComparedExactly(characters: Int) throws {
        let name = String(repeating: "数", count: characters)
        let escaped = String(repeating: "\\u6570", count: characters)
        let value = try JSONValue(strictUTF8: Array("{\"a\": {\"\(escaped)\": 1, \"\(escaped)x\": 2}}".utf8))
        #expect(value == .object(JSONObject([(key: "a", value: .object(JSONObject([(key: name, value: .int(1)),
                                                                                 (key: name + "x", value: .int(2))])))])))
        #expect(Self.refusal(Array("{\"\(escaped)\": 1, \"\(name)\": 2}".utf8)) == .duplicateKey)
    }
}

private extension Result {
    /// The error, or nil for a success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
