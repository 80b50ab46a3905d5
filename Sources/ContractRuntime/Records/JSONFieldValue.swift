import Foundation

/// A type a field of a generated model can hold, read and written by the strict fast codec.
///
/// The runtime conforms the types of the schema language (`String`, `Bool`, `Int64`, `Double`, `Date`
/// for timestamps, `JSONValue`, and arrays, string-keyed dictionaries and optionals of conforming
/// types); generated enums conform through ``JSONWireValue`` or ``JSONOpenWireValue`` and models
/// through ``ContractModel``. So a generated decoder reads any field, however its type nests, with one
/// call, and a generated encoder writes it with one call.
public protocol JSONFieldValue {
    /// How messages name a value of this type: "a string", "an integer", "a TaskStatus value (a string)".
    static var jsonDescription: String { get }
    /// Whether JSON `null` is a value of this type (`Optional`, `JSONValue`); otherwise a field of this
    /// type refuses `null` as `wrong_type`.
    static var acceptsJSONNull: Bool { get }
    /// Reads a value; `null` reaches this only when ``acceptsJSONNull`` is true.
    static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Self
    /// Writes the value.
    func writeJSON(to output: inout JSONOutput)
}

extension JSONFieldValue {
    /// Most types refuse `null`.
    @inlinable
    public static var acceptsJSONNull: Bool { false }
}

extension JSONOutput {
    /// Writes the member `"key":value`, whatever the value's type.
    @inlinable @inline(__always)
    public mutating func field<Value: JSONFieldValue>(_ key: StaticString, _ value: Value) {
        self.key(key)
        value.writeJSON(to: &self)
    }
}

/// Reads the next value as `Value`, refusing a `null` that is not a value of it with `wrong_type`
/// naming `field` (nil for an element of a list or map).
@inlinable @inline(__always)
func readJSONField<Value: JSONFieldValue>(_ type: Value.Type, _ reader: inout JSONReader, options: JSONDecodingOptions,
                                          field: @autoclosure () -> String?) throws -> Value {
    if !Value.acceptsJSONNull, try reader.readNullIfPresent() {
        throw JSONFields.nullNotAllowed(Value.jsonDescription, field: field(), reader)
    }
    return try Value.readJSON(&reader, options: options)
}

extension String: JSONFieldValue {
    public static var jsonDescription: String { "a string" }

    @inlinable @inline(__always)
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> String {
        try JSONFields.string(&reader)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.string(self) }
}

extension Bool: JSONFieldValue {
    public static var jsonDescription: String { "true or false" }

    @inlinable @inline(__always)
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Bool {
        try JSONFields.bool(&reader)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.bool(self) }
}

extension Int64: JSONFieldValue {
    public static var jsonDescription: String { "an integer" }

    @inlinable @inline(__always)
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Int64 {
        try JSONFields.int(&reader)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.int(self) }
}

extension Double: JSONFieldValue {
    public static var jsonDescription: String { "a number" }

    @inlinable @inline(__always)
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Double {
        try JSONFields.double(&reader)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.double(self) }
}

/// A `timestamp` field: an RFC 3339 string on the wire.
extension Date: JSONFieldValue {
    public static var jsonDescription: String { "an RFC 3339 timestamp string" }

    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Date {
        try JSONFields.timestamp(&reader)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.string(RFC3339Timestamp.format(self) ?? "") }
}

/// A `json` field: any value, `null` included.
extension JSONValue: JSONFieldValue {
    public static var jsonDescription: String { "a JSON value" }

    @inlinable
    public static var acceptsJSONNull: Bool { true }

    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> JSONValue {
        try JSONFields.json(&reader)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.value(self) }
}

/// A nullable field: `null` is `nil`.
extension Optional: JSONFieldValue where Wrapped: JSONFieldValue {
    public static var jsonDescription: String { Wrapped.jsonDescription + " or null" }

    @inlinable
    public static var acceptsJSONNull: Bool { true }

    @inlinable @inline(__always)
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Wrapped? {
        if try reader.readNullIfPresent() { return nil }
        return try Wrapped.readJSON(&reader, options: options)
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) {
        if let value = self { value.writeJSON(to: &output) } else { output.null() }
    }
}

/// A `list<T>` field.
extension Array: JSONFieldValue where Element: JSONFieldValue {
    public static var jsonDescription: String { "an array" }

    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> [Element] {
        try JSONFields.expect(.array, "an array", &reader)
        try reader.beginArray()
        var elements: [Element] = []
        while try reader.nextElement() {
            elements.append(try readJSONField(Element.self, &reader, options: options, field: nil))
        }
        return elements
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) {
        output.beginArray()
        for element in self { element.writeJSON(to: &output) }
        output.endArray()
    }
}

/// A `map<T>` field: an object with string keys, written with its keys sorted so output is stable.
extension Dictionary: JSONFieldValue where Key == String, Value: JSONFieldValue {
    public static var jsonDescription: String { "an object" }

    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> [String: Value] {
        try JSONFields.expect(.object, "an object", &reader)
        try reader.beginObject()
        var members: [String: Value] = [:]
        while let key = try reader.nextKey() {
            members[key.string] = try readJSONField(Value.self, &reader, options: options, field: nil)
        }
        return members
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            output.key(key)
            value.writeJSON(to: &output)
        }
        output.endObject()
    }
}

/// A closed enum, lifecycle or error catalog on the wire: one of its wire values, matched byte by byte.
public protocol JSONWireValue: JSONFieldValue, RawRepresentable where RawValue == String {
    /// The type's name in messages.
    static var jsonTypeName: String { get }
    /// Old wire values read as current ones when ``JSONDecodingOptions/acceptsLegacyValues`` is set:
    /// a lifecycle's ``ContractLifecycle/legacyValues``, empty for any other type.
    static var jsonLegacyValues: [String: Self] { get }
    /// The value whose wire value is exactly `wire`, found without making a `String`; nil otherwise.
    static func wireValue(matching wire: UnsafeBufferPointer<UInt8>) -> Self?
}

extension JSONWireValue {
    @inlinable
    public static var jsonLegacyValues: [String: Self] { [:] }

    public static var jsonDescription: String { ValueWording.wireValue(of: jsonTypeName) }

    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Self {
        try JSONFields.wireValue(&reader, Self.self, typeName: jsonTypeName, legacyValues: jsonLegacyValues,
                                 acceptsLegacyValues: options.acceptsLegacyValues, matching: wireValue(matching:))
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.string(rawValue) }
}

extension JSONWireValue where Self: ContractLifecycle {
    /// A lifecycle's legacy table.
    @inlinable
    public static var jsonLegacyValues: [String: Self] { legacyValues }
}

/// An open enum on the wire: any string, a known value or one kept as unknown.
public protocol JSONOpenWireValue: JSONFieldValue, RawRepresentable where RawValue == String {
    /// Never fails: an unknown wire value is kept.
    init(rawValue: String)
}

extension JSONOpenWireValue {
    public static var jsonDescription: String { "a string" }

    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Self {
        Self(rawValue: try JSONFields.string(&reader))
    }

    @inlinable
    public func writeJSON(to output: inout JSONOutput) { output.string(rawValue) }
}
