import Foundation

/// Options for the strict fast decoders (`init(jsonUTF8Data:options:)`).
public struct JSONDecodingOptions: Sendable {
    /// Accept the v1.0 values of lifecycles' `legacy` tables (read as the states they now mean).
    public var acceptsLegacyValues: Bool
    /// Limits on the JSON read.
    public var limits: JSONReaderLimits

    /// Creates options.
    public init(acceptsLegacyValues: Bool = false, limits: JSONReaderLimits = .init()) {
        self.acceptsLegacyValues = acceptsLegacyValues
        self.limits = limits
    }
}

/// What generated fast decoders call: one function per kind of value, each checking the JSON kind and
/// throwing a ``RecordError`` with the same category `contractgen validate` reports.
public enum JSONFields {
    /// Throws `wrong_type` unless the next value is of `kind`; `expected` names the wanted type.
    ///
    /// Only a well-formed value is of the wrong type: one that merely starts like a value of another
    /// kind (`nope`, `trux`, `42abc`, `[1,}`) throws what is wrong with its JSON instead.
    // `expected` is an autoclosure so the description is only built for the error.
    @inlinable @inline(__always)
    public static func expect(_ kind: JSONValueKind, _ expected: @autoclosure () -> String, _ reader: inout JSONReader) throws {
        let next = try reader.peekKind()
        if next != kind { throw try wrongType(expected(), found: next, &reader) }
    }

    /// The `wrong_type` error for a value of kind `found` where `expected` was wanted, once the value
    /// has been read through as well-formed JSON (else the JSON error is thrown).
    @usableFromInline @inline(never)
    static func wrongType(_ expected: String, found: JSONValueKind, _ reader: inout JSONReader) throws -> RecordError {
        let path = reader.path, offset = reader.offset
        try reader.skipValue()
        return RecordError(category: RecordError.wrongType, message: "expected \(expected), found \(describe(found))",
                           path: path, offset: offset)
    }

    /// How messages name a JSON kind.
    public static func describe(_ kind: JSONValueKind) -> String {
        switch kind {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The `wrong_type` error for a `null` in a field that is not nullable, or (`field` nil) for a `null`
    /// element of a list or map of values that are not; the reader is past the null.
    @usableFromInline @inline(never)
    static func nullNotAllowed(_ expected: String, field: String?, _ reader: borrowing JSONReader) -> RecordError {
        guard let field else {
            return RecordError(category: RecordError.wrongType, message: "expected \(expected), found null",
                               path: reader.path, offset: reader.offset - 4)
        }
        return RecordError(category: RecordError.wrongType, message: "expected \(expected), found null (`\(field)` is not nullable)",
                           path: reader.path, offset: reader.offset)
    }

    /// Reads a string.
    @inlinable @inline(__always)
    public static func string(_ reader: inout JSONReader) throws -> String {
        try expect(.string, String.jsonDescription, &reader)
        return try reader.readString()
    }

    /// Reads `true` or `false`.
    @inlinable @inline(__always)
    public static func bool(_ reader: inout JSONReader) throws -> Bool {
        try expect(.bool, Bool.jsonDescription, &reader)
        return try reader.readBool()
    }

    /// Reads an integer (no fraction or exponent) that fits 64 bits.
    @inlinable @inline(__always)
    public static func int(_ reader: inout JSONReader) throws -> Int64 {
        try expect(.number, Int64.jsonDescription, &reader)
        return try reader.readInt64()
    }

    /// Reads any number as a finite double.
    @inlinable @inline(__always)
    public static func double(_ reader: inout JSONReader) throws -> Double {
        try expect(.number, Double.jsonDescription, &reader)
        return try reader.readDouble()
    }

    /// Reads an RFC 3339 timestamp string.
    public static func timestamp(_ reader: inout JSONReader) throws -> Date {
        try expect(.string, Date.jsonDescription, &reader)
        let start = reader.offset
        let text = try reader.readString()
        guard let date = RFC3339Timestamp.parse(text) else {
            throw RecordError(category: RecordError.invalidTimestamp,
                              message: RFC3339Timestamp.notATimestamp(text),
                              path: reader.path, offset: start)
        }
        return date
    }

    /// Reads any JSON value, `null` included, as a tree.
    public static func json(_ reader: inout JSONReader) throws -> JSONValue {
        try reader.readValue()
    }

    /// Reads a value of a closed enum, lifecycle or error catalog by its wire value.
    ///
    /// `legacyValues` is only evaluated for a value that is not current, so a table built on each
    /// call costs nothing on valid records. Inlinable so each enum's call is specialized.
    @inlinable
    public static func wireValue<Value: RawRepresentable>(
        _ reader: inout JSONReader, _ type: Value.Type, typeName: String,
        legacyValues: @autoclosure () -> [String: Value] = [:], acceptsLegacyValues: Bool = false
    ) throws -> Value where Value.RawValue == String {
        try expect(.string, ValueWording.wireValue(of: typeName), &reader)
        let start = reader.offset
        let text = try reader.readString()
        if let value = Value(rawValue: text) { return value }
        let current = legacyValues()[text]
        if let current, acceptsLegacyValues { return current }
        throw unknownWireValue(text, typeName: typeName, legacyFor: current?.rawValue, reader, at: start)
    }

    /// ``wireValue(_:_:typeName:legacyValues:acceptsLegacyValues:)`` that first matches the string's
    /// bytes with `match` (generated: one comparison per value), so no `String` is made for a current
    /// value; anything else goes through `init(rawValue:)` (which also equates canonically equivalent
    /// spellings) and the legacy table, as before.
    @inlinable
    public static func wireValue<Value: RawRepresentable>(
        _ reader: inout JSONReader, _ type: Value.Type, typeName: String,
        legacyValues: @autoclosure () -> [String: Value] = [:], acceptsLegacyValues: Bool = false,
        matching match: (UnsafeBufferPointer<UInt8>) -> Value?
    ) throws -> Value where Value.RawValue == String {
        try expect(.string, ValueWording.wireValue(of: typeName), &reader)
        let start = reader.offset
        var matched: Value? = nil
        var text = ""
        try reader.withStringBytes { bytes in
            matched = match(bytes)
            if matched == nil { text = String(decoding: bytes, as: UTF8.self) }
        }
        if let matched { return matched }
        if let value = Value(rawValue: text) { return value }
        let current = legacyValues()[text]
        if let current, acceptsLegacyValues { return current }
        throw unknownWireValue(text, typeName: typeName, legacyFor: current?.rawValue, reader, at: start)
    }

    /// Whether `wire` is exactly the UTF-8 bytes of `literal`, for generated wire-value matchers.
    @inlinable @inline(__always)
    public static func wire(_ wire: UnsafeBufferPointer<UInt8>, is literal: StaticString) -> Bool {
        literal.withUTF8Buffer { JSONKeyBytes.equal(wire, $0) }
    }

    /// The `unknown_enum_value` error for `text`, naming the current value when it is a legacy one.
    @usableFromInline @inline(never)
    static func unknownWireValue(_ text: String, typeName: String, legacyFor current: String?,
                                 _ reader: borrowing JSONReader, at start: Int) -> RecordError {
        if let current {
            return RecordError(category: RecordError.unknownEnumValue,
                               message: "\(quoted(text)) is not a value of \(typeName); it is a legacy value for \(quoted(current)), accepted when legacy values are asked for",
                               path: reader.path, offset: start)
        }
        return RecordError(category: RecordError.unknownEnumValue, message: "\(quoted(text)) is not a value of \(typeName)",
                           path: reader.path, offset: start)
    }

    /// Reads an array whose elements `element` reads; `null` elements are refused unless `allowsNull`.
    public static func list<Element>(
        _ reader: inout JSONReader, elementDescription: String, allowsNull: Bool = false,
        _ element: (inout JSONReader) throws -> Element
    ) throws -> [Element] {
        try expect(.array, "an array", &reader)
        try reader.beginArray()
        var elements: [Element] = []
        while try reader.nextElement() {
            if !allowsNull { try refuseNull(elementDescription, &reader) }
            elements.append(try element(&reader))
        }
        return elements
    }

    /// Reads an object with string keys whose values `element` reads.
    public static func map<Element>(
        _ reader: inout JSONReader, elementDescription: String, allowsNull: Bool = false,
        _ element: (inout JSONReader) throws -> Element
    ) throws -> [String: Element] {
        try expect(.object, "an object", &reader)
        try reader.beginObject()
        var members: [String: Element] = [:]
        while let key = try reader.nextKey() {
            if !allowsNull { try refuseNull(elementDescription, &reader) }
            members[key.string] = try element(&reader)
        }
        return members
    }

    /// Throws `wrong_type` when the next value is a (well-formed) `null`, where an element of
    /// `elementDescription` is wanted; otherwise consumes nothing.
    static func refuseNull(_ elementDescription: String, _ reader: inout JSONReader) throws {
        if try reader.readNullIfPresent() {
            throw RecordError(category: RecordError.wrongType, message: "expected \(elementDescription), found null",
                              path: reader.path, offset: reader.offset - 4)
        }
    }

    /// Checks that a model's object starts here and opens it; returns the object's path for later errors.
    ///
    /// With `callerChecksDuplicateKeys`, the caller finds repeated keys itself and throws
    /// ``JSONReader/duplicateKeyError()`` (see ``JSONReader/beginObject(callerChecksDuplicateKeys:)``).
    /// Once the object is closed, ``JSONReader/path`` is that path again, so a caller that needs it
    /// only for errors can call ``openModel(_:name:callerChecksDuplicateKeys:)`` instead.
    public static func beginModel(_ reader: inout JSONReader, name: String,
                                  callerChecksDuplicateKeys: Bool = false) throws -> String {
        let next = try reader.peekKind()
        guard next == .object else { throw try notAnObject(name, found: next, &reader) }
        let path = reader.path
        try reader.beginObject(callerChecksDuplicateKeys: callerChecksDuplicateKeys)
        return path
    }

    /// ``beginModel(_:name:callerChecksDuplicateKeys:)`` without building the object's path, which costs
    /// time in proportion to the depth at every nested model.
    public static func openModel(_ reader: inout JSONReader, name: String, callerChecksDuplicateKeys: Bool = false) throws {
        let next = try reader.peekKind()
        guard next == .object else { throw try notAnObject(name, found: next, &reader) }
        try reader.beginObject(callerChecksDuplicateKeys: callerChecksDuplicateKeys)
    }

    /// The `not_an_object` error for a value of kind `found` where a `name` object was wanted.
    ///
    /// Only a complete JSON value is "not an object": the value must be well-formed, and a record (at
    /// the top level) must be nothing but that value, or the JSON error is thrown instead.
    @inline(never)
    static func notAnObject(_ name: String, found: JSONValueKind, _ reader: inout JSONReader) throws -> RecordError {
        let path = reader.path, offset = reader.offset
        try reader.skipValue()
        if reader.depth == 0 { try reader.expectEnd() }
        return RecordError(category: RecordError.notAnObject, message: "expected \(ValueWording.object(of: name)), found \(describe(found))",
                           path: path, offset: offset)
    }

    /// The `unknown_field` error for a key the model does not define.
    public static func unknownKey(_ key: JSONKey, model: String, _ reader: borrowing JSONReader) -> RecordError {
        unknownKey(named: key.string, model: model, reader)
    }

    /// The `unknown_field` error for a key, unescaped, that the model does not define.
    public static func unknownKey(named key: String, model: String, _ reader: borrowing JSONReader) -> RecordError {
        RecordError(category: RecordError.unknownField, message: "unknown key \(quoted(key)) in \(model)",
                    path: reader.path, offset: reader.offset)
    }

    /// The `missing_field` error for a required key that is absent.
    public static func missingKey(_ name: String, model: String, path: String) -> RecordError {
        RecordError(category: RecordError.missingField, message: "missing key \(quoted(name)) of \(model)", path: path)
    }

    /// Throws `rule:<id>` for the first rule `value` breaks.
    // Inlined into generated decoders, which then call their own violations() directly rather than
    // through an unspecialized generic function.
    @inlinable @inline(__always)
    public static func checkRules<Model: ContractModel>(_ value: Model, path: String) throws {
        if let broken = value.violations().first { throw ruleError(broken, path: path) }
    }

    /// The `rule:<id>` error for `broken`.
    @usableFromInline
    static func ruleError(_ broken: RuleViolation, path: String) -> RecordError {
        RecordError(category: RecordError.rule(broken.ruleID), message: broken.message, path: path)
    }

    /// Runs `body` on a reader over `bytes`, checks nothing follows the value, and reports every failure
    /// as a ``RecordError``.
    @inlinable
    public static func decode<Value>(
        _ bytes: some Collection<UInt8>, limits: JSONReaderLimits, _ body: (inout JSONReader) throws -> Value
    ) throws(RecordError) -> Value {
        do {
            return try JSONReader.withReader(reading: bytes, limits: limits) { reader in try whole(&reader, body) }
        } catch {
            throw recordError(error)
        }
    }

    /// As `decode(_:limits:_:)` for any collection, for bytes in contiguous memory (`Data`, `[UInt8]`, an
    /// `UnsafeRawBufferPointer` into a larger buffer), read in place through `withUnsafeBytes` (the
    /// generic path goes through `withContiguousStorageIfAvailable`, which `Data` does not inline).
    @inlinable
    public static func decode<Value>(
        contiguousBytes bytes: some ContiguousBytes, limits: JSONReaderLimits, _ body: (inout JSONReader) throws -> Value
    ) throws(RecordError) -> Value {
        do {
            return try bytes.withUnsafeBytes { bytes in
                try JSONReader.withReader(unsafeBuffer: bytes.assumingMemoryBound(to: UInt8.self), limits: limits) { reader in
                    try whole(&reader, body)
                }
            }
        } catch {
            throw recordError(error)
        }
    }

    /// `body` on `reader`, then the check that nothing follows the value it read.
    @inlinable
    static func whole<Value>(_ reader: inout JSONReader, _ body: (inout JSONReader) throws -> Value) throws -> Value {
        let value = try body(&reader)
        try reader.expectEnd()
        return value
    }

    /// ``decode(contiguousBytes:limits:_:)`` for `Data` (which would otherwise match both generic forms).
    @inlinable
    public static func decode<Value>(
        _ data: Data, limits: JSONReaderLimits, _ body: (inout JSONReader) throws -> Value
    ) throws(RecordError) -> Value {
        try decode(contiguousBytes: data, limits: limits, body)
    }

    /// What a decoder's body threw, as a ``RecordError``: record errors as they are, reader errors
    /// with their category and position, anything else as malformed JSON.
    @usableFromInline
    static func recordError(_ error: any Error) -> RecordError {
        switch error {
        case let error as RecordError: error
        case let error as JSONReadError: RecordError(error)
        default: RecordError(category: "malformed_json", message: "\(error)", path: "$")
        }
    }

    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONOutput.appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
