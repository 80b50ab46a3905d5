import ContractRuntime
import Testing

/// The reader tests the byte after a key for the colon before skipping whitespace (compact JSON has none
/// there). Every mix of JSON whitespace around each colon and comma of an object must read as the same
/// object, through `readValue`, `skipValue` and `nextKey`; any other byte in one of those places is refused
/// at its own offset, as is an object that ends there.
@Suite struct JSONSeparatorTests {
    static let whitespace = ["", " ", "\t", "\n", "\r", " \r\n\t ", "\n\n"]
    /// Bytes that are not JSON whitespace.
    static let junk = ["x", "\u{0B}", "\u{0C}", "\u{00}", ";", "\u{A0}", "\"", "=", "}"]

    /// `{"a"…:…1…,…"bc"…:…[]}` with `gaps[i]` in the i-th of the six places around the separators.
    static func object(_ gaps: [String]) -> [UInt8] {
        Array("{\"a\"\(gaps[0]):\(gaps[1])1\(gaps[2]),\(gaps[3])\"bc\"\(gaps[4]):\(gaps[5])[]}".utf8)
    }

    /// The ways of reading an object, each returning the error or nil.
    static func readers(_ bytes: [UInt8]) -> [JSONReadError?] {
        [
            pullError(bytes) { _ = try $0.readValue() },
            pullError(bytes) { try $0.skipValue() },
            pullError(bytes) { reader in
                try reader.beginObject()
                while try reader.nextKey() != nil { try reader.skipValue() }
            },
        ]
    }

    @Test func whitespaceAroundEverySeparatorReadsAsTheCompactObject() throws {
        let expected = try JSONValue(strictUTF8: Array("{\"a\":1,\"bc\":[]}".utf8))
        for place in 0..<6 {
            for gap in Self.whitespace {
                for other in Self.whitespace {
                    var gaps = Array(repeating: other, count: 6)
                    gaps[place] = gap
                    let bytes = Self.object(gaps)
                    #expect(try JSONValue(strictUTF8: bytes) == expected, "\(gaps)")
                    #expect(Self.readers(bytes).allSatisfy { $0 == nil }, "\(gaps)")
                }
            }
        }
    }

    /// Before each colon, and after the comma (where a quote would start the next key), anything but
    /// whitespace is refused at its offset.
    @Test func anythingElseBeforeAColonOrAfterACommaIsRefusedAtItsOffset() {
        for place in [0, 3, 4] {
            for before in Self.whitespace {
                for junk in Self.junk where !(place == 3 && junk == "\"") {
                    var gaps = Array(repeating: "", count: 6)
                    gaps[place] = before + junk
                    let offset = Self.placeOffsets[place] + before.utf8.count
                    for error in Self.readers(Self.object(gaps)) {
                        #expect(error?.offset == offset, "\(gaps): \(String(describing: error))")
                    }
                }
            }
        }
    }

    /// Where each of the six places starts in the compact object `{"a":1,"bc":[]}`.
    static let placeOffsets = [4, 5, 6, 7, 11, 12]

    @Test func anObjectThatEndsAtASeparatorIsRefusedAtItsEnd() {
        for place in 0..<6 {
            for before in Self.whitespace {
                var gaps = Array(repeating: "", count: 6)
                gaps[place] = before
                let whole = Self.object(gaps)
                let cut = Array(whole.prefix(Self.placeOffsets[place] + before.utf8.count))
                for error in Self.readers(cut) {
                    #expect(error?.offset == cut.count, "\(String(decoding: cut, as: UTF8.self).debugDescription)")
                }
            }
        }
    }
}
