import ContractSchema

/// Compares two versions of a contract and classifies every change by who it breaks.
///
/// Each construct has its own comparison (`LifecycleDiff`, `EnumDiff`, `ErrorCatalogDiff`,
/// `ModelDiff`, `RuleDiff`); `VersionCheck` then checks the new version number against the changes.
public enum ContractDiff {
    /// Every change from `old` to `new`, in schema order (lifecycles, enums, catalogs, models), followed
    /// by the version finding when the version does not match the changes.
    public static func compare(old: Contract, new: Contract) -> [SchemaChange] {
        var changes = ChangeList(old: old, new: new)
        if old.name != new.name {
            changes.add(.contractRenamed, .compatible, new.name,
                        "the contract was renamed from `\(old.name)` to `\(new.name)` (not on the wire)",
                        old: old.location, new: new.location)
        }
        LifecycleDiff.compare(old: old, new: new, into: &changes)
        EnumDiff.compare(old: old, new: new, into: &changes)
        ErrorCatalogDiff.compare(old: old, new: new, into: &changes)
        ModelDiff.compare(old: old, new: new, into: &changes)
        if let finding = VersionCheck.check(old: old, new: new, changes: changes.items) {
            changes.items.append(finding)
        }
        return changes.items
    }
}

/// The changes found so far, with the two contracts for locating the side where a thing is missing.
struct ChangeList {
    let old: Contract
    let new: Contract
    var items: [SchemaChange] = []

    mutating func add(_ kind: ChangeKind, _ changeClass: ChangeClass, _ subject: String, _ message: String,
                      old: SourceLocation, new: SourceLocation) {
        items.append(SchemaChange(kind: kind, changeClass: changeClass, subject: subject, message: message,
                                  old: old, new: new))
    }
}

/// Pairs a removed item with an added one that looks the same (a rename candidate).
enum RenameMatching {
    /// Removed and added items, with each removed item paired with the first unpaired added item for
    /// which `isSame` holds; pairs are reported as renames instead of a removal and an addition.
    static func match<T>(removed: [T], added: [T], isSame: (T, T) -> Bool)
        -> (renamed: [(old: T, new: T)], removed: [T], added: [T]) {
        var remainingAdded = added
        var renamed: [(old: T, new: T)] = []
        var stillRemoved: [T] = []
        for item in removed {
            if let index = remainingAdded.firstIndex(where: { isSame(item, $0) }) {
                renamed.append((item, remainingAdded.remove(at: index)))
            } else {
                stillRemoved.append(item)
            }
        }
        return (renamed, stillRemoved, remainingAdded)
    }
}

/// Whether two expressions (given as parsed expression and source text) say the same thing.
func sameExpression(_ a: RuleExpression?, _ aSource: String, _ b: RuleExpression?, _ bSource: String) -> Bool {
    if let a, let b { return a.shape == b.shape }
    return aSource.split(whereSeparator: \.isWhitespace) == bSource.split(whereSeparator: \.isWhitespace)
}
