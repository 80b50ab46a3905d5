import ContractRuntime
import ContractSchema

/// Validates serialized records against a model by interpreting the schema at run time: the same
/// shape, type, enum and rule checks the generated decoders make, without compiling anything.
public struct RecordValidator: @unchecked Sendable {
    // @unchecked: the plans are built once in `init` and only read afterwards.
    let plan: ModelPlan
    /// The judge's first try, for a model whose fields all read as flat values (``FlatRecordJudge``); nil otherwise.
    let flat: FlatRecordJudge?
    /// Kept to build ``replica()``'s own plan.
    private let contract: Contract
    /// Options of this validator.
    public let options: Options

    /// How records are read.
    public struct Options: Sendable {
        /// Accept the v1.0 values of the schema's `legacy` tables (read as the states they now mean).
        public var acceptsLegacyValues: Bool
        /// Limits on each record's JSON.
        public var limits: JSONReaderLimits
        /// The values an `int` field takes; outside them a value is `number_out_of_range`. All of
        /// `Int64` by default; ``javaScriptIntegers`` judges as the TypeScript modules do.
        public var integers: ClosedRange<Int64>

        /// The integers a JavaScript number holds exactly, ±(2^53−1): what an `int` field takes in
        /// the generated TypeScript.
        public static let javaScriptIntegers: ClosedRange<Int64> = -(1 << 53 - 1)...(1 << 53 - 1)

        /// Creates options.
        public init(acceptsLegacyValues: Bool = false, limits: JSONReaderLimits = .init(),
                    integers: ClosedRange<Int64> = Int64.min...Int64.max) {
            self.acceptsLegacyValues = acceptsLegacyValues
            self.limits = limits
            self.integers = integers
        }
    }

    /// Why a validator cannot be built.
    public enum SetupError: Error, Equatable, CustomStringConvertible {
        /// The contract has no model of that name.
        case unknownModel(String, available: [String])
        /// The contract has several models and none was chosen.
        case ambiguousModel(available: [String])
        /// The contract has no models at all.
        case noModels

        public var description: String {
            switch self {
            case let .unknownModel(name, available):
                "the schema has no model `\(name)`\(Suggestion.hint(for: name, among: available, noun: "models"))"
            case .ambiguousModel(let available):
                "the schema has \(Plural.counted(available.count, "model")) (\(available.joined(separator: ", "))); choose one with --model"
            case .noModels:
                "the schema defines no models, so there is nothing to validate records against"
            }
        }
    }

    /// A validator for `modelName` (or the contract's only model) of a contract that linted clean.
    public init(contract: Contract, model modelName: String? = nil, options: Options = .init()) throws(SetupError) {
        let names = contract.models.map(\.name)
        let name: String
        if let modelName {
            name = modelName
        } else if names.count == 1 {
            name = names[0]
        } else if names.isEmpty {
            throw .noModels
        } else {
            throw .ambiguousModel(available: names)
        }
        guard let plan = PlanBuilder.plan(for: name, in: contract) else {
            throw .unknownModel(name, available: names)
        }
        self.init(plan: plan, contract: contract, options: options)
    }

    private init(plan: ModelPlan, contract: Contract, options: Options) {
        self.plan = plan
        self.flat = FlatRecordJudge(plan: plan, limits: options.limits)
        self.contract = contract
        self.options = options
    }

    /// A validator that judges exactly as this one and shares no object with it: threads that each use
    /// their own replica never contend for the same reference counts, which would slow both.
    func replica() -> RecordValidator {
        guard let plan = PlanBuilder.plan(for: plan.name, in: contract) else { return self }  // Built once already.
        return RecordValidator(plan: plan, contract: contract, options: options)
    }

    /// The name of the model records are checked against.
    public var modelName: String { plan.name }

    /// Nil when `record` (one JSON text, without its line break) is a valid record; otherwise the first
    /// problem found, in reading order.
    public func validate(_ record: UnsafeBufferPointer<UInt8>) -> RecordError? {
        withRecordJudge { judge in judge(record) }
    }

    /// Calls `body` with a function that gives ``validate(_:)``'s verdict on each record it is given, all read
    /// by one reader: the reader's set-up is paid once, not once a record (a few hundred instructions, a
    /// few percent of a short line). The function is valid during the call only, on the calling thread.
    ///
    /// The reader's stacks of open containers and keys start on this thread's stack: a reader of its own would
    /// allocate and free them. The closure captures the plan and the reading, not the validator, whose copy
    /// would retain and release each of its references.
    package func withRecordJudge<Result, Failure: Error>(
        _ body: (_ judge: (UnsafeBufferPointer<UInt8>) -> RecordError?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withRecordJudge(firstTry: flat) { (judge, _) throws(Failure) in
            try withoutActuallyEscaping(judge) { (judge) throws(Failure) in try body(judge) }
        }
    }

    /// The first try over many lines at once: how many of the lines at the start of `text` (split on `\n`, each taken
    /// with it only) are valid, counted until the first it cannot vouch for, one that starts at or after `startLimit`,
    /// or `maxLines`; their number and bytes, line breaks included, and with `ends` the offset after each one's line
    /// break (room for `maxLines`). The caller judges the line it stopped at with the judge of one record.
    package typealias LinesVouch = (_ text: UnsafeBufferPointer<UInt8>, _ startLimit: Int, _ maxLines: Int,
                                    _ ends: UnsafeMutablePointer<Int>?) -> (lines: Int, bytes: Int)

    /// ``withRecordJudge(_:)`` with, besides the judge of one record, `vouch` (``LinesVouch``), which shares its
    /// remembered rules' verdicts: for a model without a first try, or whose rules' verdicts are not remembered, it
    /// vouches for no line.
    package func withLinesJudge<Result, Failure: Error>(
        _ body: (_ judge: (UnsafeBufferPointer<UInt8>) -> RecordError?, _ vouch: LinesVouch) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withRecordJudge(firstTry: flat, body)
    }

    /// ``withLinesJudge(_:)`` with `flat` tried first on each record, when there is one.
    private func withRecordJudge<Result, Failure: Error>(
        firstTry flat: FlatRecordJudge?,
        _ body: (_ judge: (UnsafeBufferPointer<UInt8>) -> RecordError?, _ vouch: LinesVouch) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let plan = plan, reading = RecordReading(options: options)
        return try VerdictCache.with { (cache) throws(Failure) in
            // The line `vouch` stopped at because the first try refuses it, which the judge then reads in full at once:
            // the first try is not made twice. (Only the time is at stake: the full reading gives every verdict.)
            var refusedLine: UnsafePointer<UInt8>?
            return try JSONReader.withReusableReader(limits: options.limits) { (reader) throws(Failure) in
                try body({ record in
                    let refused = refusedLine != nil && record.baseAddress == refusedLine
                    refusedLine = nil
                    if let flat, !refused, flat.holds(record, cache: cache) {
                        // The first try restates what flat fields accept; debug builds (every test) hold it to the full
                        // reading.
                        assert(Self.fullVerdict(on: record, plan, reading, &reader) == nil,
                               "the first try vouched for a record the full reading refuses")
                        return nil
                    }
                    return Self.fullVerdict(on: record, plan, reading, &reader)
                }, { text, startLimit, maxLines, ends in
                    refusedLine = nil
                    guard let flat else { return (0, 0) }
                    let vouched = flat.vouchedLines(in: text, startLimit: startLimit, maxLines: maxLines, cache: cache,
                                                    ends: ends)
                    if vouched.refused { refusedLine = text.baseAddress.map { $0 + vouched.bytes } }
                    let taken = UnsafeBufferPointer(rebasing: text[..<vouched.bytes])
                    assert(JSONLinesReader.forEachLine(in: taken) { line in
                        Self.fullVerdict(on: line, plan, reading, &reader) == nil
                    }, "the first try vouched for a line the full reading refuses")
                    return (vouched.lines, vouched.bytes)
                })
            }
        }
    }

    /// The full reading's verdict on `record`: the only one given.
    @inline(__always)
    private static func fullVerdict(on record: UnsafeBufferPointer<UInt8>, _ plan: ModelPlan, _ reading: RecordReading,
                                    _ reader: inout JSONReader) -> RecordError? {
        verdict {
            try reader.restart(reading: record)
            try reading.readModel(plan, from: &reader)
            try reader.expectEnd()
        }
    }

    /// Nil when `read` returns; otherwise what it threw, as a record's error.
    @inline(__always)
    private static func verdict(_ read: () throws -> Void) -> RecordError? {
        do {
            try read()
            return nil
        } catch let error as RecordError {
            return error
        } catch let error as JSONReadError {
            return RecordError(error)
        } catch {
            return RecordError(category: "malformed_json", message: "\(error)", path: "$")
        }
    }

    /// As ``validate(_:)`` for bytes in any contiguous collection.
    public func validate(_ record: [UInt8]) -> RecordError? {
        record.withUnsafeBufferPointer { validate($0) }
    }

    /// For tests: whether the judge's first try (``FlatRecordJudge``) vouches for `record`; nil when this validator's
    /// model has none.
    package func isVouchedForWithoutFullReading(_ record: UnsafeBufferPointer<UInt8>) -> Bool? {
        VerdictCache.with { cache in flat.map { $0.holds(record, cache: cache) } }
    }

    /// For tests: ``validate(_:)`` by the full reading alone, without the first try.
    package func validateByFullReading(_ record: UnsafeBufferPointer<UInt8>) -> RecordError? {
        withRecordJudge(firstTry: nil) { judge, _ in judge(record) }
    }
}

/// The reading itself: one record's values, checked against the plan as they are read.
struct RecordReading {
    let options: RecordValidator.Options

    func readModel(_ plan: ModelPlan, from reader: inout JSONReader) throws -> Void {
        // A model that refuses unknown keys finds repeated ones with its `seen` flags, so the reader
        // need not remember the keys.
        // The object's path is built only for an error, once the object is closed and the reader's
        // path is the object's again: building it for every nested model costs time per level.
        try JSONFields.openModel(&reader, name: plan.name, callerChecksDuplicateKeys: !plan.allowsAdditionalKeys)
        // Fields and rules are read in place, not copied out of the plan: copying a plan retains and
        // releases each of its strings and arrays, once per field of every record.
        let fields = UnsafeBufferPointer(plan.fields), rules = UnsafeBufferPointer(plan.rules)
        // Values and "seen" flags live on the stack: no allocation per record, and nested models
        // (read recursively) each get their own.
        try Self.withValues(count: fields.count) { values in
            try withUnsafeTemporaryAllocation(of: Bool.self, capacity: fields.count) { seen in
                seen.initialize(repeating: false)
                try readMembers(plan, fields: fields, rules: rules, values: values, seen: seen, from: &reader)
            }
        }
    }

    /// Calls `body` with room for `count` values on the stack, each `.null` until filled once (``fill(_:at:with:)``).
    @inline(__always)
    static func withValues<Result>(count: Int, _ body: (UnsafeMutableBufferPointer<RuleValue>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: RuleValue.self, capacity: count) { values in
            values.initialize(repeating: .null)
            // Only the values that hold a string are destroyed, each moved out and dropped in place:
            // `deinitialize()` destroys every value through the type's value witness, one indirect call per
            // value, which cost as much as reading a field; the others hold nothing to release.
            defer {
                for index in values.indices {
                    switch values[index] {
                    case .string, .enumValue: _ = (values.baseAddress.unsafelyUnwrapped + index).move()
                    case .null, .bool, .int, .double, .timestamp, .other: break  // Every case named: a new one must choose.
                    }
                }
            }
            return try body(values)
        }
    }

    /// The index of the first of `rules` that does not hold for `values`, or nil when all hold.
    @inline(__always)
    static func firstBrokenRule(_ rules: UnsafeBufferPointer<RulePlan>, _ values: UnsafeMutableBufferPointer<RuleValue>) -> Int? {
        for ruleIndex in rules.indices {
            // The program, not the compiled rule: copying that out of the plan would retain and release it.
            if !rules[ruleIndex].compiled.program.evaluate(UnsafeBufferPointer(values)) { return ruleIndex }
        }
        return nil
    }

    private func readMembers(_ plan: ModelPlan, fields: UnsafeBufferPointer<FieldPlan>, rules: UnsafeBufferPointer<RulePlan>,
                             values: UnsafeMutableBufferPointer<RuleValue>,
                             seen: UnsafeMutableBufferPointer<Bool>, from reader: inout JSONReader) throws {
        var expected = 0
        let keys = plan.keys
        // Records usually list keys in schema order: the field after the last one is tried first.
        while let index = try reader.nextKeyIndex(in: keys, expected: expected) {
            guard index >= 0 else {
                if plan.allowsAdditionalKeys {
                    try reader.skipValue()
                    continue
                }
                let key = reader.currentKey ?? ""
                throw RecordError(category: RecordError.unknownField,
                                  message: "unknown key \(quoted(key)) in \(plan.name)\(Suggestion.didYouMean(key, among: fields.map(\.name)))",
                                  path: reader.path, offset: reader.offset)
            }
            if seen[index] { throw reader.duplicateKeyError() }
            expected = index + 1
            seen[index] = true
            // By pointer: a copy of the plan would retain and release each of its strings and arrays.
            Self.fill(values, at: index, with: try readField(fields.baseAddress.unsafelyUnwrapped + index, from: &reader))
        }
        for index in fields.indices where !seen[index] {
            if fields[index].isRequired {
                throw RecordError(category: RecordError.missingField,
                                  message: "missing key \(quoted(fields[index].name)) of \(plan.name)",
                                  path: reader.path, offset: reader.offset)
            }
            Self.fill(values, at: index, with: fields[index].absentValue)
        }
        if let ruleIndex = Self.firstBrokenRule(rules, values) {
            let rule = rules[ruleIndex]
            throw RecordError(category: RecordError.rule(rule.id), message: rule.message, path: reader.path)
        }
    }

    /// Puts `value` in slot `index` of `values`, which still holds the `.null` it was made with (each field's
    /// slot is filled once: a repeated key is refused before): initialized over it, since `.null` holds
    /// nothing to release, rather than assigned, which destroyed the old value through an outlined call.
    @inline(__always)
    static func fill(_ values: UnsafeMutableBufferPointer<RuleValue>, at index: Int, with value: consuming RuleValue) {
        assert({ if case .null = values[index] { true } else { false } }(), "a field's value is filled once")
        (values.baseAddress.unsafelyUnwrapped + index).initialize(to: value)
    }

    @inline(__always)
    private func readField(_ field: UnsafePointer<FieldPlan>, from reader: inout JSONReader) throws -> RuleValue {
        if try reader.readNullIfPresent() {
            guard field.pointee.isNullable || isJSON(field.pointee.type) else {
                throw RecordError(category: RecordError.wrongType,
                                  message: "expected \(field.pointee.type.description), found null (`\(field.pointee.name)` is not nullable)",
                                  path: reader.path, offset: reader.offset)
            }
            return .null
        }
        return try readValue(field.pointee.type, keep: field.pointee.isReadByRules, from: &reader)
    }

    /// JSON null is one of a `json` field's values, so it is valid there even when not nullable.
    private func isJSON(_ type: TypePlan) -> Bool {
        if case .json = type { return true }
        return false
    }

    /// Reads one non-null value of `type`; `keep` says whether rules need it.
    private func readValue(_ type: TypePlan, keep: Bool, from reader: inout JSONReader) throws -> RuleValue {
        switch type {
        case .string:
            try expect(.string, type, &reader)
            if keep { return .string(try reader.readString()) }
            try reader.skipString()
            return .other
        case .bool:
            try expect(.bool, type, &reader)
            return .bool(try reader.readBool())
        case .int:
            try expect(.number, type, &reader)
            let start = reader.offset
            let value = try reader.readInt64()
            guard options.integers.contains(value) else {
                throw RecordError(category: JSONErrorCategory.numberOutOfRange.rawValue,
                                  message: "the integer \(value) is outside \(options.integers.lowerBound)..."
                                      + "\(options.integers.upperBound), the values an `int` field takes here",
                                  path: reader.path, offset: start)
            }
            return .int(value)
        case .double:
            try expect(.number, type, &reader)
            return .double(try reader.readDouble())
        case .timestamp:
            return .timestamp(try JSONFields.timestamp(&reader).timeIntervalSince1970)
        case .json:
            try reader.skipValue()
            return .other
        case .list(let element):
            try expect(.array, type, &reader)
            try reader.beginArray()
            while try reader.nextElement() {
                try element.withObject { try readElement($0.type, from: &reader) }
            }
            return .other
        case .map(let element):
            try expect(.object, type, &reader)
            try reader.beginObject()
            while case .some = try reader.nextKey() {  // Not `!= nil`: the generic comparison costs a call a key.
                try element.withObject { try readElement($0.type, from: &reader) }
            }
            return .other
        case .enumeration(let reference):
            return try reference.withObject { plan in try readEnumeration(plan, type, from: &reader) }
        case .model(let plan):
            try plan.withObject { try readModel($0, from: &reader) }
            return .other
        }
    }

    /// A value of an enumeration, matched by its bytes: a `String` is made only for a value that is not one of the plan's.
    private func readEnumeration(_ plan: EnumerationPlan, _ type: TypePlan, from reader: inout JSONReader) throws -> RuleValue {
        try expect(.string, type, &reader)
        let start = reader.offset
        var text = ""
        if let index = try reader.readStringIndex(in: plan.table, unmatched: { text = String(decoding: $0, as: UTF8.self) }) {
            return .enumValue(plan.values[index])
        }
        // `String` equality also equates canonically equivalent spellings (NFC and NFD), as the
        // generated decoders' `init(rawValue:)` does.
        if plan.isOpen || plan.valueSet.contains(text) { return .enumValue(text) }
        if options.acceptsLegacyValues, let current = plan.legacy[text] { return .enumValue(current) }
        let hint = plan.legacy[text].map { "; it is a legacy value for \(quoted($0)), accepted with --accept-legacy" }
            ?? Suggestion.didYouMean(text, among: plan.values.sorted())
        throw RecordError(category: RecordError.unknownEnumValue,
                          message: "\(quoted(text)) is not a value of \(plan.name)\(hint)",
                          path: reader.path, offset: start)
    }

    /// An element of a list or map: null only where JSON allows anything.
    private func readElement(_ type: TypePlan, from reader: inout JSONReader) throws {
        if case .json = type {
            try reader.skipValue()
            return
        }
        if try reader.readNullIfPresent() {
            throw RecordError(category: RecordError.wrongType, message: "expected \(type.description), found null",
                              path: reader.path, offset: reader.offset)
        }
        _ = try readValue(type, keep: false, from: &reader)
    }

    /// Throws `wrong_type` unless the next value is of `kind`.
    @inline(__always)
    private func expect(_ kind: JSONValueKind, _ type: TypePlan, _ reader: inout JSONReader) throws {
        try JSONFields.expect(kind, type.description, &reader)
    }

    private func quoted(_ text: String) -> String {
        (try? JSONValue.string(text).jsonString()) ?? "\"\(text)\""
    }
}
