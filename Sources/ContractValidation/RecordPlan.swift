import ContractRuntime
import Foundation
import ContractSchema

/// A model compiled for validating records at run time, without generating code.
///
/// Plans for models that refer to each other (through lists or maps) refer to each other too, without
/// counting: the plan a ``RecordValidator`` holds owns the others (``owned``).
final class ModelPlan {
    let name: String
    var allowsAdditionalKeys = false
    /// The fields and rules, in memory the plan owns once ``seal(fields:rules:)`` has set them: the
    /// validator reads them for every record, and reading an array property of a class would retain
    /// and release the array each time.
    private(set) var fields = UnsafeMutableBufferPointer<FieldPlan>(start: nil, count: 0)
    private(set) var rules = UnsafeMutableBufferPointer<RulePlan>(start: nil, count: 0)
    /// The index of each field by wire name, for rule evaluation.
    var fieldIndex: [String: Int] = [:]
    /// The fields' wire names, for finding each key's field by its bytes; set with the fields.
    private(set) var keys = UTF8Table([])
    /// In the plan a validator holds: every other plan object its types refer to, directly or not (they
    /// refer to each other without counting, so that plans of models that refer to each other are freed).
    var owned: [AnyObject] = []

    init(name: String) {
        self.name = name
    }

    /// Sets the fields and rules, once: plans are made empty first, so that they can refer to each other.
    func seal(fields: [FieldPlan], rules: [RulePlan]) {
        precondition(self.fields.baseAddress == nil && self.rules.baseAddress == nil, "a model plan is sealed once")
        self.fields = .allocate(capacity: fields.count)
        _ = self.fields.initialize(from: fields)
        self.rules = .allocate(capacity: rules.count)
        _ = self.rules.initialize(from: rules)
        keys = UTF8Table(fields.map(\.name))
    }

    deinit {
        fields.deinitialize().deallocate()
        rules.deinitialize().deallocate()
    }
}

/// One field of a ``ModelPlan``.
struct FieldPlan {
    let name: String
    let type: TypePlan
    let isNullable: Bool
    let isRequired: Bool
    /// The value rules see when the key is absent (`required: false`).
    let absentValue: RuleValue
    /// Whether any rule reads the value itself; other values (those of fields that rules only test against
    /// null, too) are checked but not kept: a string is not copied out of the line for them.
    var isReadByRules = false
}

/// A compiled rule.
struct RulePlan {
    let id: String
    let expression: RuleExpression
    let message: String
    /// The expression with its fields resolved to their indices among the model's fields.
    let compiled: RuleEvaluator.Compiled
}

/// What a value must be. It holds no counted reference (``PlanReference``), so reading a field's type out
/// of its plan, once per field of every record, costs no reference counting.
enum TypePlan {
    case string, bool, int, double, timestamp, json
    case list(PlanReference<ElementPlan>)
    case map(PlanReference<ElementPlan>)
    /// A lifecycle, enum or error catalog.
    case enumeration(PlanReference<EnumerationPlan>)
    case model(PlanReference<ModelPlan>)

    /// How messages name the type.
    var description: String {
        switch self {
        case .string: String.jsonDescription
        case .bool: Bool.jsonDescription
        case .int: Int64.jsonDescription
        case .double: Double.jsonDescription
        case .timestamp: Date.jsonDescription
        case .json: JSONValue.jsonDescription
        case .list: [JSONValue].jsonDescription
        case .map: [String: JSONValue].jsonDescription
        case .enumeration(let plan): ValueWording.wireValue(of: plan.object.name)
        case .model(let plan): ValueWording.object(of: plan.object.name)
        }
    }
}

/// A plan object referred to without counting: the root ``ModelPlan`` of a validator owns every plan
/// object its types refer to (``ModelPlan/owned``), and a reference is only read while the validator is.
struct PlanReference<Object: AnyObject> {
    private let unmanaged: Unmanaged<Object>

    init(_ object: Object) {
        unmanaged = .passUnretained(object)
    }

    /// The object, as a counted reference.
    var object: Object { unmanaged.takeUnretainedValue() }

    /// Calls `body` with the object, without counting a reference for the call (``object`` retains and
    /// releases it around each use: twice an enumeration field of every record).
    @inline(__always)
    func withObject<Result>(_ body: (Object) throws -> Result) rethrows -> Result {
        try unmanaged._withUnsafeGuaranteedRef(body)
    }
}

/// The type of a list's or map's elements, in an object of its own so that ``TypePlan`` needs no box.
final class ElementPlan {
    let type: TypePlan

    init(_ type: TypePlan) {
        self.type = type
    }
}

/// The values of a lifecycle, enum or error catalog, matched by their UTF-8 bytes so that a record's
/// value is found without making a `String` of it.
final class EnumerationPlan {
    let name: String
    /// The wire values, in schema order.
    let values: [String]
    /// `values` as a set, for values that are not byte for byte one of them.
    let valueSet: Set<String>
    /// Legacy values: old wire value → the current one it stands for.
    let legacy: [String: String]
    let isOpen: Bool
    /// `values`, found by their UTF-8 bytes.
    let table: UTF8Table

    init(name: String, values: [String], legacy: [String: String], isOpen: Bool) {
        self.name = name
        self.values = values
        valueSet = Set(values)
        self.legacy = legacy
        self.isOpen = isOpen
        table = UTF8Table(values)
    }
}

/// Builds plans from a linted contract.
enum PlanBuilder {
    /// The plan for `modelName` and every model it reaches.
    static func plan(for modelName: String, in contract: Contract) -> ModelPlan? {
        guard contract.model(named: modelName) != nil else { return nil }
        var plans: [String: ModelPlan] = [:]
        var owned: [AnyObject] = []
        for model in contract.models { plans[model.name] = ModelPlan(name: model.name) }
        for model in contract.models {
            guard let plan = plans[model.name] else { continue }
            plan.allowsAdditionalKeys = model.allowsAdditionalKeys
            var fields = model.fields.map { field in
                FieldPlan(name: field.name,
                          type: typePlan(field.type, contract: contract, plans: plans, owned: &owned),
                          isNullable: field.isNullable, isRequired: field.isRequired,
                          absentValue: absentValue(of: field))
            }
            for (index, field) in fields.enumerated() { plan.fieldIndex[field.name] = index }
            let rules = model.rules.map { rule in
                let expression = rule.expression
                // Names resolve to the fields the expression references, as `RuleEvaluator.evaluate` would
                // be told by a lookup over `referencedFields`; anything else reads as null.
                let fieldIndex = plan.fieldIndex
                let referenced = Set(expression.referencedFields)
                let compiled = RuleEvaluator.Compiled(expression) { referenced.contains($0) ? fieldIndex[$0] : nil }
                for index in compiled.fieldsReadByValue { fields[index].isReadByRules = true }
                return RulePlan(id: rule.id, expression: expression,
                                message: rule.message ?? "the record breaks rule \(rule.id): \(rule.source)",
                                compiled: compiled)
            }
            plan.seal(fields: fields, rules: rules)
        }
        guard let root = plans[modelName] else { return nil }
        root.owned = owned + plans.values.filter { $0 !== root }
        return root
    }

    /// The plan of `type`; the objects it makes go in `owned`.
    private static func typePlan(_ type: FieldType, contract: Contract, plans: [String: ModelPlan],
                                 owned: inout [AnyObject]) -> TypePlan {
        func reference<Object: AnyObject>(_ object: Object) -> PlanReference<Object> {
            owned.append(object)
            return PlanReference(object)
        }
        switch type {
        case .string: return .string
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .timestamp: return .timestamp
        case .json: return .json
        case .list(let element): return .list(reference(ElementPlan(typePlan(element, contract: contract, plans: plans, owned: &owned))))
        case .map(let element): return .map(reference(ElementPlan(typePlan(element, contract: contract, plans: plans, owned: &owned))))
        case .named(let name):
            switch contract.namedType(name) {
            case .lifecycle(let l)?:
                return .enumeration(reference(EnumerationPlan(
                    name: l.name, values: l.states.map(\.name),
                    legacy: Dictionary(l.legacy.map { ($0.value, $0.state) }, uniquingKeysWith: { a, _ in a }), isOpen: false)))
            case .enumeration(let e)?:
                return .enumeration(reference(EnumerationPlan(name: e.name, values: e.values.map(\.name), legacy: [:], isOpen: e.isOpen)))
            case .errorCatalog(let c)?:
                return .enumeration(reference(EnumerationPlan(name: c.name, values: c.codes.map(\.code), legacy: [:], isOpen: false)))
            case .model(let m)?:
                if let plan = plans[m.name] { return .model(PlanReference(plan)) }  // The plans are owned apart.
                return .json
            case nil:
                return .json  // Unreachable for a linted contract.
            }
        }
    }

    private static func absentValue(of field: Field) -> RuleValue {
        switch field.defaultValue {
        case .null?, nil: return .null
        case .bool(let b)?: return .bool(b)
        case .int(let i)?: return .int(i)
        case .double(let d)?: return .double(d)
        case .string(let s)?: return .string(s)
        case .enumValue(let v)?: return .enumValue(v)
        case .emptyList?, .emptyMap?: return .other
        }
    }
}
