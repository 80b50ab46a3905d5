import ContractSchema

/// Compares models: fields added, removed or renamed, a field's type, nullability, presence on the
/// wire and default, the additional-keys policy, and (through `RuleDiff`) the rules.
///
/// Which side a field change breaks:
/// - added: producers when the key is required on the wire (old records lack it); consumers when the
///   model rejects unknown keys (old readers refuse the new key).
/// - removed: consumers (they lose the value); producers too when the model rejects unknown keys.
/// - nullable false→true and required→optional break consumers (null or an absent key may arrive);
///   the reverse breaks producers (what they send becomes invalid).
enum ModelDiff {
    static func compare(old: Contract, new: Contract, into changes: inout ChangeList) {
        for m in old.models where new.model(named: m.name) == nil {
            changes.add(.modelRemoved, .breakingForBoth, m.name,
                        "model `\(m.name)` was removed: its records are no longer described and code using it no longer compiles",
                        old: m.location, new: new.location)
        }
        for m in new.models where old.model(named: m.name) == nil {
            changes.add(.modelAdded, .compatible, m.name, "model `\(m.name)` was added", old: old.location, new: m.location)
        }
        for m in old.models {
            guard let updated = new.model(named: m.name) else { continue }
            compare(m, updated, into: &changes)
            RuleDiff.compare(m, updated, into: &changes)
        }
    }

    private static func compare(_ old: Model, _ new: Model, into changes: inout ChangeList) {
        let name = old.name
        if !old.allowsAdditionalKeys && new.allowsAdditionalKeys {
            changes.add(.additionalKeysAllowed, .breakingForConsumers, name,
                        "`\(name)` now allows additional keys: consumers that reject unknown keys may receive records with keys they do not know",
                        old: old.location, new: new.location)
        } else if old.allowsAdditionalKeys && !new.allowsAdditionalKeys {
            changes.add(.additionalKeysRejected, .breakingForProducers, name,
                        "`\(name)` now rejects additional keys: records carrying keys that are not fields become invalid",
                        old: old.location, new: new.location)
        }
        let removed = old.fields.filter { new.field(named: $0.name) == nil }
        let added = new.fields.filter { old.field(named: $0.name) == nil }
        let matched = RenameMatching.match(removed: removed, added: added) { a, b in a.type == b.type && a.doc == b.doc }
        for pair in matched.renamed {
            changes.add(.fieldRenamed, .breakingForBoth, "\(name).\(pair.old.name)",
                        "field `\(pair.old.name)` of `\(name)` looks renamed to `\(pair.new.name)` (same type and doc): the wire key changes",
                        old: pair.old.location, new: pair.new.location)
        }
        for field in matched.removed {
            let changeClass: ChangeClass = new.allowsAdditionalKeys ? .breakingForConsumers : .breakingForBoth
            let producers = new.allowsAdditionalKeys ? "" : ", and producers still sending the key are rejected (unknown keys are refused)"
            changes.add(.fieldRemoved, changeClass, "\(name).\(field.name)",
                        "field `\(field.name)` was removed from `\(name)`: consumers lose it\(producers)",
                        old: field.location, new: new.location)
        }
        for field in matched.added {
            let breaksProducers = field.isRequired
            let breaksConsumers = !old.allowsAdditionalKeys
            var reasons: [String] = []
            if breaksProducers { reasons.append("producers' records without the key become invalid (it is required on the wire)") }
            if breaksConsumers { reasons.append("consumers that reject unknown keys refuse records carrying it") }
            changes.add(.fieldAdded, ChangeClass(consumers: breaksConsumers, producers: breaksProducers), "\(name).\(field.name)",
                        "field `\(field.name)` (\(field.type)) was added to `\(name)`" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")),
                        old: old.location, new: field.location)
        }
        for field in old.fields {
            guard let updated = new.field(named: field.name) else { continue }
            compare(field, updated, model: name, into: &changes)
        }
    }

    private static func compare(_ old: Field, _ new: Field, model: String, into changes: inout ChangeList) {
        let subject = "\(model).\(old.name)"
        if old.type != new.type {
            changes.add(.fieldTypeChanged, .breakingForBoth, subject,
                        "the type of `\(old.name)` changed from \(old.type) to \(new.type)",
                        old: old.typeLocation, new: new.typeLocation)
        }
        if !old.isNullable && new.isNullable {
            changes.add(.fieldBecameNullable, .breakingForConsumers, subject,
                        "`\(old.name)` became nullable: consumers may receive null", old: old.location, new: new.location)
        } else if old.isNullable && !new.isNullable {
            changes.add(.fieldBecameNonNullable, .breakingForProducers, subject,
                        "`\(old.name)` is no longer nullable: producers sending null are rejected", old: old.location, new: new.location)
        }
        if old.isRequired && !new.isRequired {
            changes.add(.fieldBecameOptional, .breakingForConsumers, subject,
                        "`\(old.name)` may now be absent on the wire: consumers requiring the key refuse records without it",
                        old: old.location, new: new.location)
        } else if !old.isRequired && new.isRequired {
            changes.add(.fieldBecameRequired, .breakingForProducers, subject,
                        "`\(old.name)` is now required on the wire: producers omitting the key are rejected",
                        old: old.location, new: new.location)
        }
        switch (old.defaultValue, new.defaultValue) {
        case (nil, nil):
            break
        case (nil, let d?):
            changes.add(.fieldDefaultAdded, .compatible, subject, "`\(old.name)` now defaults to \(d)",
                        old: old.location, new: new.location)
        case (let d?, nil):
            changes.add(.fieldDefaultRemoved, .breakingForProducers, subject,
                        "`\(old.name)` no longer defaults to \(d): producers' code that relied on the default must now pass a value",
                        old: old.location, new: new.location)
        case (let a?, let b?):
            guard !sameDefault(a, b) else { break }
            // The default is the Swift initializer's; when the key may be absent, decoders fill it in too.
            let changeClass: ChangeClass = new.isRequired ? .breakingForProducers : .breakingForBoth
            let readers = new.isRequired ? "" : ", and consumers read an absent key as the new value"
            changes.add(.fieldDefaultChanged, changeClass, subject,
                        "the default of `\(old.name)` changed from \(a) to \(b): records built without the argument carry another value\(readers)",
                        old: old.location, new: new.location)
        }
    }
}

/// Whether two defaults are the same value; `0` and `0.0` are when a field's type changes from int to double.
private func sameDefault(_ a: DefaultValue, _ b: DefaultValue) -> Bool {
    switch (a, b) {
    case let (.int(i), .double(d)), let (.double(d), .int(i)): Double(i) == d
    default: a == b
    }
}

extension ChangeClass {
    /// The class for a change that breaks consumers, producers, both or neither.
    init(consumers: Bool, producers: Bool) {
        switch (consumers, producers) {
        case (true, true): self = .breakingForBoth
        case (true, false): self = .breakingForConsumers
        case (false, true): self = .breakingForProducers
        case (false, false): self = .compatible
        }
    }
}
