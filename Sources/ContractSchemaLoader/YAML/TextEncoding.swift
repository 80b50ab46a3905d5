import ContractSchema

/// Byte-order marks and the encodings a schema file must not be in.
///
/// YAML 1.2 (section 5.2) lets a stream start with a byte-order mark and be UTF-16 or UTF-32; schemas
/// are UTF-8 only, so a leading UTF-8 mark is dropped and every other encoding is refused by name.
enum TextEncoding {
    /// The UTF-8 encoding of U+FEFF.
    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// An encoding other than UTF-8, recognised from the first bytes as YAML 1.2 does.
    struct Foreign: Equatable {
        /// `UTF-16 (little-endian)` and the like.
        var name: String
        /// The name `iconv -f` takes.
        var iconvName: String
        /// Whether the file starts with the encoding's byte-order mark.
        var hasByteOrderMark = false

        static let utf16BE = Foreign(name: "UTF-16 (big-endian)", iconvName: "UTF-16BE")
        static let utf16LE = Foreign(name: "UTF-16 (little-endian)", iconvName: "UTF-16LE")
        static let utf32BE = Foreign(name: "UTF-32 (big-endian)", iconvName: "UTF-32BE")
        static let utf32LE = Foreign(name: "UTF-32 (little-endian)", iconvName: "UTF-32LE")

        /// The same encoding, announced by its byte-order mark.
        var marked: Foreign {
            var copy = self
            copy.hasByteOrderMark = true
            return copy
        }
    }

    /// What a signature expects of one byte.
    private enum Expected {
        case byte(UInt8)
        /// Any byte but zero: the ASCII character the zero bytes of a code unit surround.
        case nonZero
    }

    /// YAML 1.2's detection table, longest signature first: a UTF-32LE mark starts with the UTF-16LE one.
    private static let signatures: [(bytes: [Expected], encoding: Foreign)] = [
        ([.byte(0x00), .byte(0x00), .byte(0xFE), .byte(0xFF)], Foreign.utf32BE.marked),
        ([.byte(0xFF), .byte(0xFE), .byte(0x00), .byte(0x00)], Foreign.utf32LE.marked),
        ([.byte(0x00), .byte(0x00), .byte(0x00), .nonZero], Foreign.utf32BE),
        ([.nonZero, .byte(0x00), .byte(0x00), .byte(0x00)], Foreign.utf32LE),
        ([.byte(0xFE), .byte(0xFF)], Foreign.utf16BE.marked),
        ([.byte(0xFF), .byte(0xFE)], Foreign.utf16LE.marked),
        ([.byte(0x00), .nonZero], Foreign.utf16BE),
        ([.nonZero, .byte(0x00)], Foreign.utf16LE),
    ]

    /// The UTF-16 or UTF-32 encoding the bytes are in, judged by a byte-order mark or by the zero bytes
    /// that ASCII text has in those encodings; nil for anything else.
    static func foreignEncoding(of bytes: [UInt8]) -> Foreign? {
        signatures.first { signature in
            signature.bytes.count <= bytes.count && zip(signature.bytes, bytes).allSatisfy { expected, byte in
                switch expected {
                case .byte(let b): byte == b
                case .nonZero: byte != 0
                }
            }
        }?.encoding
    }

    /// The message refusing a file in `encoding`.
    static func refusal(of encoding: Foreign) -> String {
        let what = encoding.hasByteOrderMark ? "starts with a \(encoding.name) byte-order mark" : "is \(encoding.name) text"
        return "the schema file \(what); schema files must be UTF-8: convert it, for example with "
            + "`iconv -f \(encoding.iconvName) -t UTF-8`"
    }

    /// The offset of the first UTF-8 byte-order mark (U+FEFF) in valid UTF-8 `bytes`, if any.
    static func firstByteOrderMark(in bytes: ArraySlice<UInt8>) -> Int? {
        // In valid UTF-8, 0xEF only ever starts a character, so a plain scan cannot match mid-character.
        var i = bytes.startIndex
        while i + 2 < bytes.endIndex {
            if bytes[i] == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return i - bytes.startIndex }
            i += 1
        }
        return nil
    }

    /// The message refusing a byte-order mark that does not start the file.
    static let misplacedByteOrderMark =
        "byte-order mark (U+FEFF) inside the file; a byte-order mark may only stand at the very start of a schema file, so remove it"
}
