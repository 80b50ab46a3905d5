import ContractSchema

/// Checks the new contract version against the changes, by semantic versioning: a breaking change
/// needs a major bump (a minor bump while the major version is 0), any other change at least a patch.
enum VersionCheck {
    /// The finding when the new version does not match `changes`, or nil when it does.
    static func check(old: Contract, new: Contract, changes: [SchemaChange]) -> SchemaChange? {
        guard !changes.isEmpty else { return nil }
        let a = old.version, b = new.version
        let breaking = changes.contains { $0.changeClass.isBreaking }
        if breaking {
            let enough = a.major == 0 ? (b.major > a.major || (b.major == a.major && b.minor > a.minor)) : b.major > a.major
            guard !enough else { return nil }
            let needed = a.major == 0 ? SemanticVersion(major: 0, minor: a.minor + 1, patch: 0)
                                      : SemanticVersion(major: a.major + 1, minor: 0, patch: 0)
            let kind: ChangeKind = b > a ? .versionBumpTooSmall : .versionNotRaised
            return SchemaChange(kind: kind, changeClass: .version, subject: new.name,
                                message: "the contract has breaking changes, so its version must rise to at least \(needed) (\(a.major == 0 ? "minor" : "major") bump); it is \(b), was \(a)",
                                old: old.location, new: new.location)
        }
        guard b <= a else { return nil }
        return SchemaChange(kind: .versionNotRaised, changeClass: .version, subject: new.name,
                            message: "the contract changed compatibly, so its version must rise above \(a) (a minor or patch bump); it is \(b)",
                            old: old.location, new: new.location)
    }
}
