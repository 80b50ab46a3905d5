/// A generated model's fields as its fast codec knows them: wire names in schema order and which must
/// be present. Generated code holds one in a `static let`, for the life of the program.
public final class JSONModelFields: Sendable {
    /// Wire names, in schema order; a field's index is its position here.
    public let names: [StaticString]
    /// The fields that must be present (nullable ones as an explicit `null`).
    @usableFromInline let required: JSONFieldSet
    /// Whether keys that are not fields are skipped (`additional_keys: allow`) rather than refused.
    public let allowsUnknownKeys: Bool
    /// `names`, found by their UTF-8 bytes (``JSONReader/nextKeyIndex(in:expected:)``).
    @usableFromInline let table: UTF8Table

    /// Fields named `names`, all required except those at `optional` (fields with `required: false`).
    public init(_ names: [StaticString], optional: [Int] = [], allowsUnknownKeys: Bool = false) {
        self.names = names
        self.allowsUnknownKeys = allowsUnknownKeys
        var required = JSONFieldSet(count: names.count)
        for index in names.indices where !optional.contains(index) { _ = required.insert(index) }
        self.required = required
        table = UTF8Table(names.map { "\($0)" })
    }
}

/// A set of field indices: one word for models of up to 64 fields, more only for larger ones.
@usableFromInline
struct JSONFieldSet: Sendable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: [UInt64]?

    @usableFromInline
    init(count: Int) {
        high = count > 64 ? Array(repeating: 0, count: (count - 1) / 64) : nil
    }

    /// Inserts `index`; false when it was there already.
    @inlinable @inline(__always)
    mutating func insert(_ index: Int) -> Bool {
        if index < 64 {
            let bit = UInt64(1) << UInt64(index)
            defer { low |= bit }
            return low & bit == 0
        }
        let word = index / 64 - 1, bit = UInt64(1) << UInt64(index % 64)
        defer { high![word] |= bit }
        return high![word] & bit == 0
    }

    /// Whether `index` is in the set.
    @usableFromInline
    func contains(_ index: Int) -> Bool {
        index < 64 ? low & (UInt64(1) << UInt64(index)) != 0 : high![index / 64 - 1] & (UInt64(1) << UInt64(index % 64)) != 0
    }

    /// Whether every member of `other` is in this set.
    @inlinable @inline(__always)
    func isSuperset(of other: JSONFieldSet) -> Bool {
        guard low & other.low == other.low else { return false }
        guard let high, let otherHigh = other.high else { return true }
        return zip(high, otherHigh).allSatisfy { $0 & $1 == $1 }
    }
}

/// Reads a generated model's object key by key: dispatches each key to its field's index, refuses
/// repeated and (unless the model allows them) unknown keys where they stand, refuses `null` in fields
/// that are not nullable, and, once the object is closed, reports the first missing required key in
/// schema order and the first broken rule. Every problem is a ``RecordError`` with the category
/// `contractgen validate` reports.
///
/// A generated decoder is a loop over ``next(_:)`` with a `switch` that reads each field with one
/// ``read(_:options:)``.
public struct JSONModelReader {
    // Unowned: the fields live in a generated `static let`, for the life of the program.
    @usableFromInline unowned(unsafe) let fields: JSONModelFields
    /// `fields.table`, unretained (it lives as long as `fields`): reached through `fields`, or held as a
    /// reference, it was retained and released at every key or every record.
    @usableFromInline let table: Unmanaged<UTF8Table>
    @usableFromInline let modelName: String
    @usableFromInline var seen: JSONFieldSet
    /// The field ``next(_:)`` returned last; -1 before the first.
    @usableFromInline var current = -1

    /// Opens the model's object (`not_an_object` for anything else).
    @inlinable
    public init(_ reader: inout JSONReader, fields: JSONModelFields, modelName: String) throws {
        // Without unknown keys the seen-set finds repeated keys, so the reader need not remember keys.
        try JSONFields.openModel(&reader, name: modelName, callerChecksDuplicateKeys: !fields.allowsUnknownKeys)
        self.fields = fields
        table = Unmanaged.passUnretained(fields.table)
        self.modelName = modelName
        seen = JSONFieldSet(count: fields.names.count)
    }

    /// The index of the next key's field, or nil when the object has ended. Skips a key that is not a field
    /// when the model allows such keys, and throws `unknown_field` otherwise; throws `duplicate_key` for a
    /// field seen before.
    ///
    /// Records usually list their keys in schema order: the field after the last one read is compared with
    /// the input first, and when it is there it is found without scanning the key or looking it up.
    @inlinable @inline(__always)
    public mutating func next(_ reader: inout JSONReader) throws -> Int? {
        while let index = try table._withUnsafeGuaranteedRef({ try reader.nextKeyIndex(in: $0, expected: current &+ 1) }) {
            if try accepts(index >= 0 ? index : nil, &reader) { return index }
        }
        return nil
    }

    /// As ``next(_:)``, with `fieldIndex` giving the index of a key (nil for one that is not a field): how
    /// code generated before ``next(_:)`` dispatched keys, one comparison with each wire name.
    @inlinable @inline(__always)
    public mutating func next(_ reader: inout JSONReader, _ fieldIndex: (borrowing JSONKey) -> Int?) throws -> Int? {
        while let key = try reader.nextKey() {
            let index = fieldIndex(key)
            if try accepts(index, &reader) { return index }
        }
        return nil
    }

    /// Whether the key just read, of the field at `index` (nil for a key that is not a field), is a field to read
    /// now: false after skipping a key that is not a field, where the model allows such keys. Throws
    /// `unknown_field` for one where it does not, and `duplicate_key` for a field seen before.
    @inlinable @inline(__always)
    mutating func accepts(_ index: Int?, _ reader: inout JSONReader) throws -> Bool {
        guard let index else {
            guard fields.allowsUnknownKeys else {
                throw JSONFields.unknownKey(named: reader.currentKey ?? "", model: modelName, reader)
            }
            try reader.skipValue()
            return false
        }
        if !seen.insert(index), !fields.allowsUnknownKeys { throw reader.duplicateKeyError() }
        current = index
        return true
    }

    /// Reads the value of the field ``next(_:)`` returned.
    @inlinable @inline(__always)
    public func read<Value: JSONFieldValue>(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Value {
        try readJSONField(Value.self, &reader, options: options, field: "\(fields.names[current])")
    }

    /// After the object has ended: throws `missing_field` for the first required field, in schema
    /// order, that did not appear, at `path` (the reader's, made only for the error).
    ///
    /// The path rather than the reader: a reader passed borrowed from the decoder's `inout` one was copied whole
    /// (200 bytes) at every call.
    @inlinable
    public func checkPresence(at path: @autoclosure () -> String) throws {
        guard !seen.isSuperset(of: fields.required) else { return }
        throw missingField(at: path())
    }

    /// ``checkPresence(at:)`` with the reader, for code generated before it.
    @inlinable
    public func checkPresence(_ reader: borrowing JSONReader) throws {
        try checkPresence(at: reader.path)
    }

    @usableFromInline @inline(never)
    func missingField(at path: String) -> RecordError {
        let index = fields.names.indices.first { fields.required.contains($0) && !seen.contains($0) } ?? 0
        return JSONFields.missingKey("\(fields.names[index])", model: modelName, path: path)
    }

    /// After the value is made: throws `rule:<id>` for the first rule it breaks, at `path` (the reader's, made only
    /// for the error).
    @inlinable @inline(__always)
    public func checkRules<Model: ContractModel>(_ value: Model, at path: @autoclosure () -> String) throws {
        if let broken = value.violations().first { throw JSONFields.ruleError(broken, path: path()) }
    }

    /// ``checkRules(_:at:)`` with the reader, for code generated before it.
    @inlinable @inline(__always)
    public func checkRules<Model: ContractModel>(_ value: Model, _ reader: borrowing JSONReader) throws {
        try checkRules(value, at: reader.path)
    }
}
