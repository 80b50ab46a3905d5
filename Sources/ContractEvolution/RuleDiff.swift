import ContractSchema

/// Compares a model's rules by id.
///
/// An added rule can only make records invalid, so it breaks producers. A removed rule lets more
/// records through: compatible for producers, but consumers lose a guarantee they may rely on, so it
/// is classed as breaking for consumers. A changed rule may tighten and loosen at once, so it breaks
/// both. A rule whose expression moved to another id is a rename: compatible, though the validation
/// category `rule:<id>` changes.
enum RuleDiff {
    static func compare(_ old: Model, _ new: Model, into changes: inout ChangeList) {
        let name = old.name
        let removed = old.rules.filter { r in !new.rules.contains { $0.id == r.id } }
        let added = new.rules.filter { r in !old.rules.contains { $0.id == r.id } }
        let matched = RenameMatching.match(removed: removed, added: added) { a, b in
            sameExpression(a.expression, a.source, b.expression, b.source)
        }
        for pair in matched.renamed {
            changes.add(.ruleRenamed, .compatible, "\(name).\(pair.old.id)",
                        "rule `\(pair.old.id)` of `\(name)` was renamed to `\(pair.new.id)` (same expression); its validation category changes",
                        old: pair.old.location, new: pair.new.location)
        }
        for rule in matched.removed {
            changes.add(.ruleRemoved, .breakingForConsumers, "\(name).\(rule.id)",
                        "rule `\(rule.id)` (`\(rule.source)`) was removed from `\(name)`: producers are unaffected, but consumers lose the guarantee",
                        old: rule.location, new: new.location)
        }
        for rule in matched.added {
            changes.add(.ruleAdded, .breakingForProducers, "\(name).\(rule.id)",
                        "rule `\(rule.id)` (`\(rule.source)`) was added to `\(name)`: producers' records that break it become invalid",
                        old: old.location, new: rule.location)
        }
        for rule in old.rules {
            guard let updated = new.rules.first(where: { $0.id == rule.id }) else { continue }
            if !sameExpression(rule.expression, rule.source, updated.expression, updated.source) {
                changes.add(.ruleChanged, .breakingForBoth, "\(name).\(rule.id)",
                            "rule `\(rule.id)` changed from `\(rule.source)` to `\(updated.source)`: it may both reject records it accepted and accept records consumers relied on it to reject",
                            old: rule.checkLocation, new: updated.checkLocation)
            }
        }
    }
}
