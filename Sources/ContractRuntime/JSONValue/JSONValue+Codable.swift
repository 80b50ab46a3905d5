import Foundation

extension JSONValue: Codable {
    /// Reads any JSON value through `Codable`, as close to the strict reader as a `Decoder` allows.
    ///
    /// A `Decoder` reports neither the order of an object's keys nor the text of a number, so:
    /// - object keys come back sorted by their UTF-8 bytes (the value is still equal to the strict
    ///   reader's, since objects are unordered for equality);
    /// - a number is `.int` when it reads as an `Int64` and nothing shows a fraction or an exponent,
    ///   `.double` otherwise. With Foundation's `JSONDecoder` that tells `1.5`, `0.0`, `-0`, `0e5`,
    ///   `1e-400` and `1.0000000000000001` from integers exactly as the strict reader does, but not a
    ///   whole number written with a fraction or an exponent (`1.0`, `1e2`, `2.50e1`, `0e0`), which
    ///   Foundation gives the same `Int64`, `Double` and `Decimal` as the integer: those read as `.int`.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var members: [(key: String, value: JSONValue)] = []
            let keys = container.allKeys.sorted { $0.stringValue.utf8.lexicographicallyPrecedes($1.stringValue.utf8) }
            members.reserveCapacity(keys.count)
            for key in keys {
                members.append((key.stringValue, try container.decode(JSONValue.self, forKey: key)))
            }
            self = .object(JSONObject(members))
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = container.count { elements.reserveCapacity(count) }
            while !container.isAtEnd {
                elements.append(try container.decode(JSONValue.self))
            }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = try Self.number(from: container)
        }
    }

    /// A number read through a single-value container, `.int` only when it shows no sign of a fraction
    /// or an exponent (see ``init(from:)``).
    private static func number(from container: any SingleValueDecodingContainer) throws -> JSONValue {
        guard let integer = try? container.decode(Int64.self) else {
            return .double(try container.decode(Double.self))
        }
        // Foundation also reads `1.5e1` or `1e-400` as an Int64; these checks catch every such text whose
        // value the other readings give away. Each holds for an integer's text: its double is the integer
        // rounded (negative only below zero), and its Decimal, which drops the trailing zeros of a
        // fraction, has no negative exponent and is zero only with exponent 0.
        guard let double = try? container.decode(Double.self) else {
            return .double(Double(integer))  // underflow to zero (`1e-400`), or Foundation refusing `0e5`
        }
        guard double == Double(integer), integer != 0 || double.sign == .plus else { return .double(double) }
        // Decoders other than JSONDecoder read a Decimal as a keyed structure; then there is no evidence.
        if let decimal = try? container.decode(Decimal.self),
           decimal.exponent < 0 || (decimal.isZero && decimal.exponent != 0) {
            return .double(double)
        }
        return .int(integer)
    }

    /// Writes the value; objects keep their key order with encoders that keep insertion order
    /// (``JSONValueEncoder`` does, Foundation's `JSONEncoder` does not).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(element)
            }
        case .object(let object):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in object {
                try container.encode(value, forKey: AnyCodingKey(key))
            }
        }
    }
}
