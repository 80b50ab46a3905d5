import Foundation
import ContractRuntime
import ContractSchema
import ContractValidation

/// The record vectors of one model: valid and invalid records as exact input bytes, each judged by the
/// run-time interpreter (`RecordValidator`), which is the reference every language is held to.
struct RecordVectors {
    let contract: Contract
    let model: Model
    let samples: SampleValues
    private let strict: RecordValidator
    private let cache: ValidatorCache

    /// Most combinations a rule is enumerated over; the rest of its product is left out.
    static let maxCombinations = 256

    /// Nil when the interpreter cannot plan the model (a contract that linted clean has no such model).
    init?(model: Model, cache: ValidatorCache) {
        guard let strict = cache.validator(for: model.name, acceptingLegacy: false) else { return nil }
        self.contract = cache.contract
        self.model = model
        self.samples = SampleValues(contract: cache.contract, cache: cache)
        self.strict = strict
        self.cache = cache
    }

    /// Every vector of the model, in a fixed order.
    func vectors() -> [JSONValue] {
        let base = validBase()
        var out: [JSONValue] = []
        out.append(vector("valid_base", .object(base)))
        out.append(vector("empty_object", .object([:])))
        out.append(vector("not_an_object", .array([.object(base)])))
        if let first = base.members.first {
            // A repeated key, written by hand: JSONObject keeps each key once.
            let text = objectText(base.members + [first])
            out.append(vector("duplicate_key/\(first.key)", bytes: Array(text.utf8)))
        }
        out.append(vector("unknown_key", .object(JSONObject(base.members + [("unknown_key_zz", .int(1))]))))
        for field in model.fields {
            out += fieldVectors(field, base: base)
        }
        for rule in model.rules {
            out += ruleVectors(rule, base: base)
        }
        return out
    }

    /// The base record made valid where rules reject it: while some rule is broken, the first
    /// combination of the small value sets of its fields that satisfies it (and the rules before it).
    func validBase(depth: Int = 0) -> JSONObject {
        samples.cache.base(of: model.name, depth: depth) { findValidBase(depth: depth) }
    }

    private func findValidBase(depth: Int) -> JSONObject {
        var record = samples.baseRecord(of: model, depth: depth)
        // Each round fixes the first broken rule; a rule already fixed is not broken again, so the rounds
        // are bounded by the number of rules.
        for _ in 0...model.rules.count {
            guard let error = judge(record, acceptLegacy: false), error.category.hasPrefix("rule:"),
                  let index = model.rules.firstIndex(where: { RecordError.rule($0.id) == error.category }) else { break }
            let names = uniqueFields(Self.fieldNames(model.rules[index].expression))
            let later = Set(model.rules[(index + 1)...].map { RecordError.rule($0.id) })
            let fixed = combinations(names, base: record).first { candidate in
                guard let problem = judge(candidate.record, acceptLegacy: false) else { return true }
                return later.contains(problem.category)
            }
            guard let fixed else { break }
            record = fixed.record
        }
        return record
    }

    private func fieldVectors(_ field: Field, base: JSONObject) -> [JSONValue] {
        let prefix = "field/\(field.name)"
        var out: [JSONValue] = []
        if let wrong = samples.wrongType(for: field.type) {
            out.append(vector("\(prefix)/wrong_type", replacing(field.name, with: wrong, in: base)))
        }
        out.append(vector("\(prefix)/null", replacing(field.name, with: .null, in: base)))
        let without = JSONObject(base.members.filter { $0.key != field.name })
        out.append(vector("\(prefix)/missing", .object(without)))
        if field.type == .int { out += integerEdges(field, base: base) }
        if field.type == .timestamp {
            // Nine fraction digits and an offset: more than a microsecond-precise writer keeps.
            for (name, text) in [("nanoseconds", "2026-02-26T10:30:00.123456789+01:00"), ("invalid_date", "2026-02-30T10:30:00Z")] {
                out.append(vector("\(prefix)/\(name)", replacing(field.name, with: .string(text), in: base)))
            }
        }
        guard case .named(let name) = field.type, let wire = contract.namedType(name)?.wireValues else { return out }
        for value in Self.sampled(wire) {
            out.append(vector("\(prefix)/value/\(value)", replacing(field.name, with: .string(value), in: base)))
        }
        out.append(vector("\(prefix)/unknown_value", replacing(field.name, with: .string("not_a_value_zz"), in: base)))
        if let lifecycle = contract.lifecycle(named: name) {
            for alias in lifecycle.legacy {
                let record = replacing(field.name, with: .string(alias.value), in: base)
                out.append(vector("\(prefix)/legacy/\(alias.value)/refused", record))
                out.append(vector("\(prefix)/legacy/\(alias.value)/accepted", record, acceptLegacy: true))
            }
        }
        return out
    }

    /// Most values of one enum a field is tried with: the first and last half of them when it has more, so
    /// that a lifecycle of thousands of states does not make thousands of records per field.
    static let maxValuesPerField = 100

    static func sampled(_ values: [String]) -> [String] {
        guard values.count > maxValuesPerField else { return values }
        return Array(values.prefix(maxValuesPerField / 2) + values.suffix(maxValuesPerField / 2))
    }

    /// An int field at the ends of 64 bits, one past them, and 2^53 + 1, the first integer a double
    /// cannot hold: readers that keep numbers as doubles must refuse it rather than round it.
    private func integerEdges(_ field: Field, base: JSONObject) -> [JSONValue] {
        let edges = [("int_max", "9223372036854775807"), ("int_min", "-9223372036854775808"),
                     ("int_overflow", "9223372036854775808"), ("beyond_double_precision", "9007199254740993")]
        return edges.map { name, literal in
            // The literal is spliced into the text: JSONValue holds no integer beyond 64 bits.
            let placeholder = "\u{1}placeholder\u{1}"
            let record = replacing(field.name, with: .string(placeholder), in: base).objectValue ?? base
            let text = objectText(record.members).replacingOccurrences(of: "\"\\u0001placeholder\\u0001\"", with: literal)
            return vector("field/\(field.name)/\(name)", bytes: Array(text.utf8))
        }
    }

    private func ruleVectors(_ rule: Rule, base: JSONObject) -> [JSONValue] {
        let names = uniqueFields(Self.fieldNames(rule.expression))
        return combinations(names, base: base, literals: Self.literals(rule.expression)).map { assignment in
            vector("rule/\(rule.id)/\(assignment.label)", .object(assignment.record))
        }
    }

    /// Every combination of the small value sets of `names` (fields without one keep their base value),
    /// in a fixed order, at most ``maxCombinations``.
    /// `literals` (the constants the rule compares with) join the sets of the fields whose type they fit.
    func combinations(_ names: [String], base: JSONObject,
                      literals: [JSONValue] = []) -> [(label: String, record: JSONObject)] {
        let sets: [(name: String, values: [JSONValue])] = names.compactMap { name in
            guard let field = model.field(named: name) else { return nil }
            var values = samples.smallValueSet(of: field) ?? []
            for literal in literals where !values.contains(literal) && Self.fits(literal, field.type) {
                values.append(literal)
            }
            return values.count > 1 ? (name, values) : nil
        }
        var results: [(label: String, record: JSONObject)] = [("", base)]
        for set in sets {
            var next: [(label: String, record: JSONObject)] = []
            outer: for partial in results {
                for value in set.values {
                    if next.count == Self.maxCombinations { break outer }
                    let text = (try? value.jsonString()) ?? "?"
                    let label = partial.label.isEmpty ? "\(set.name)=\(text)" : "\(partial.label),\(set.name)=\(text)"
                    next.append((label, replacing(set.name, with: value, in: partial.record).objectValue ?? partial.record))
                }
            }
            results = next
        }
        return results
    }

    private func uniqueFields(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The string and number constants of an expression, as JSON values (an integral double also as an int).
    static func literals(_ expression: RuleExpression) -> [JSONValue] {
        switch expression.kind {
        case .string(let s): return [.string(s)]
        case .int(let i): return [.int(i)]
        case .double(let d):
            // `Int64(exactly:)` keeps 9007199254740993.0 (read as 2^53) an int only when it is one.
            return [.double(d)] + (Int64(exactly: d).map { [.int($0)] } ?? [])
        case .not(let e): return literals(e)
        case .binary(_, let l, let r): return literals(l) + literals(r)
        case .membership(let l, let items, _): return literals(l) + items.flatMap(literals)
        case .field, .name, .enumValue, .null, .bool: return []
        }
    }

    /// Whether a constant can stand in a field of `type`.
    static func fits(_ literal: JSONValue, _ type: FieldType) -> Bool {
        switch (literal, type) {
        case (.string, .string), (.int, .int), (.int, .double), (.double, .double): true
        default: false
        }
    }

    /// The fields an expression reads, in order of first use.
    static func fieldNames(_ expression: RuleExpression) -> [String] {
        switch expression.kind {
        case .field(let name), .name(let name): [name]
        case .not(let e): fieldNames(e)
        case .binary(_, let l, let r): fieldNames(l) + fieldNames(r)
        case .membership(let l, let items, _): fieldNames(l) + items.flatMap(fieldNames)
        case .enumValue, .null, .bool, .int, .double, .string: []
        }
    }

    private func replacing(_ key: String, with value: JSONValue, in record: JSONObject) -> JSONValue {
        .object(JSONObject(record.members.map { $0.key == key ? ($0.key, value) : $0 }))
    }

    private func judge(_ record: JSONObject, acceptLegacy: Bool) -> RecordError? {
        let bytes = Array(objectText(record.members).utf8)
        return validator(acceptLegacy).validate(bytes)
    }

    private func validator(_ acceptLegacy: Bool) -> RecordValidator {
        guard acceptLegacy else { return strict }
        return cache.validator(for: model.name, acceptingLegacy: true) ?? strict
    }

    private func objectText(_ members: [(key: String, value: JSONValue)]) -> String {
        let parts = members.map { member in
            ((try? JSONValue.string(member.key).jsonString()) ?? "\"\"") + ":" + ((try? member.value.jsonString()) ?? "null")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private func vector(_ name: String, _ record: JSONValue, acceptLegacy: Bool = false) -> JSONValue {
        let text: String
        if case .object(let object) = record {
            text = objectText(object.members)
        } else {
            text = (try? record.jsonString()) ?? "null"
        }
        return vector(name, bytes: Array(text.utf8), acceptLegacy: acceptLegacy)
    }

    private func vector(_ name: String, bytes: [UInt8], acceptLegacy: Bool = false) -> JSONValue {
        cache.vector(id: "\(model.name)/\(name)", model: model.name, input: bytes, acceptingLegacy: acceptLegacy)
    }
}

/// How one record vector is written: shared by the schema-derived records and the seeded mutations.
public enum RecordVectorFormat {
    /// A record vector: `id`, `model`, the input (`input` when it is UTF-8, else `input_hex`),
    /// `accept_legacy`, and the verdict with the category and path of an invalid record.
    ///
    /// When an implementation whose `int` holds only ±(2^53−1) (TypeScript's numbers) must judge the
    /// record otherwise, `javascript_integers` holds that verdict, category and path: given as
    /// `javaScriptIntegersError`, the reference interpreter's verdict with
    /// ``RecordValidator/Options/javaScriptIntegers``.
    public static func vector(id: String, model: String, input: [UInt8], acceptLegacy: Bool,
                              error: RecordError?, javaScriptIntegersError: RecordError?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("model", .string(model))]
        if let text = String(validating: input, as: UTF8.self) {
            members.append(("input", .string(text)))
        } else {
            members.append(("input_hex", .string(input.map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 15)] }.joined())))
        }
        members.append(("accept_legacy", .bool(acceptLegacy)))
        let verdict = verdictMembers(error)
        members += verdict
        let javaScriptVerdict = verdictMembers(javaScriptIntegersError)
        if javaScriptVerdict.map(\.value) != verdict.map(\.value) {
            members.append(("javascript_integers", .object(JSONObject(javaScriptVerdict))))
        }
        return .object(JSONObject(members))
    }

    /// `verdict`, and `category` and `path` when there is an error.
    private static func verdictMembers(_ error: RecordError?) -> [(key: String, value: JSONValue)] {
        guard let error else { return [("verdict", .string("valid"))] }
        return [("verdict", .string("invalid")), ("category", .string(error.category)), ("path", .string(error.path))]
    }

    private static let hexDigits = (0..<16).map { String($0, radix: 16) }
}
