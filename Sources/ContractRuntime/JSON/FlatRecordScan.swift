internal import CJSONBlocks

/// A record's object checked in one pass, in C (`ec_read_record`, CJSONBlocks), for a model whose fields all read as
/// flat values: strings whose text nothing reads, booleans, enumeration values, and JSON values. It vouches for a
/// record or leaves it: it says which fields a record it vouches for holds (null, a boolean, an enumeration value by
/// index, something else, or nothing), with everything checked that ``JSONReader`` checks in reading them (the
/// grammar, strings' text and escapes, each key a field once, each value of its field's type, the limits); for any
/// other record, valid or not, it says nothing, and the caller reads it in full, which gives the verdict and the
/// exact error. Keys and enumeration values are matched by their bytes as written: one with an escape, or spelled
/// another way, is left to the full reading.
///
/// Needs the processor's AVX2 (the block scan and `ec_string_end`): ``init(fields:limits:)`` is nil without it.
package final class FlatRecordScan: @unchecked Sendable {
    // @unchecked: the tables are written in `init` and only read afterwards.

    /// How a field reads.
    package enum Kind {
        /// A string whose text nothing reads: checked, not copied.
        case string
        case bool
        /// One of these values, written as its UTF-8 bytes.
        case enumeration([String])
        /// Any JSON value.
        case json
    }

    /// A field of the record's model.
    package struct Field {
        package var name: String
        package var kind: Kind
        /// Whether JSON null is one of its values (it always is for a JSON field).
        package var isNullable: Bool

        package init(name: String, kind: Kind, isNullable: Bool) {
            self.name = name
            self.kind = kind
            self.isNullable = isNullable
        }
    }

    /// What a field of a record the scan vouched for holds.
    package enum Found: Equatable {
        /// The record has no such key.
        case absent
        case null
        case bool(Bool)
        /// The enumeration value at this index of the field's values.
        case enumeration(Int)
        /// A string or a JSON value that is not null.
        case other

        /// What `ec_read_record`'s code says: `EC_FOUND_ABSENT` (-1) to `EC_FOUND_OTHER` (-5), or an index. The codes
        /// are written out so that the caller's module inlines this (a test holds them to the header's).
        @inlinable @inline(__always)
        package init(_ code: Int32) {
            switch code {
            case -1: self = .absent
            case -2: self = .null
            case -3: self = .bool(false)
            case -4: self = .bool(true)
            case -5: self = .other
            default: self = .enumeration(Int(code))
            }
        }

        /// Whether `code` says `.absent`: one comparison, for the hot test of required fields.
        @inlinable @inline(__always)
        package static func isAbsent(_ code: Int32) -> Bool { code == -1 }
    }

    /// The most fields a model may have (a record's keys are told apart by the bits of a word).
    package static let maxFields = Int(EC_RECORD_MAX_FIELDS)

    private let table: UnsafeMutableBufferPointer<ec_record_field>
    /// The bytes of names and values, and the arrays of values' pointers and lengths, that `table` points into.
    private var allocations: [UnsafeMutableRawPointer] = []
    private let limits: ec_record_limits
    private let maxInputLength: Int
    /// How many fields.
    package let count: Int

    /// Nil where the processor lacks AVX2, or for more than ``maxFields`` fields.
    package init?(fields: [Field], limits: JSONReaderLimits) {
        guard JSONReader.FastPaths.current.blockScan, JSONReader.FastPaths.current.stringEnd,
              fields.count <= Self.maxFields,
              fields.allSatisfy({ field in
                  guard Self.isWrittenAsItself(field.name) else { return false }
                  if case .enumeration(let values) = field.kind { return values.allSatisfy(Self.isWrittenAsItself) }
                  return true
              }) else { return nil }
        count = fields.count
        maxInputLength = limits.maxInputLength
        self.limits = ec_record_limits(maxDepth: limits.maxDepth, maxKeysPerObject: limits.maxKeysPerObject,
                                       maxStringLength: limits.maxStringLength,
                                       nested: limits.blockSkipLimits(openLevels: 1))
        table = .allocate(capacity: Swift.max(1, fields.count))
        for (index, field) in fields.enumerated() {
            let name = bytes(of: field.name)
            var entry = ec_record_field(name: name.pointer, nameLength: name.count, type: 0, nullable: field.isNullable ? 1 : 0,
                                        values: nil, valueLengths: nil, valueCount: 0)
            switch field.kind {
            case .string: entry.type = Int32(EC_FIELD_STRING)
            case .bool: entry.type = Int32(EC_FIELD_BOOL)
            case .json: entry.type = Int32(EC_FIELD_JSON)
            case .enumeration(let values):
                entry.type = Int32(EC_FIELD_ENUMERATION)
                let pointers = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: Swift.max(1, values.count))
                let lengths = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(1, values.count))
                allocations += [UnsafeMutableRawPointer(pointers), UnsafeMutableRawPointer(lengths)]
                for (valueIndex, value) in values.enumerated() {
                    let valueBytes = bytes(of: value)
                    pointers[valueIndex] = valueBytes.pointer
                    lengths[valueIndex] = valueBytes.count
                }
                entry.values = UnsafePointer(pointers)
                entry.valueLengths = UnsafePointer(lengths)
                entry.valueCount = values.count
            }
            (table.baseAddress.unsafelyUnwrapped + index).initialize(to: entry)
        }
    }

    /// `text`'s UTF-8 in quotes, as JSON writes it, with 16 zero bytes after (`ec_read_record` compares 16 bytes at a
    /// time), for as long as the scan lives; its count is the text's, without the quotes.
    private func bytes(of text: String) -> (pointer: UnsafePointer<UInt8>, count: Int) {
        let quoted = [UInt8(ascii: "\"")] + Array(text.utf8) + [UInt8(ascii: "\"")] + Array(repeating: 0, count: 16)
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: quoted.count)
        pointer.initialize(from: quoted, count: quoted.count)
        allocations.append(UnsafeMutableRawPointer(pointer))
        return (UnsafePointer(pointer), quoted.count - 18)
    }

    /// Whether `text` is written in JSON as its own bytes between quotes: it has no quote, backslash or control
    /// character, which would need an escape. Keys and values are matched by those bytes.
    private static func isWrittenAsItself(_ text: String) -> Bool {
        !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    deinit {
        table.deallocate()
        for allocation in allocations { allocation.deallocate() }
    }

    /// When the scan vouches for `record` (one JSON text), calls `body` with what each field holds, in the fields'
    /// order, and returns its result; otherwise returns false without calling it.
    @inline(__always)
    package func scan(_ record: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<Int32>) -> Bool) -> Bool {
        guard record.count <= maxInputLength, let base = record.baseAddress else { return false }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { found in
            guard ec_read_record(base, record.count, table.baseAddress, count, limits, found.baseAddress) == 1 else {
                return false
            }
            return body(UnsafeBufferPointer(found))
        }
    }

    /// The lines at the start of `text` this scan vouches for, each as ``scan(_:_:)`` would, counted until the
    /// first that it does not (one longer than the limits' `maxInputLength` among them), that lacks a field of
    /// `required` (bit `i` for field `i`), or whose rules' verdict `cache` does not hold as kept (`ec_vouch_lines`,
    /// CJSONBlocks, says how its key is made from the codes of the fields at `keyFields`, at most
    /// ``maxKeyFields``); lines are split on `\n` and taken with it only. At most `maxLines` lines, none that
    /// starts at or after `startLimit`. Returns their number and their bytes, line breaks included, and whether it
    /// stopped at a line it refuses (`ec_vouch_lines`' `refused`: not for a verdict it does not hold, a limit, or
    /// bytes that may be an unfinished line); with `ends`, the offset after each one's line break.
    @inline(__always)
    package func vouchedLines(in text: UnsafeBufferPointer<UInt8>, startLimit: Int, maxLines: Int,
                              required: UInt64, keyFields: UnsafeBufferPointer<Int>, cache: UnsafePointer<UInt64>,
                              ends: UnsafeMutablePointer<Int>?) -> (lines: Int, bytes: Int, refused: Bool) {
        guard let base = text.baseAddress, keyFields.count <= Self.maxKeyFields else { return (0, 0, false) }
        var plan = ec_lines_plan(fields: table.baseAddress, fieldCount: count, limits: limits, required: required,
                                 keyFields: keyFields.baseAddress, keyFieldCount: keyFields.count,
                                 maxLineLength: maxInputLength)
        var lines = 0
        var refused: Int32 = 0
        let bytes = ec_vouch_lines(base, text.count, startLimit, maxLines, &plan, cache, ends, &lines, &refused)
        return (lines, bytes, refused != 0)
    }

    /// The most fields whose codes make a rules' verdict key for
    /// ``vouchedLines(in:startLimit:maxLines:required:keyFields:cache:ends:)``.
    package static let maxKeyFields = Int(EC_VERDICT_KEY_MAX_FIELDS)
}
