import ContractSchema

/// Compares lifecycles: states, terminal flags and outcomes, the initial state, transitions and their
/// guards, legacy values and retry policies.
enum LifecycleDiff {
    static func compare(old: Contract, new: Contract, into changes: inout ChangeList) {
        for lifecycle in old.lifecycles where new.lifecycle(named: lifecycle.name) == nil {
            changes.add(.lifecycleRemoved, .breakingForBoth, lifecycle.name,
                        "lifecycle `\(lifecycle.name)` was removed: its values are no longer valid and code using it no longer compiles",
                        old: lifecycle.location, new: new.location)
        }
        for lifecycle in new.lifecycles where old.lifecycle(named: lifecycle.name) == nil {
            changes.add(.lifecycleAdded, .compatible, lifecycle.name, "lifecycle `\(lifecycle.name)` was added",
                        old: old.location, new: lifecycle.location)
        }
        for lifecycle in old.lifecycles {
            guard let updated = new.lifecycle(named: lifecycle.name) else { continue }
            compare(lifecycle, updated, into: &changes)
        }
    }

    private static func compare(_ old: Lifecycle, _ new: Lifecycle, into changes: inout ChangeList) {
        let name = old.name
        let removed = old.states.filter { new.state(named: $0.name) == nil }
        let added = new.states.filter { old.state(named: $0.name) == nil }
        let matched = RenameMatching.match(removed: removed, added: added) { a, b in
            a.doc != nil && a.doc == b.doc && a.isTerminal == b.isTerminal && a.outcome == b.outcome
        }
        // Old state names as the new schema spells them, so a renamed state's transitions are not
        // reported again as removed and added.
        var renamedTo: [String: String] = [:]
        for pair in matched.renamed {
            renamedTo[pair.old.name] = pair.new.name
            changes.add(.stateRenamed, .breakingForBoth, "\(name).\(pair.old.name)",
                        "state `\(pair.old.name)` of `\(name)` looks renamed to `\(pair.new.name)` (same doc and terminal flag): "
                            + "the old wire value is no longer valid and the new one is unknown to consumers",
                        old: pair.old.location, new: pair.new.location)
        }
        for state in matched.removed {
            changes.add(.stateRemoved, .breakingForBoth, "\(name).\(state.name)",
                        "state `\(state.name)` was removed from `\(name)`: producers sending it are rejected and consumers lose it",
                        old: state.location, new: new.location)
        }
        for state in matched.added {
            changes.add(.stateAdded, .breakingForConsumers, "\(name).\(state.name)",
                        "state `\(state.name)` was added to `\(name)`: consumers may receive a value their exhaustive switches and validators do not know",
                        old: old.location, new: state.location)
        }
        for state in old.states {
            guard let updated = new.state(named: state.name) else { continue }
            let subject = "\(name).\(state.name)"
            if !state.isTerminal && updated.isTerminal {
                changes.add(.stateBecameTerminal, .breakingForBoth, subject,
                            "state `\(state.name)` became terminal: producers can no longer move a record out of it, and consumers see records end where they used to continue",
                            old: state.location, new: updated.location)
            } else if state.isTerminal && !updated.isTerminal {
                changes.add(.stateNoLongerTerminal, .breakingForConsumers, subject,
                            "state `\(state.name)` is no longer terminal: consumers treating it as final may see the record change again",
                            old: state.location, new: updated.location)
            } else if state.isTerminal, state.outcome != updated.outcome {
                changes.add(.stateOutcomeChanged, .breakingForConsumers, subject,
                            "the outcome of `\(state.name)` changed from \(state.outcome?.rawValue ?? "none") to \(updated.outcome?.rawValue ?? "none") (behavioural change for consumers)",
                            old: state.location, new: updated.location)
            }
        }
        if (renamedTo[old.initial] ?? old.initial) != new.initial {
            changes.add(.initialStateChanged, .breakingForBoth, name,
                        "the initial state of `\(name)` changed from `\(old.initial)` to `\(new.initial)`: new records start elsewhere",
                        old: old.initialLocation, new: new.initialLocation)
        }
        compareTransitions(old, new, renamedTo: renamedTo, removedStates: Set(matched.removed.map(\.name)),
                           addedStates: Set(matched.added.map(\.name)), into: &changes)
        compareLegacy(old, new, into: &changes)
        if old.retry != new.retry, !(old.retry.map { same($0, new.retry) } ?? false) {
            changes.add(.retryPolicyChanged, .compatible, name,
                        "the retry policy of `\(name)` changed from \(describe(old.retry)) to \(describe(new.retry)) (behavioural change, not on the wire)",
                        old: old.retry?.location ?? old.location, new: new.retry?.location ?? new.location)
        }
    }

    /// Compares transitions; moves to or from a removed or added state are covered by that state's
    /// change and not listed again.
    private static func compareTransitions(_ old: Lifecycle, _ new: Lifecycle, renamedTo: [String: String],
                                           removedStates: Set<String>, addedStates: Set<String>,
                                           into changes: inout ChangeList) {
        let name = old.name
        func key(_ t: Transition, renaming: Bool) -> String {
            renaming ? "\(renamedTo[t.from] ?? t.from)->\(renamedTo[t.to] ?? t.to)" : "\(t.from)->\(t.to)"
        }
        let newByKey = Dictionary(new.transitions.map { (key($0, renaming: false), $0) }, uniquingKeysWith: { a, _ in a })
        let oldKeys = Set(old.transitions.map { key($0, renaming: true) })
        for t in old.transitions where !removedStates.contains(t.from) && !removedStates.contains(t.to) {
            let subject = "\(name).\(t.from)->\(t.to)"
            guard let updated = newByKey[key(t, renaming: true)] else {
                changes.add(.transitionRemoved, .breakingForProducers, subject,
                            "transition `\(t.from) -> \(t.to)` was removed from `\(name)`: producers making this move are rejected",
                            old: t.location, new: new.state(named: t.from)?.location ?? new.location)
                continue
            }
            switch (t.condition, updated.condition) {
            case (nil, nil):
                break
            case (nil, let g?):
                changes.add(.transitionGuardAdded, .breakingForProducers, subject,
                            "transition `\(t.from) -> \(t.to)` now requires `\(g.source)`: producers making it without the condition are rejected",
                            old: t.location, new: g.location)
            case (let g?, nil):
                changes.add(.transitionGuardRemoved, .breakingForConsumers, subject,
                            "transition `\(t.from) -> \(t.to)` no longer requires `\(g.source)`: consumers lose that guarantee",
                            old: g.location, new: updated.location)
            case (let a?, let b?):
                if !sameExpression(a.expression, a.source, b.expression, b.source) {
                    changes.add(.transitionGuardChanged, .breakingForBoth, subject,
                                "the guard of `\(t.from) -> \(t.to)` changed from `\(a.source)` to `\(b.source)`",
                                old: a.location, new: b.location)
                }
            }
        }
        for t in new.transitions where !oldKeys.contains(key(t, renaming: false))
            && !addedStates.contains(t.from) && !addedStates.contains(t.to) {
            changes.add(.transitionAdded, .breakingForConsumers, "\(name).\(t.from)->\(t.to)",
                        "transition `\(t.from) -> \(t.to)` was added to `\(name)`: consumers may observe a move they do not expect",
                        old: old.state(named: t.from)?.location ?? old.location, new: t.location)
        }
    }

    private static func compareLegacy(_ old: Lifecycle, _ new: Lifecycle, into changes: inout ChangeList) {
        let name = old.name
        for alias in old.legacy {
            let subject = "\(name).\(alias.value)"
            guard let updated = new.legacy.first(where: { $0.value == alias.value }) else {
                changes.add(.legacyValueRemoved, .breakingForConsumers, subject,
                            "legacy value `\(alias.value)` of `\(name)` was removed: stored records that use it can no longer be read",
                            old: alias.location, new: new.location)
                continue
            }
            if updated.state != alias.state {
                changes.add(.legacyValueChanged, .breakingForConsumers, subject,
                            "legacy value `\(alias.value)` of `\(name)` now means `\(updated.state)` instead of `\(alias.state)`",
                            old: alias.stateLocation, new: updated.stateLocation)
            }
        }
        for alias in new.legacy where !old.legacy.contains(where: { $0.value == alias.value }) {
            changes.add(.legacyValueAdded, .compatible, "\(name).\(alias.value)",
                        "legacy value `\(alias.value)` (read as `\(alias.state)`) was added to `\(name)`",
                        old: old.location, new: alias.location)
        }
    }

    /// Whether two policies retry the same way (locations aside).
    private static func same(_ a: RetryDeclaration, _ b: RetryDeclaration?) -> Bool {
        guard let b else { return false }
        return a.policy == b.policy && a.counterField == b.counterField
    }

    private static func describe(_ retry: RetryDeclaration?) -> String {
        guard let retry else { return "none" }
        let p = retry.policy
        return "{max_retries: \(p.maxRetries), initial_delay_ms: \(retry.initialDelayMilliseconds), multiplier: \(p.multiplier), "
            + "max_delay_ms: \(retry.maxDelayMilliseconds), jitter: \(p.jitter.rawValue)}"
    }
}
