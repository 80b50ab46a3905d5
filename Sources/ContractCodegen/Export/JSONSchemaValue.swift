/// A JSON value with ordered object keys, for writing JSON Schema documents in a readable order.
///
/// ContractCodegen does not link ContractRuntime (whose `JSONValue` reads and writes records), so
/// exported schemas have this small writer of their own.
public indirect enum JSONSchemaValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONSchemaValue])
    /// Members in the order they are written.
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONSchemaValue

        /// Creates a member.
        public init(_ key: String, _ value: JSONSchemaValue) {
            self.key = key
            self.value = value
        }
    }

    /// An object from key-value pairs, in order.
    public static func object(_ pairs: KeyValuePairs<String, JSONSchemaValue>) -> JSONSchemaValue {
        .object(pairs.map { Member($0.key, $0.value) })
    }

    /// The value of `key` when this is an object.
    public subscript(key: String) -> JSONSchemaValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Pretty-printed JSON with two-space indentation; arrays of scalars stay on one line.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        // Short objects and arrays stay on one line: `{"const": true}`, `["string", "null"]`.
        if !isScalar {
            let compact = compactText
            if compact.count + 2 * indent <= 100 {
                out += compact
                return
            }
        }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += "\(d)"  // Swift writes finite doubles as valid JSON numbers (1.0, 1e-05)
        case .string(let s): out += Self.quoted(s)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
            } else if items.allSatisfy(\.isScalar) {
                var parts: [String] = []
                for item in items {
                    var part = ""
                    item.write(into: &part, indent: 0)
                    parts.append(part)
                }
                out += "[" + parts.joined(separator: ", ") + "]"
            } else {
                let pad = String(repeating: "  ", count: indent + 1)
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += pad
                    item.write(into: &out, indent: indent + 1)
                    out += i == items.count - 1 ? "\n" : ",\n"
                }
                out += String(repeating: "  ", count: indent) + "]"
            }
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            let pad = String(repeating: "  ", count: indent + 1)
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += pad + Self.quoted(member.key) + ": "
                member.value.write(into: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// The value on one line, with a space after each `:` and `,`.
    private var compactText: String {
        switch self {
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { Self.quoted($0.key) + ": " + $0.value.compactText }.joined(separator: ", ") + "}"
        default: {
            var out = ""
            write(into: &out, indent: 0)
            return out
        }()
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// `text` as a JSON string literal; non-ASCII characters are written as they are.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
