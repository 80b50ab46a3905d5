extension JSONReader {
    /// Where the reader is in the document, such as `$.result.items[3]`: the key or index of the
    /// member or element being read in each open array or object.
    public var path: String {
        var path = "$"
        for index in 0..<frames.count where frames[index].count > 0 {
            let frame = frames[index]
            if frame.isObject, let key = frame.currentKey {
                JSONPathRendering.appendKey(string(of: key), to: &path)
            } else if !frame.isObject {
                path += "[\(frame.count - 1)]"
            }
        }
        return path
    }

    /// An error at the reader's current offset and path, for decoders built on the reader that find
    /// well-formed JSON they cannot accept (usually ``JSONErrorCategory/typeMismatch``).
    public func error(_ category: JSONErrorCategory, _ message: String) -> JSONReadError {
        makeError(category, message, at: position)
    }

    /// An error at `offset`, with its line, column and the current path.
    @inline(never)
    func makeError(_ category: JSONErrorCategory, _ message: String, at offset: Int) -> JSONReadError {
        let end = max(0, min(offset, input.count))
        var line = 1
        var lineStart = 0
        for index in 0..<end where input[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return JSONReadError(category: category, message: message, offset: offset, line: line,
                             column: offset - lineStart + 1, path: path)
    }

    /// The error for a byte (or the end of input) at `position` where `expected` should be.
    @inline(never)
    @usableFromInline
    func unexpected(expected: String) -> JSONReadError {
        guard position < input.count else {
            return makeError(.malformedJSON, "unexpected end of input; expected \(expected)", at: position)
        }
        let byte = input[position]
        if byte >= 0x80 {
            do { _ = try utf8SequenceEnd(at: position) } catch { return error }
        }
        let message: String
        switch byte {
        case UInt8(ascii: "/"):
            message = "comments are not allowed in JSON"
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            message = "NaN and Infinity are not JSON numbers; expected \(expected)"
        case UInt8(ascii: "'"):
            message = "strings must be in double quotes; expected \(expected)"
        default:
            message = "unexpected \(describeByte(at: position)); expected \(expected)"
        }
        return makeError(.malformedJSON, message, at: position)
    }

    /// The error for a well-formed value of the wrong kind, or for malformed text, where `expected` should be.
    ///
    /// A scalar that only starts like a value (`nope`, `trux`, `42abc`, an unclosed string) is reported
    /// as what is wrong with it, not as a value of the wrong kind. The reader stays where it was.
    @inline(never)
    mutating func mismatch(expected: String) -> JSONReadError {
        guard position < input.count, let kind = Self.kind(startingWith: input[position]) else {
            return unexpected(expected: expected)
        }
        if kind != .array && kind != .object {
            let start = position
            defer { position = start }
            do { _ = try readScalar() } catch { return error }
        }
        let found = switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
        return makeError(.typeMismatch, "expected \(expected), found \(found)", at: position)
    }

    /// The error for a literal at `position` that is not exactly the one whose bytes, most significant
    /// first, are `word`: at its first wrong byte, the end of input, or the byte that continues it.
    @inline(never)
    func invalidLiteral(_ word: UInt64, length: Int) -> JSONReadError {
        var expected: [UInt8] = []
        for index in 0..<length { expected.append(UInt8(truncatingIfNeeded: word &>> UInt64(8 * (length - 1 - index)))) }
        let literal = String(decoding: expected, as: UTF8.self)
        for index in 0..<length {
            let offset = position + index
            guard offset < input.count else {
                return makeError(.malformedJSON, "unexpected end of input; expected the literal \(literal)", at: offset)
            }
            if input[offset] != expected[index] {
                return makeError(.malformedJSON, "unexpected \(describeByte(at: offset)); expected the literal \(literal)",
                                 at: offset)
            }
        }
        return unendedToken("the literal \(literal)", at: position + length)
    }

    /// The error for a byte at `offset` that continues a number or literal (`42abc`, `nullx`), which
    /// `description` names.
    @inline(never)
    func unendedToken(_ description: String, at offset: Int) -> JSONReadError {
        makeError(.malformedJSON, "unexpected \(describeByte(at: offset)) after \(description)", at: offset)
    }

    /// `'x'`, `control character U+0001`, `character U+00E9` or `byte 0xFF`, for messages.
    func describeByte(at offset: Int) -> String {
        let byte = input[offset]
        switch byte {
        case 0x00..<0x20, 0x7F:
            return "control character U+\(hex(UInt32(byte), width: 4))"
        case 0x20..<0x80:
            return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            guard let end = try? utf8SequenceEnd(at: offset) else { return "byte 0x\(hex(UInt32(byte), width: 2))" }
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: input[offset..<end]), as: UTF8.self).unicodeScalars.first!
            if scalar.value == 0xFEFF { return "byte-order mark U+FEFF" }
            return "character U+\(hex(scalar.value, width: 4))"
        }
    }
}

/// Formats a number in upper-case hexadecimal, zero-padded to `width` digits.
func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// How keys appear in error paths: `.name` for identifiers, `["a b"]` for anything else.
enum JSONPathRendering {
    static func appendKey(_ key: String, to path: inout String) {
        if isIdentifier(key) {
            path += "." + key
        } else {
            path += "[" + quoted(key) + "]"
        }
    }

    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }

    /// `key` as a JSON string literal, so quotes, backslashes and control characters stay readable.
    static func quoted(_ key: String) -> String {
        var text = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case "\u{0}"..<"\u{20}": text += "\\u" + hex(scalar.value, width: 4).lowercased()
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
