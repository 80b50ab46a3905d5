import ContractRuntime
import ContractSchema

/// A contract schema built at random and valid by construction, as an editable value that
/// ``yaml`` writes out.
///
/// Valid by construction means: every lifecycle state is reachable from the initial state, terminal
/// states have an outcome and no exits, every other state has an exit; names are distinct once
/// converted to Swift and none is reserved; every reference (states, codes, types, record models,
/// retry counters) resolves; defaults have their field's type; rules and guards type-check; no model
/// contains itself except through a list or map. Names include YAML words that must stay text where a
/// name is expected (`no`, `on`, `true`, `1.10`, `E001`).
public struct RandomContract {
    /// One state of a lifecycle.
    public struct State {
        public var name: String
        public var isTerminal: Bool
        public var outcome: ContractRuntime.Outcome?
        public var doc: String?
    }

    /// A move between two states; `guard` is a `when:` condition over the lifecycle's record.
    public struct Edge {
        public var from: String
        public var to: String
        public var guardExpression: RuleExpression?

        public init(from: String, to: String, guardExpression: RuleExpression? = nil) {
            self.from = from
            self.to = to
            self.guardExpression = guardExpression
        }
    }

    /// `retry:` of a lifecycle.
    public struct Retry {
        public var maxRetries: Int
        public var initialDelayMs: Int
        public var maxDelayMs: Int
        public var multiplier: Double?
        public var jitter: String?
        public var counter: String?
    }

    public struct Lifecycle {
        public var name: String
        public var doc: String?
        public var initial: String
        public var states: [State]
        public var edges: [Edge]
        public var legacy: [(value: String, state: String)]
        public var record: String?
        public var retry: Retry?
    }

    public struct Enumeration {
        public var name: String
        public var isOpen: Bool?
        public var values: [String]
        public var documented: Bool
    }

    public struct Code {
        public var code: String
        public var name: String
        public var category: String
        public var isRetryable: Bool
        public var message: String?
        public var status: String?

        public init(code: String, name: String, category: String, isRetryable: Bool, message: String?, status: String?) {
            self.code = code
            self.name = name
            self.category = category
            self.isRetryable = isRetryable
            self.message = message
            self.status = status
        }
    }

    public struct Catalog {
        public var name: String
        public var pattern: String?
        /// Written as `lifecycle:`; may be left out when the contract has exactly one lifecycle.
        public var lifecycle: String?
        public var codes: [Code]
        public var normalize: [(kind: String, code: String)]?

        public init(name: String, pattern: String?, lifecycle: String?, codes: [Code], normalize: [(kind: String, code: String)]?) {
            self.name = name
            self.pattern = pattern
            self.lifecycle = lifecycle
            self.codes = codes
            self.normalize = normalize
        }
    }

    public struct Field {
        public var name: String
        public var type: FieldType
        public var isNullable: Bool
        public var isRequired: Bool
        /// The YAML text of `default:`, when there is one.
        public var defaultText: String?
    }

    public struct Rule {
        public var id: String
        public var check: RuleExpression
        public var message: String?
    }

    public struct Model {
        public var name: String
        public var fields: [Field]
        public var rules: [Rule]
        public var additionalKeys: String?
    }

    public var name: String
    public var version: String
    public var doc: String?
    public var lifecycles: [Lifecycle] = []
    public var enums: [Enumeration] = []
    public var catalogs: [Catalog] = []
    public var models: [Model] = []
}

// MARK: - Generation

extension RandomContract {
    /// A random valid contract; `minimumLifecycleStates`, when given, guarantees a first lifecycle with
    /// at least that many states and at least one terminal state (for mutation tests).
    public init(using random: inout SplitMix64, minimumLifecycleStates: Int? = nil) {
        var names = NameSource()
        name = names.typeName(using: &random)
        version = "\(random.int(in: 0...3)).\(random.int(in: 0...20)).\(random.int(in: 0...9))"
        doc = random.chance(0.5) ? RandomRule.randomText(using: &random) : nil
        for _ in 0..<random.int(in: 0...2) {
            enums.append(Self.enumeration(names: &names, using: &random))
        }
        let lifecycleCount = random.int(in: minimumLifecycleStates == nil ? 0...3 : 1...3)
        for index in 0..<lifecycleCount {
            let minimum = index == 0 ? minimumLifecycleStates : nil
            lifecycles.append(Self.lifecycle(names: &names, minimumStates: minimum, using: &random))
        }
        for _ in 0..<random.int(in: 0...2) {
            catalogs.append(catalog(names: &names, using: &random))
        }
        var modelNames: [String] = []
        for _ in 0..<random.int(in: 0...3) { modelNames.append(names.typeName(using: &random)) }
        for (index, modelName) in modelNames.enumerated() {
            models.append(model(modelName, index: index, allModels: modelNames, names: &names, using: &random))
        }
        for index in lifecycles.indices where !models.isEmpty && random.chance(0.5) {
            attachRecord(to: index, using: &random)
        }
    }

    static func enumeration(names: inout NameSource, using random: inout SplitMix64) -> Enumeration {
        Enumeration(name: names.typeName(using: &random), isOpen: random.chance(0.5) ? random.chance(0.5) : nil,
                    values: (0..<random.int(in: 1...6)).map { _ in names.valueName(using: &random) },
                    documented: random.chance(0.5))
    }

    /// A lifecycle whose graph is valid by construction: a random spanning tree from the initial state
    /// through non-terminal states, an exit for every non-terminal state, then random extra edges.
    static func lifecycle(names: inout NameSource, minimumStates: Int?, using random: inout SplitMix64) -> Lifecycle {
        let count = random.int(in: (minimumStates ?? 1)...max(minimumStates ?? 1, 9))
        var states: [State] = []
        for index in 0..<count {
            // The first state (the initial one, placed first in the tree) is terminal only when alone.
            let terminal = count == 1 ? random.chance(0.5) : index > 0 && random.chance(0.35)
            states.append(State(name: names.valueName(using: &random), isTerminal: terminal,
                                outcome: terminal ? random.pick(ContractRuntime.Outcome.allCases) : nil,
                                doc: random.chance(0.3) ? RandomRule.randomText(using: &random) : nil))
        }
        if minimumStates != nil, !states.contains(where: \.isTerminal) {
            states[count - 1].isTerminal = true
            states[count - 1].outcome = random.pick(ContractRuntime.Outcome.allCases)
        }
        var edges: [Edge] = []
        func hasEdge(_ from: String, _ to: String) -> Bool { edges.contains { $0.from == from && $0.to == to } }
        // Spanning tree: each later state hangs off an earlier non-terminal state.
        for index in states.indices.dropFirst() {
            let parents = states[..<index].filter { !$0.isTerminal }
            edges.append(Edge(from: random.pick(parents).name, to: states[index].name))
        }
        for state in states where !state.isTerminal {
            if !edges.contains(where: { $0.from == state.name }) {
                edges.append(Edge(from: state.name, to: random.pick(states).name))
            }
            for _ in 0..<random.int(in: 0...2) {
                let target = random.pick(states).name
                if !hasEdge(state.name, target) { edges.append(Edge(from: state.name, to: target)) }
            }
        }
        edges.shuffle(using: &random)
        let initial = states[0].name
        // The initial state need not be listed first.
        states.shuffle(using: &random)
        var legacy: [(value: String, state: String)] = []
        for _ in 0..<random.int(in: 0...2) {
            legacy.append((names.legacyName(using: &random), random.pick(states).name))
        }
        return Lifecycle(name: names.typeName(using: &random), doc: random.chance(0.5) ? RandomRule.randomText(using: &random) : nil,
                         initial: initial, states: states, edges: edges, legacy: legacy, record: nil,
                         retry: random.chance(0.3) ? retry(counter: nil, using: &random) : nil)
    }

    static func retry(counter: String?, using random: inout SplitMix64) -> Retry {
        let initial = random.int(in: 0...86_400_000)
        let anyMultiplier = Double(random.int(in: 1...100))
        return Retry(maxRetries: random.int(in: 0...1000), initialDelayMs: initial, maxDelayMs: random.int(in: initial...86_400_000),
                     multiplier: random.chance(0.5) ? random.pick([1, 1.5, 2, 10, 100, anyMultiplier]) : nil,
                     jitter: random.chance(0.5) ? random.pick(["none", "full", "equal"]) : nil, counter: counter)
    }

    func model(_ name: String, index: Int, allModels: [String], names: inout NameSource,
               using random: inout SplitMix64) -> Model {
        var fields: [Field] = []
        for _ in 0..<random.int(in: 1...7) {
            let type = fieldType(depth: 0, model: index, allModels: allModels, using: &random)
            let nullable = random.chance(0.3)
            var field = Field(name: names.fieldName(using: &random), type: type, isNullable: nullable,
                              isRequired: random.chance(0.8), defaultText: nil)
            if !field.isRequired || random.chance(0.3) {
                field.defaultText = defaultText(for: type, nullable: nullable, using: &random)
            }
            if !field.isRequired && field.defaultText == nil && !nullable { field.isRequired = true }
            fields.append(field)
        }
        var model = Model(name: name, fields: fields, rules: [],
                          additionalKeys: random.chance(0.3) ? random.pick(["allow", "reject"]) : nil)
        let rules = RandomRule(scope: scope(of: model))
        for _ in 0..<random.int(in: 0...3) {
            model.rules.append(Rule(id: names.ruleID(using: &random), check: rules.condition(depth: 3, using: &random),
                                    message: random.chance(0.5) ? RandomRule.randomText(minimumLength: 1, using: &random) : nil))
        }
        return model
    }

    /// A field type; model `model` refers directly only to earlier models, so no model contains itself
    /// except through a list or map.
    func fieldType(depth: Int, model: Int, allModels: [String], using random: inout SplitMix64) -> FieldType {
        var choices: [FieldType] = [.string, .bool, .int, .double, .timestamp, .json]
        choices += lifecycles.map { .named($0.name) } + enums.map { .named($0.name) } + catalogs.map { .named($0.name) }
        choices += allModels[..<model].map { .named($0) }
        if depth < 2, random.chance(0.2) {
            let element = random.chance(0.3) && !allModels.isEmpty
                ? .named(random.pick(allModels)) : fieldType(depth: depth + 1, model: model, allModels: allModels, using: &random)
            return random.chance(0.5) ? .list(element) : .map(element)
        }
        return random.pick(choices)
    }

    /// A `default:` of the field's type, in YAML; nil when the type takes none.
    func defaultText(for type: FieldType, nullable: Bool, using random: inout SplitMix64) -> String? {
        if nullable && random.chance(0.4) { return "null" }
        switch type {
        case .string: return YAMLText.quoted(RandomRule.randomText(using: &random))
        case .bool: return random.chance(0.5) ? "true" : "false"
        case .int: return String(RandomRule.int(using: &random))
        case .double: return String(RandomRule.finiteDouble(using: &random))
        case .timestamp, .json: return nullable ? "null" : nil
        case .list: return "[]"
        case .map: return "{}"
        case .named(let name):
            if let values = wireValues(of: name) { return random.pick(values) }
            return nullable ? "null" : nil
        }
    }

    func catalog(names: inout NameSource, using random: inout SplitMix64) -> Catalog {
        let style = random.int(in: 0...2)
        let patterns = ["E[0-9]{3}", "[0-9]{3}", "[A-Z]+_[0-9]+"]
        var lifecycle: Lifecycle?
        var lifecycleName: String?
        if lifecycles.count == 1 {
            lifecycle = lifecycles[0]
            if random.chance(0.5) { lifecycleName = lifecycle?.name }
        } else if !lifecycles.isEmpty, random.chance(0.7) {
            lifecycle = random.pick(lifecycles)
            lifecycleName = lifecycle?.name
        }
        var codes: [Code] = []
        for _ in 0..<random.int(in: 1...5) {
            let number = names.codeNumber()
            let code = [padded(number, prefix: "E"), padded(number, prefix: ""), "ERR_\(number)"][style]
            codes.append(Code(code: code, name: names.fieldName(using: &random), category: random.pick(ContractRuntime.ErrorCategory.allCases).rawValue,
                              isRetryable: random.chance(0.5), message: random.chance(0.5) ? RandomRule.randomText(minimumLength: 1, using: &random) : nil,
                              status: lifecycle.flatMap { random.chance(0.6) ? random.pick($0.states).name : nil }))
        }
        var normalize: [(kind: String, code: String)]?
        if random.chance(0.6) {
            normalize = [("default", random.pick(codes).code)]
            for kind in ["validation", "timeout", "cancellation", "retry_exhausted"] where random.chance(0.5) {
                normalize?.append((kind, random.pick(codes).code))
            }
        }
        return Catalog(name: names.typeName(using: &random), pattern: random.chance(0.7) ? patterns[style] : nil,
                       lifecycle: lifecycleName, codes: codes, normalize: normalize)
    }

    /// Gives lifecycle `index` a record model, guards over its fields and maybe a retry counter.
    mutating func attachRecord(to index: Int, using random: inout SplitMix64) {
        let model = random.pick(models)
        lifecycles[index].record = model.name
        let rules = RandomRule(scope: scope(of: model))
        for e in lifecycles[index].edges.indices where random.chance(0.4) {
            lifecycles[index].edges[e].guardExpression = rules.condition(depth: 2, using: &random)
        }
        let counters = model.fields.filter { if case .int = $0.type { !$0.isNullable } else { false } }
        if !counters.isEmpty, random.chance(0.6) {
            lifecycles[index].retry = Self.retry(counter: random.pick(counters).name, using: &random)
        }
    }

    // MARK: Types as the rule language sees them

    /// The wire values of a lifecycle, enum or error catalog called `name`.
    public func wireValues(of name: String) -> [String]? {
        if let l = lifecycles.first(where: { $0.name == name }) { return l.states.map(\.name) }
        if let e = enums.first(where: { $0.name == name }) { return e.values }
        if let c = catalogs.first(where: { $0.name == name }) { return c.codes.map(\.code) }
        return nil
    }

    /// The rule-language type of a field type.
    public func ruleType(_ type: FieldType) -> RuleType {
        switch type {
        case .string: .string
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .timestamp: .timestamp
        case .json: .json
        case .list(let t): .list(ruleType(t))
        case .map(let t): .map(ruleType(t))
        case .named(let name): wireValues(of: name).map { .enumeration(name: name, values: $0) } ?? .model(name)
        }
    }

    /// What rules and guards over `model` may read.
    public func scope(of model: Model) -> RuleScope {
        RuleScope(modelName: model.name, fields: model.fields.map {
            ($0.name, RuleOperand(type: ruleType($0.type), isNullable: $0.isNullable))
        })
    }
}

/// `prefix` and `number` padded to three digits: `E007`.
private func padded(_ number: Int, prefix: String) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
}

/// Distinct names for everything a random contract names.
///
/// Every generated name ends in a counter no other name of its kind shares, so names stay distinct
/// after conversion to Swift (`ready_3` and `READY_3` would not) and never equal a reserved member.
/// A few YAML words that must stay text (`no`, `on`, `true`, `1.10`, `E001`) are used once each.
struct NameSource {
    private var counter = 0
    private var unusedWords = ["no", "on", "off", "yes", "y", "n", "true", "false", "1.10", "E001", "0x1F", "NaN"]

    private mutating func next() -> Int {
        counter += 1
        return counter
    }

    mutating func typeName(using random: inout SplitMix64) -> String {
        random.pick(["Order", "Task", "Run", "Step", "Job", "Feed"]) + random.pick(["", "Status", "Kind", "Result"]) + String(next())
    }

    /// A state or enum value: snake_case, SCREAMING_CASE, lowerCamel, or a YAML word.
    mutating func valueName(using random: inout SplitMix64) -> String {
        if !unusedWords.isEmpty, random.chance(0.15) {
            return unusedWords.remove(at: random.int(in: 0...(unusedWords.count - 1)))
        }
        let word = random.pick(["pending", "running", "done", "failed", "queued", "ready", "paused", "review", "timedOut", "in_flight"])
        let n = next()
        switch random.int(in: 0...2) {
        case 0: return "\(word)_\(n)"
        case 1: return "\(word.uppercased())_\(n)"
        default: return "\(word)\(n)"
        }
    }

    mutating func legacyName(using random: inout SplitMix64) -> String {
        "legacy_" + random.pick(["success", "error", "ok"]) + "_\(next())"
    }

    mutating func fieldName(using random: inout SplitMix64) -> String {
        let word = random.pick(["step", "count", "message", "started_at", "retryCount", "payload", "flag"])
        return "\(word)_\(next())"
    }

    mutating func ruleID(using random: inout SplitMix64) -> String {
        "rule_\(next())"
    }

    mutating func codeNumber() -> Int { next() }
}
