import ContractRuntime
import ContractSchema
import ContractValidation

/// The vectors of one lifecycle: its facts (initial, terminal states and outcomes, legacy values), the
/// whole from×to matrix, and each guarded move with records for which its guard holds and fails.
struct LifecycleVectors {
    let contract: Contract
    let lifecycle: Lifecycle
    let cache: ValidatorCache

    /// The lifecycle's facts as one vector.
    func facts() -> JSONValue {
        let states: [JSONValue] = lifecycle.states.map { state in
            .object(JSONObject([("state", .string(state.name)), ("terminal", .bool(state.isTerminal)),
                                ("outcome", state.outcome.map { .string($0.rawValue) } ?? .null)]))
        }
        let legacy: [JSONValue] = lifecycle.legacy.map {
            .object(JSONObject([("value", .string($0.value)), ("state", .string($0.state))]))
        }
        return .object(JSONObject([("id", .string(lifecycle.name)), ("lifecycle", .string(lifecycle.name)), ("initial", .string(lifecycle.initial)),
                                   ("states", .array(states)), ("legacy", .array(legacy))]))
    }

    /// One row of the from×to matrix per state: the states the schema lets it move to (guards aside), in
    /// schema order; every state missing from `allowed_to` is a move the lifecycle must refuse. Rows, not
    /// one vector per pair, keep a lifecycle of n states at n vectors.
    func matrix() -> [JSONValue] {
        var targets: [String: [String]] = [:]
        for transition in lifecycle.transitions where !(targets[transition.from]?.contains(transition.to) ?? false) {
            targets[transition.from, default: []].append(transition.to)
        }
        return lifecycle.states.map { from in
            .object(JSONObject([("id", .string("\(lifecycle.name)/\(from.name)")), ("lifecycle", .string(lifecycle.name)),
                                ("from", .string(from.name)),
                                ("allowed_to", .array((targets[from.name] ?? []).map { .string($0) }))]))
        }
    }

    /// Each guarded move with valid records of the lifecycle's record model, enumerated over the small
    /// value sets of the fields its guard reads: whether the move is allowed and, if not, the unmet guard.
    func guardedMoves() -> [JSONValue] {
        guard let recordName = lifecycle.record, let model = contract.model(named: recordName),
              let records = RecordVectors(model: model, cache: cache),
              let validator = cache.validator(for: recordName, acceptingLegacy: false) else { return [] }
        let samples = records.samples
        let base = records.validBase()
        var out: [JSONValue] = []
        for transition in lifecycle.transitions {
            guard let condition = transition.condition else { continue }
            let names = RecordVectors.fieldNames(condition.expression)
            for assignment in records.combinations(names, base: base) {
                let text = (try? JSONValue.object(assignment.record).jsonString()) ?? "{}"
                // Only records a reader accepts: a guard is evaluated on a decoded record.
                guard validator.validate(Array(text.utf8)) == nil else { continue }
                let holds = RuleEvaluator.evaluate(condition.expression) { name in
                    guard let field = model.field(named: name) else { return .null }
                    return samples.ruleValue(assignment.record[name] ?? .null, of: field.type)
                }
                out.append(.object(JSONObject([
                    ("id", .string("\(lifecycle.name)/\(transition.from)->\(transition.to)/\(assignment.label)")),
                    ("lifecycle", .string(lifecycle.name)), ("from", .string(transition.from)),
                    ("to", .string(transition.to)), ("model", .string(recordName)), ("record", .string(text)),
                    ("allowed", .bool(holds)), ("unmet_guard", holds ? .null : .string(condition.source)),
                ])))
            }
        }
        return out
    }
}
