import Foundation

/// Any JSON value, kept losslessly: integers and doubles stay distinct and object keys keep their order.
///
/// Generated code uses it for `json` fields. Accessor names follow swift-protobuf's JSON API
/// (`init(jsonUTF8Data:)`, `jsonUTF8Data()`, `init(jsonString:)`, `jsonString()`).
///
/// ## Equality and hashing
///
/// Two values are equal when they mean the same JSON (RFC 8259), and equal values hash alike:
/// - objects are unordered: the same keys with equal values, in any order (see ``JSONObject``); the
///   order is still kept for writing;
/// - arrays are ordered;
/// - `.int(1)` and `.double(1.0)` differ, as `1` and `1.0` do in the text the strict reader reads;
///   `.double(0.0)` and `.double(-0.0)` are equal, and so are all NaNs (which JSON cannot express);
/// - strings and keys compare by their UTF-8 bytes, so NFC and NFD spellings differ.
///
/// ## Through Codable
///
/// `Decoder` does not report key order or a number's text, so a value read through `Codable` (for
/// example by Foundation's `JSONDecoder`) differs from the strict reader's in two documented ways: an
/// object's keys come back sorted by their UTF-8 bytes (equal all the same, since order does not count),
/// and a number written with a fraction or an exponent whose value is a whole number that fits in 64
/// bits (`1.0`, `1e2`, `2.50e1`, `0e0`) comes back as `.int`. See ``init(from:)``. Foundation's
/// `JSONDecoder` also keeps only one of two keys that are canonically equivalent (NFC and NFD `é`).
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without a fraction or exponent that fits in 64 bits.
    case int(Int64)
    /// Any other number; always finite.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in insertion order.
    case object(JSONObject)
}

extension JSONValue {
    /// JSON equality: objects in any key order, arrays in order, strings and keys by their UTF-8 bytes (so
    /// NFC and NFD forms differ, which Swift's `String ==` would equate); `.int(1)` and `.double(1)` differ.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): JSONObject.sameKey(a, b)
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a == b
        default: false
        }
    }

    /// Hashes consistently with ``==(_:_:)``: strings by their UTF-8 bytes, objects regardless of key
    /// order, every NaN alike.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .double(let d): hasher.combine(3); hasher.combine(d.isNaN ? .nan : d)
        case .string(let s):
            hasher.combine(4)
            JSONObject.hashKey(s, into: &hasher)
        case .array(let a): hasher.combine(5); hasher.combine(a)
        case .object(let o): hasher.combine(6); hasher.combine(o)
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }

    /// The boolean, if the value is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer, if the value is one (doubles are not converted).
    public var int64Value: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The number as a double, for both integers and doubles.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The string, if the value is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if the value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if the value is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member called `key`, if the value is an object that has one.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index`, if the value is an array that long.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

extension JSONValue {
    /// Parses JSON text in UTF-8 with the strict reader: RFC 8259 and I-JSON, duplicate keys refused at
    /// any depth, `1` and `1.0` kept distinct, key order kept. Throws ``JSONReadError``.
    public init(jsonUTF8Data: Data) throws {
        try self.init(strictUTF8: jsonUTF8Data)
    }

    /// Parses JSON text.
    public init(jsonString: String) throws {
        try self.init(jsonUTF8Data: Data(jsonString.utf8))
    }

    /// Compact JSON text in UTF-8, object keys in insertion order.
    ///
    /// Throws `EncodingError.invalidValue` for a non-finite double, which JSON cannot express.
    public func jsonUTF8Data() throws -> Data {
        var writer = JSONWriter()
        try writer.write(self, path: [])
        return Data(writer.bytes)
    }

    /// Compact JSON text; see ``jsonUTF8Data()``.
    public func jsonString() throws -> String {
        String(decoding: try jsonUTF8Data(), as: UTF8.self)
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A double.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object, keys in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
