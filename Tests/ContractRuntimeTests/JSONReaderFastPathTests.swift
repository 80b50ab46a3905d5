import ContractRuntime
import Testing

/// The reader's fast paths (eight-byte string scanning, the one-pass duplicate-key check, tree building
/// on shared stacks) at the edges where they hand over to the careful paths.
@Suite struct JSONReaderFastPathTests {
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
}
