import ContractSchema

/// Compares plain enums: values added, removed or renamed, and enums opened or closed.
///
/// A closed enum gaining a value breaks consumers (exhaustive switches and validators refuse it); an
/// open enum keeps unknown values, so gaining one is compatible.
enum EnumDiff {
    static func compare(old: Contract, new: Contract, into changes: inout ChangeList) {
        for e in old.enums where new.enumeration(named: e.name) == nil {
            changes.add(.enumRemoved, .breakingForBoth, e.name,
                        "enum `\(e.name)` was removed: its values are no longer valid and code using it no longer compiles",
                        old: e.location, new: new.location)
        }
        for e in new.enums where old.enumeration(named: e.name) == nil {
            changes.add(.enumAdded, .compatible, e.name, "enum `\(e.name)` was added", old: old.location, new: e.location)
        }
        for e in old.enums {
            guard let updated = new.enumeration(named: e.name) else { continue }
            compare(e, updated, into: &changes)
        }
    }

    private static func compare(_ old: EnumDefinition, _ new: EnumDefinition, into changes: inout ChangeList) {
        let name = old.name
        if !old.isOpen && new.isOpen {
            changes.add(.enumOpened, .breakingForConsumers, name,
                        "enum `\(name)` became open: consumers may receive values outside the list (an `unknown` case appears in Swift)",
                        old: old.location, new: new.location)
        } else if old.isOpen && !new.isOpen {
            changes.add(.enumClosed, .breakingForBoth, name,
                        "enum `\(name)` became closed: producers sending values outside the list are rejected, and consumers lose the `unknown` case",
                        old: old.location, new: new.location)
        }
        let removed = old.values.filter { v in !new.values.contains { $0.name == v.name } }
        let added = new.values.filter { v in !old.values.contains { $0.name == v.name } }
        let matched = RenameMatching.match(removed: removed, added: added) { a, b in a.doc != nil && a.doc == b.doc }
        for pair in matched.renamed {
            changes.add(.enumValueRenamed, .breakingForBoth, "\(name).\(pair.old.name)",
                        "value `\(pair.old.name)` of `\(name)` looks renamed to `\(pair.new.name)` (same doc): the old wire value is no longer valid",
                        old: pair.old.location, new: pair.new.location)
        }
        for value in matched.removed {
            // An open enum still accepts the value on the wire, but consumers lose the case they matched on.
            let changeClass: ChangeClass = new.isOpen ? .breakingForConsumers : .breakingForBoth
            let effect = new.isOpen ? "consumers lose the case (the open enum still reads it as unknown)"
                                    : "producers sending it are rejected and consumers lose it"
            changes.add(.enumValueRemoved, changeClass, "\(name).\(value.name)",
                        "value `\(value.name)` was removed from `\(name)`: \(effect)",
                        old: value.location, new: new.location)
        }
        for value in matched.added {
            if new.isOpen {
                changes.add(.enumValueAdded, .compatible, "\(name).\(value.name)",
                            "value `\(value.name)` was added to open enum `\(name)`; consumers keep it as unknown",
                            old: old.location, new: value.location)
            } else {
                changes.add(.enumValueAdded, .breakingForConsumers, "\(name).\(value.name)",
                            "value `\(value.name)` was added to closed enum `\(name)`: consumers' exhaustive switches and validators do not know it",
                            old: old.location, new: value.location)
            }
        }
    }
}
