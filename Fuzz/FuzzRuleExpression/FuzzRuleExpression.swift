import ContractSchema

// Fuzz target for the rule expression language (`scripts/fuzz.sh FuzzRuleExpression SECONDS`).
//
// Every input, read as UTF-8 text, is parsed; a parsed rule is type-checked against a model with a field
// of every kind (with and without one whose type failed to resolve), and both the parsed and the resolved
// rule are evaluated on several records by both evaluators, the reference interpreter
// (`RuleEvaluator.evaluate`) and the compiled form `contractgen validate` runs (`RuleEvaluator.Compiled`),
// which must give the same verdict. A rule without type problems has no unresolved name.
// Nothing may crash, the tree may be at most the parser's depth limit deep, and every span (of an
// error, a problem or a subexpression) must lie within the text, since lint turns spans into columns.
// A violated expectation is reported by `fatalError`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleExpression(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let length = text.unicodeScalars.count
    let maxDepth = 64
    switch RuleParser.parse(text, maxLength: 4096, maxDepth: maxDepth) {
    case .failure(let error):
        // Too long a text is reported from the limit to its end; every other error lies within the text.
        if error.span.lowerBound < 0 || error.span.upperBound > length {
            fail("syntax error span \(error.span) outside the text of \(length) scalars", text)
        }
    case .success(let parsed):
        let height = checkSpans(parsed, within: 0..<length, text)
        if height > maxDepth { fail("a tree \(height) deep passed the depth limit \(maxDepth)", text) }
        for scope in [sampler, samplerWithUnknownField] {
            let (resolved, problems) = RuleTypeChecker.check(parsed, in: scope)
            for problem in problems where problem.span.lowerBound < 0 || problem.span.upperBound > length {
                fail("type problem span \(problem.span) outside the text of \(length) scalars", text)
            }
            _ = checkSpans(resolved, within: 0..<length, text)
            // A field whose type failed to resolve was reported already, and silences what follows from it.
            if problems.isEmpty, !resolved.isResolved, scope.fields.count == sampler.fields.count {
                fail("a rule without problems kept an unresolved name", text)
            }
            for record in records {
                checkEvaluatorsAgree(resolved, on: record, text)
            }
        }
        for record in records {
            checkEvaluatorsAgree(parsed, on: record, text)
        }
    }
    return 0
}

/// Traps unless the reference interpreter and the compiled evaluator give `e` the same verdict on `record`
/// (fields missing from the record read as null in both).
private func checkEvaluatorsAgree(_ e: RuleExpression, on record: [String: RuleValue], _ text: String) {
    let reference = RuleEvaluator.evaluate(e) { record[$0] ?? .null }
    let compiled = RuleEvaluator.Compiled(e) { fieldIndex[$0] }
    let values = fieldNames.map { record[$0] ?? .null }
    let fast = values.withUnsafeBufferPointer { compiled.evaluate($0) }
    if fast != reference {
        fail("the compiled evaluator says \(fast), the interpreter \(reference), on \(record)", text)
    }
}

/// Traps unless `e` and its subexpressions lie within `bounds`, each inside its parent; returns the
/// tree's height (a leaf is 1).
private func checkSpans(_ e: RuleExpression, within bounds: Range<Int>, _ text: String) -> Int {
    guard e.span.lowerBound >= bounds.lowerBound, e.span.upperBound <= bounds.upperBound else {
        fail("span \(e.span) of \(e.kind) outside \(bounds)", text)
    }
    switch e.kind {
    case .name, .field, .enumValue, .null, .bool, .int, .double, .string:
        return 1
    case .not(let operand):
        return 1 + checkSpans(operand, within: e.span, text)
    case .binary(_, let left, let right):
        return 1 + max(checkSpans(left, within: e.span, text), checkSpans(right, within: e.span, text))
    case .membership(let subject, let items, _):
        return 1 + items.reduce(checkSpans(subject, within: e.span, text)) { max($0, checkSpans($1, within: e.span, text)) }
    }
}

private let status = RuleType.enumeration(name: "Status", values: [
    "pending", "running", "completed", "cancelled", "timed_out", "failed", "queued", "succeeded", "error",
    "timeout", "canceled", "PENDING", "SPLITTING", "READY", "QUEUED", "COMPLETED", "FAILED", "BLOCKED", "done",
])
private let errorCode = RuleType.enumeration(name: "ErrorCode", values: ["E001", "E002", "E003", "timeout", "canceled"])

/// A model with a field of every kind, named as in the seed schemas so their rules type-check.
private let sampler = RuleScope(modelName: "Sampler", fields: [
    ("step", RuleOperand(type: .string, isNullable: false)),
    ("result", RuleOperand(type: .json, isNullable: false)),
    ("output", RuleOperand(type: .json, isNullable: true)),
    ("completed", RuleOperand(type: .bool, isNullable: false)),
    ("flag", RuleOperand(type: .bool, isNullable: true)),
    ("message", RuleOperand(type: .string, isNullable: false)),
    ("id", RuleOperand(type: .string, isNullable: false)),
    ("status", RuleOperand(type: status, isNullable: false)),
    ("previous", RuleOperand(type: status, isNullable: true)),
    ("error_code", RuleOperand(type: errorCode, isNullable: true)),
    ("error_message", RuleOperand(type: .string, isNullable: true)),
    ("retry_count", RuleOperand(type: .int, isNullable: false)),
    ("max_retries", RuleOperand(type: .int, isNullable: false)),
    ("agent_id", RuleOperand(type: .int, isNullable: true)),
    ("amount", RuleOperand(type: .double, isNullable: false)),
    ("duration_ms", RuleOperand(type: .double, isNullable: true)),
    ("started_at", RuleOperand(type: .timestamp, isNullable: false)),
    ("finished_at", RuleOperand(type: .timestamp, isNullable: true)),
    ("tags", RuleOperand(type: .list(.string), isNullable: false)),
    ("labels", RuleOperand(type: .map(.string), isNullable: true)),
    ("owner", RuleOperand(type: .model("Owner"), isNullable: true)),
])

/// The sampler plus a field whose type failed to resolve, as in a schema with a type error.
private let samplerWithUnknownField = RuleScope(
    modelName: "Sampler", fields: sampler.fields + [("mystery", RuleOperand(type: .unknown, isNullable: false))])

/// Field values for evaluation; fields missing here read as null.
private let filled: [String: RuleValue] = [
    "step": .string("a"), "result": .other, "completed": .bool(true), "flag": .bool(false), "message": .string(""),
    "id": .string("x"), "status": .enumValue("completed"), "error_code": .enumValue("E001"), "retry_count": .int(2),
    "max_retries": .int(3), "agent_id": .int(Int64.min), "amount": .double(-0.0), "duration_ms": .double(.nan),
    "started_at": .timestamp(0), "finished_at": .timestamp(-1.5), "tags": .other, "mystery": .int(Int64.max),
]

/// The records every rule is evaluated on: typical values, all null, and values at the edges of each kind
/// (NaN, infinities, the extreme integers, integers a double cannot hold exactly).
private let records: [[String: RuleValue]] = [
    filled, [:],
    ["completed": .bool(false), "status": .enumValue("failed"), "error_code": .null, "retry_count": .int(Int64.max),
     "max_retries": .int(Int64.min), "amount": .double(.infinity), "duration_ms": .double(9_223_372_036_854_775_807.0),
     "agent_id": .int(9_007_199_254_740_993), "started_at": .timestamp(.nan), "finished_at": .timestamp(.infinity),
     "message": .string("E001"), "step": .enumValue("a"), "flag": .null, "mystery": .other],
    ["retry_count": .int(0), "max_retries": .int(0), "amount": .double(0), "duration_ms": .double(-.infinity),
     "agent_id": .int(-1), "status": .enumValue("timed_out"), "previous": .enumValue("timed_out"),
     "error_code": .enumValue("timeout"), "error_message": .string(""), "mystery": .null],
]

/// Every field name the sampler scopes know, in a fixed order: the compiled evaluator reads values by index.
private let fieldNames = samplerWithUnknownField.fields.map(\.0)
private let fieldIndex = Dictionary(uniqueKeysWithValues: fieldNames.enumerated().map { ($1, $0) })

private func fail(_ message: String, _ text: String) -> Never {
    fatalError("FuzzRuleExpression: \(message); input \(text.debugDescription)")
}
