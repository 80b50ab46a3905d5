import ContractRuntime
import ContractSchema

/// The first try of ``RecordValidator``'s judge for a model whose fields all read as flat values (strings no rule
/// reads, booleans, enumeration values, JSON values): the record's object is checked in one pass in C
/// (``FlatRecordScan``), then its required fields and rules on what the fields hold, as ``RecordReading`` would. It
/// only ever says that a record is valid: a record it does not vouch for, valid or not, and one that misses a
/// required field or breaks a rule, is read again in full, which gives the verdict and the exact error (its path,
/// offset and wording), so the verdicts are the full reading's. On the corpus's short lines the full reading of a
/// record's own fields cost about as much as simdjson's whole parse of the line.
///
/// What a field holds, for the rules, follows from what the scan found alone (null, a boolean, an enumeration value by
/// index, something else, or nothing and its default): the rules' verdict is a function of the codes of the fields they
/// read, and a judge remembers it for the combinations it has met (``VerdictCache``), which a file's records repeat.
final class FlatRecordJudge: @unchecked Sendable {
    // @unchecked: built once in `init` and only read afterwards.
    private let scan: FlatRecordScan
    private let plan: ModelPlan
    /// The required fields, bit `i` for field `i`.
    private let required: UInt64
    /// The indices of the fields the rules read (by value or against null), when their codes fit a cache key: at most
    /// ``VerdictCache/maxFields``, with enumerations of fewer than 250 values; nil otherwise (no cache).
    private let keyFields: UnsafeMutableBufferPointer<Int>?

    /// Nil for a model with a field of another type (integers, decimals and timestamps need their text read, lists,
    /// maps and models their elements' types checked, a string that a rule reads its text), and where the processor
    /// lacks what the scan needs.
    init?(plan: ModelPlan, limits: JSONReaderLimits) {
        var fields: [FlatRecordScan.Field] = []
        var fitsKey = true
        for field in plan.fields {
            let kind: FlatRecordScan.Kind
            switch field.type {
            case .string where !field.isReadByRules: kind = .string
            case .bool: kind = .bool
            case .json: kind = .json
            case .enumeration(let reference):
                kind = .enumeration(reference.object.values)
                fitsKey = fitsKey && reference.object.values.count < 250
            case .string, .int, .double, .timestamp, .list, .map, .model: return nil
            }
            fields.append(FlatRecordScan.Field(name: field.name, kind: kind, isNullable: field.isNullable))
        }
        guard let scan = FlatRecordScan(fields: fields, limits: limits) else { return nil }
        self.scan = scan
        self.plan = plan
        required = plan.fields.indices.reduce(0) { plan.fields[$1].isRequired ? $0 | 1 << UInt64($1) : $0 }
        let read = Set(plan.rules.flatMap { $0.expression.referencedFields }).compactMap { plan.fieldIndex[$0] }.sorted()
        keyFields = fitsKey && read.count <= VerdictCache.maxFields ? Self.buffer(read) : nil
    }

    private static func buffer(_ indices: [Int]) -> UnsafeMutableBufferPointer<Int> {
        let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: Swift.max(1, indices.count))
        _ = buffer.initialize(from: indices)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<indices.count])
    }

    deinit {
        keyFields?.deallocate()
    }

    /// True when `record` (one JSON text) is valid, checked without the full reading; false when the full reading
    /// must judge it (valid or not). `cache` remembers the rules' verdicts for this judge (one per thread).
    func holds(_ record: UnsafeBufferPointer<UInt8>, cache: VerdictCache) -> Bool {
        scan.scan(record) { found in
            var unchecked = required
            while unchecked != 0 {
                if FlatRecordScan.Found.isAbsent(found[unchecked.trailingZeroBitCount]) { return false }
                unchecked &= unchecked - 1
            }
            guard let keyFields else { return rulesHold(found) }
            var key: UInt64 = 1
            // Each code (-5 to -1, or an index below 250) as a byte from 1 up, under a leading 1.
            for index in keyFields { key = key << 8 | UInt64(truncatingIfNeeded: found[index] &+ 6) }
            if let verdict = cache.verdict(for: key) { return verdict }
            let verdict = rulesHold(found)
            cache.remember(verdict, for: key)
            return verdict
        }
    }

    /// How many of the lines at the start of `text` are valid, checked without the full reading as
    /// ``holds(_:cache:)`` checks each, in one call: lines split on `\n` and taken with it only, counted until the
    /// first that ``holds(_:cache:)`` would not vouch for with `cache` as it is (one whose rules' verdict it does not
    /// hold yet among them: the caller judges that one itself), one that starts at or after `startLimit`, or
    /// `maxLines`. Returns their number and their bytes, line breaks included, and whether ``holds(_:cache:)`` would
    /// refuse the line it stopped at with `cache` as it is; with `ends`, the offset after each one's line break. None
    /// for a model whose rules' verdicts are not remembered.
    func vouchedLines(in text: UnsafeBufferPointer<UInt8>, startLimit: Int, maxLines: Int, cache: VerdictCache,
                      ends: UnsafeMutablePointer<Int>?) -> (lines: Int, bytes: Int, refused: Bool) {
        guard let keyFields else { return (0, 0, false) }
        return scan.vouchedLines(in: text, startLimit: startLimit, maxLines: maxLines, required: required,
                                 keyFields: UnsafeBufferPointer(keyFields), cache: cache.pointer, ends: ends)
    }

    /// Whether the rules hold for the values the fields hold by `found`, as the full reading would fill them.
    private func rulesHold(_ found: UnsafeBufferPointer<Int32>) -> Bool {
        let fields = UnsafeBufferPointer(plan.fields), rules = UnsafeBufferPointer(plan.rules)
        return RecordReading.withValues(count: fields.count) { values in
            for index in fields.indices {
                // By pointer: a copy of the field's plan would retain and release its strings.
                let field = fields.baseAddress.unsafelyUnwrapped + index
                switch FlatRecordScan.Found(found[index]) {
                case .absent: RecordReading.fill(values, at: index, with: field.pointee.absentValue)
                case .null: break  // the slot holds `.null` already
                case .bool(let value): RecordReading.fill(values, at: index, with: .bool(value))
                case .other: RecordReading.fill(values, at: index, with: .other)
                case .enumeration(let valueIndex):
                    // What the full reading keeps for an enumeration value matched by its bytes.
                    guard case .enumeration(let reference) = field.pointee.type else { return false }
                    RecordReading.fill(values, at: index, with: reference.withObject { .enumValue($0.values[valueIndex]) })
                }
            }
            return RecordReading.firstBrokenRule(rules, values) == nil
        }
    }
}

/// The rules' verdicts a ``FlatRecordJudge`` has met, by the codes of the fields they read (a key of a byte per field,
/// the first field highest): 64 entries, each at a place the key hashes to, the last verdict there kept. A judge's
/// records repeat few combinations (a status, an error code or none, a flag), so nearly every record finds its own.
/// Not shared between threads: ``RecordValidator/withRecordJudge(_:)`` keeps one per judge.
struct VerdictCache {
    /// The most fields a key holds.
    static let maxFields = FlatRecordScan.maxKeyFields
    /// Each of the 64 entries: the key shifted left by one, and the verdict in bit 0; 0 for an empty entry (no key is
    /// 0: it starts with a 1). `ec_vouch_lines` (CJSONBlocks) reads the entries as they are laid out here. Memory of
    /// the caller's stack (``with(_:)``): no reference to count where the judge reads it once a line.
    private let entries: UnsafeMutablePointer<UInt64>

    /// Calls `body` with an empty cache that lives for the call.
    static func with<Result, Failure: Error>(
        _ body: (VerdictCache) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { (entries) throws(Failure) in
            let start = entries.baseAddress.unsafelyUnwrapped
            start.initialize(repeating: 0, count: 64)
            return try body(VerdictCache(entries: start))
        }
    }

    private init(entries: UnsafeMutablePointer<UInt64>) {
        self.entries = entries
    }

    @inline(__always)
    private static func place(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    @inline(__always)
    func verdict(for key: UInt64) -> Bool? {
        let entry = entries[Self.place(of: key)]
        return entry >> 1 == key ? entry & 1 == 1 : nil
    }

    /// The 64 entries, for `ec_vouch_lines`.
    var pointer: UnsafePointer<UInt64> { UnsafePointer(entries) }

    @inline(__always)
    func remember(_ verdict: Bool, for key: UInt64) {
        entries[Self.place(of: key)] = key << 1 | (verdict ? 1 : 0)
    }
}
