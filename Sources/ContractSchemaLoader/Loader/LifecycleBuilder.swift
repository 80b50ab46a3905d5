internal import ContractRuntime
import ContractSchema

/// Reads one entry of `lifecycles:`.
struct LifecycleBuilder {
    let reader: SchemaReader

    static let allowedKeys = ["doc", "initial", "states", "transitions", "legacy", "record", "retry"]
    static let stateKeys = ["doc", "terminal", "outcome"]
    static let transitionKeys = ["to", "when"]
    static let retryKeys = ["max_retries", "initial_delay_ms", "multiplier", "max_delay_ms", "jitter", "counter"]

    func build(name: YAMLScalar, node: YAMLNode) -> Lifecycle? {
        let what = "lifecycle `\(name.value)`"
        guard let keys = reader.keyed(node, allowed: Self.allowedKeys, required: ["initial", "states"], what: what,
                                      owner: name.location) else { return nil }
        var initial = ""
        var initialLocation = keys.location
        if let node = keys["initial"], let s = reader.text(node, what: "the initial state of \(what)") {
            initial = s.value
            initialLocation = s.location
        }
        // What could not be read is reported here; the linter then skips checks that would only repeat it.
        var graphUnread = false
        let states = keys["states"].map { self.states($0, lifecycle: name.value, unread: &graphUnread) } ?? []
        // No states beside an unknown key: that key may well have been meant as `states`.
        let statesUnread = keys["states"].map(reader.isUnreadableMapping) ?? true || states.isEmpty && keys.hasUnknownKeys
        var transitions: [Transition] = []
        if let node = keys["transitions"] {
            graphUnread = graphUnread || reader.isUnreadableMapping(node)
            for entry in reader.mappingEntries(node, what: "the transitions of \(what)") {
                transitions += self.transitions(from: entry.key, node: entry.value, lifecycle: name.value, unread: &graphUnread)
            }
        } else if keys.hasUnknownKeys {
            // An unknown key may well be the transitions, misspelled beyond recognition.
            graphUnread = true
        }
        var legacy: [LegacyAlias] = []
        if let node = keys["legacy"] {
            for entry in reader.mappingEntries(node, what: "the legacy values of \(what)") {
                if let target = reader.text(entry.value, what: "the state legacy value `\(entry.key.value)` maps to") {
                    legacy.append(LegacyAlias(value: entry.key.value, state: target.value, location: entry.key.location,
                                              stateLocation: target.location))
                }
            }
        }
        let record = keys["record"].flatMap { reader.text($0, what: "the record model of \(what)") }
        let retry = keys["retry"].flatMap { retryPolicy($0, lifecycle: name.value) }
        var lifecycle = Lifecycle(name: name.value, doc: reader.doc(keys["doc"], what: what), initial: initial, states: states,
                         transitions: transitions, legacy: legacy, record: record?.value, retry: retry,
                         location: name.location, initialLocation: initialLocation)
        lifecycle.recordLocation = record?.location
        if statesUnread { reader.notes.unreadStates.insert(name.location) }
        if graphUnread || statesUnread { reader.notes.incompleteGraphs.insert(name.location) }
        return lifecycle
    }

    /// The states; one whose settings cannot be read still exists (so references to it hold), and sets `unread`.
    private func states(_ node: YAMLNode, lifecycle: String, unread: inout Bool) -> [State] {
        reader.mappingEntries(node, what: "the states of lifecycle `\(lifecycle)`").compactMap { entry in
            let what = "state `\(entry.key.value)`"
            if case .scalar(let s) = entry.value, s.isNull {
                return State(name: entry.key.value, doc: nil, isTerminal: false, outcome: nil, location: entry.key.location)
            }
            guard let keys = reader.keyed(entry.value, allowed: Self.stateKeys, what: what, owner: entry.key.location)
            else {
                unread = true
                return State(name: entry.key.value, doc: nil, isTerminal: false, outcome: nil, location: entry.key.location)
            }
            // An unreadable `terminal:` or `outcome:` is reported once; the state is then read as the schema
            // evidently meant it (terminal when it has an outcome; the outcome a typo is closest to), so the
            // graph checks do not add follow-on findings.
            let terminal = keys["terminal"].map { reader.bool($0, what: "`terminal` of \(what)") ?? (keys["outcome"] != nil) } ?? false
            let outcome = keys["outcome"].flatMap { node in
                reader.choice(node, what: "outcome", plural: "outcomes", of: Outcome.self) ?? {
                    guard case .scalar(let s) = node else { return nil }
                    return Suggestion.closest(to: s.value, among: Outcome.allCases.map(\.rawValue)).flatMap(Outcome.init(rawValue:))
                }()
            }
            if keys["outcome"] != nil { reader.notes.writtenOutcomes.insert(entry.key.location) }
            return State(name: entry.key.value, doc: reader.doc(keys["doc"], what: what), isTerminal: terminal,
                         outcome: outcome, location: entry.key.location)
        }
    }

    private func transitions(from: YAMLScalar, node: YAMLNode, lifecycle: String, unread: inout Bool) -> [Transition] {
        let targets: [YAMLNode]
        switch node {
        case .sequence(let s):
            targets = s.items
        case .scalar(let s) where !s.isNull:
            reader.error("the transitions from `\(from.value)` must be a list, like `\(from.value): [\(s.value)]`", at: s.location)
            unread = true
            return []
        default:
            reader.error("the transitions from `\(from.value)` must be a list of states, found \(reader.describe(node))",
                         at: node.location)
            unread = true
            return []
        }
        let read = targets.compactMap { item -> Transition? in
            if case .scalar = item {
                guard let target = reader.text(item, what: "a transition target") else { return nil }
                return Transition(from: from.value, to: target.value, location: target.location, fromLocation: from.location)
            }
            let what = "the transition from `\(from.value)`"
            guard let keys = reader.keyed(item, allowed: Self.transitionKeys, required: ["to"], what: what),
                  let toNode = keys["to"], let target = reader.text(toNode, what: "`to` of \(what)") else { return nil }
            // The guard joins the transition once it type-checks against the record (LifecycleLint).
            if let whenNode = keys["when"], let guardText = reader.text(whenNode, what: "the guard of \(what)") {
                reader.notes.writtenGuards[target.location] = guardText
            }
            return Transition(from: from.value, to: target.value, location: target.location, fromLocation: from.location)
        }
        unread = unread || read.count < targets.count
        return read
    }

    private func retryPolicy(_ node: YAMLNode, lifecycle: String) -> RetryDeclaration? {
        let what = "the retry policy of lifecycle `\(lifecycle)`"
        guard let keys = reader.keyed(node, allowed: Self.retryKeys, required: ["max_retries", "initial_delay_ms", "max_delay_ms"],
                                      what: what) else { return nil }
        let day = 86_400_000
        let maxRetries = keys["max_retries"].flatMap { reader.integer($0, what: "`max_retries`", in: 0...1000) }
        let initial = keys["initial_delay_ms"].flatMap { reader.integer($0, what: "`initial_delay_ms`", in: 0...day) }
        let cap = keys["max_delay_ms"].flatMap { reader.integer($0, what: "`max_delay_ms`", in: 0...day) }
        let multiplier = keys["multiplier"].map { reader.number($0, what: "`multiplier`", in: 1...100) } ?? 2
        let jitter = keys["jitter"].map { reader.choice($0, what: "jitter", plural: "jitter modes", of: RetryPolicy.Jitter.self) } ?? RetryPolicy.Jitter.none
        let counter = keys["counter"].flatMap { reader.text($0, what: "`counter`") }
        guard let maxRetries, let initial, let cap, let multiplier, let jitter else { return nil }
        if cap < initial, let location = keys["max_delay_ms"]?.location {
            reader.error("`max_delay_ms` (\(cap)) is smaller than `initial_delay_ms` (\(initial))", at: location)
        }
        let policy = RetryPolicy(maxRetries: maxRetries, initialDelay: .milliseconds(initial), multiplier: multiplier,
                                 maxDelay: .milliseconds(cap), jitter: jitter)
        return RetryDeclaration(policy: policy, counterField: counter?.value, counterLocation: counter?.location,
                                location: keys.location)
    }
}
