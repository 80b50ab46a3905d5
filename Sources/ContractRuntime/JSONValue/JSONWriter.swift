/// Writes a ``JSONValue`` as compact JSON text in UTF-8.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue, path: [any CodingKey]) throws {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .double(let d):
            guard d.isFinite else {
                throw EncodingError.invalidValue(d, EncodingError.Context(
                    codingPath: path, debugDescription: "JSON cannot express the non-finite number \(d)"))
            }
            // `description` keeps a fraction or exponent, so 1.0 stays distinct from 1.
            append(d.description)
        case .string(let s): writeString(s)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element, path: path + [AnyIndexKey(index)])
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in object.storage.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                try write(member.value, path: path + [AnyCodingKey(member.key)])
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func writeString(_ s: String) {
        JSONOutput.appendEscaped(s, to: &bytes)
    }
}

/// An array index as a coding key, for error paths.
struct AnyIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ index: Int) {
        stringValue = String(index)
        intValue = index
    }

    init?(stringValue: String) { return nil }

    init?(intValue: Int) { self.init(intValue) }
}
