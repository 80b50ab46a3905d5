import ContractRuntime
import ContractSchema

/// The values records of a contract are built from: one ordinary value of every field type, the wrong
/// types a reader must refuse, and the small value sets rules and guards are enumerated over.
struct SampleValues {
    let contract: Contract
    /// Validators and base records already built, shared by every model of the contract.
    let cache: ValidatorCache

    /// The timestamp every sample record carries: a valid RFC 3339 instant.
    static let timestamp = "2026-01-02T03:04:05Z"

    /// An ordinary value of `type`; nested models get their base record, `depth` bounds recursion.
    func value(of type: FieldType, depth: Int = 0) -> JSONValue {
        switch type {
        case .string: return .string("text")
        case .bool: return .bool(false)
        case .int: return .int(1)
        case .double: return .double(1.5)
        case .timestamp: return .string(Self.timestamp)
        case .json: return .object(["k": .array([.int(1), .string("v")])])
        case .list(let element):
            // An empty list never recurses; one element shows the element type is read.
            return depth > 2 ? .array([]) : .array([value(of: element, depth: depth + 1)])
        case .map(let element):
            return depth > 2 ? .object([:]) : .object(["key": value(of: element, depth: depth + 1)])
        case .named(let name):
            switch contract.namedType(name) {
            case .lifecycle(let lifecycle): return .string(lifecycle.initial)
            case .enumeration(let enumeration): return .string(enumeration.values.first?.name ?? "")
            case .errorCatalog(let catalog): return .string(catalog.codes.first?.code ?? "")
            case .model(let model):
                // The nested model's rules hold too, so the record is valid as a whole.
                let vectors = RecordVectors(model: model, cache: cache)
                return .object(vectors?.validBase(depth: depth + 1) ?? baseRecord(of: model, depth: depth + 1))
            case nil: return .null
            }
        }
    }

    /// A record of `model` with every field present: the schema's default where there is one, null for a
    /// nullable field without one, else an ordinary value. Rules may still reject it.
    func baseRecord(of model: Model, depth: Int = 0) -> JSONObject {
        var members: [(key: String, value: JSONValue)] = []
        for field in model.fields {
            members.append((field.name, defaultValue(field, depth: depth)))
        }
        return JSONObject(members)
    }

    private func defaultValue(_ field: Field, depth: Int) -> JSONValue {
        if let value = field.defaultValue {
            switch value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .double(let d): return .double(d)
            case .string(let s), .enumValue(let s): return .string(s)
            case .emptyList: return .array([])
            case .emptyMap: return .object([:])
            }
        }
        // A nested model that is nullable stays null, which also ends recursive models.
        if field.isNullable, case .named(let name) = field.type, contract.model(named: name) != nil { return .null }
        if depth > 3, field.isNullable { return .null }
        return value(of: field.type, depth: depth)
    }

    /// A JSON value of another kind than `type` takes: what a reader must refuse with `wrong_type`.
    /// Nil for `json`, which takes every value.
    func wrongType(for type: FieldType) -> JSONValue? {
        switch type {
        case .string, .timestamp: return .int(7)
        case .bool: return .int(1)
        case .int, .double: return .string("1")
        case .json: return nil
        case .list: return .object([:])
        case .map: return .array([])
        case .named(let name):
            if case .model = contract.namedType(name) { return .array([]) }
            return .int(1)
        }
    }

    /// The values a rule or guard is enumerated over for `field`: every enum value, both booleans, a
    /// few numbers, the empty and a non-empty string, two instants, null when the field is nullable; any
    /// other type keeps its ordinary value. Nil when that leaves a single value.
    func smallValueSet(of field: Field) -> [JSONValue]? {
        var values: [JSONValue]
        switch field.type {
        case .bool: values = [.bool(false), .bool(true)]
        case .int: values = [.int(-1), .int(0), .int(1), .int(2), .int(3), .int(5)]
        case .double: values = [.double(-1.5), .double(0), .double(1.5)]
        case .string: values = [.string(""), .string("text")]
        case .timestamp: values = [.string("2026-01-01T00:00:00Z"), .string(Self.timestamp)]
        case .named(let name):
            if let wire = contract.namedType(name)?.wireValues {
                values = wire.map { .string($0) }
            } else {
                values = [value(of: field.type)]
            }
        default:
            values = [value(of: field.type)]
        }
        if field.isNullable || field.type == .json { values.append(.null) }
        var seen = Set<JSONValue>()
        values = values.filter { seen.insert($0).inserted }
        return values.count > 1 ? values : nil
    }

    /// The rule value a reader sees for `value` in a field of `type`, as the run-time interpreter reads it.
    func ruleValue(_ value: JSONValue, of type: FieldType) -> RuleValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i):
            if type == .double { return .double(Double(i)) }
            return .int(i)
        case .double(let d): return .double(d)
        case .string(let s):
            switch type {
            case .timestamp:
                return RFC3339Timestamp.parse(s).map { .timestamp($0.timeIntervalSince1970) } ?? .other
            case .named: return .enumValue(s)
            default: return .string(s)
            }
        case .array, .object: return .other
        }
    }
}
