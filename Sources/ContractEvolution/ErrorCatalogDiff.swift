import ContractSchema

/// Compares error catalogs: codes added, removed or renamed, a code's name, category, retryable flag,
/// status and message, and the normalize table.
///
/// Catalogs are closed enums, so a new code breaks consumers. A changed category, retryable flag or
/// status is a behavioural change: consumers decide how to react from them.
enum ErrorCatalogDiff {
    static func compare(old: Contract, new: Contract, into changes: inout ChangeList) {
        for c in old.errorCatalogs where new.errorCatalog(named: c.name) == nil {
            changes.add(.errorCatalogRemoved, .breakingForBoth, c.name,
                        "error catalog `\(c.name)` was removed: its codes are no longer valid and code using it no longer compiles",
                        old: c.location, new: new.location)
        }
        for c in new.errorCatalogs where old.errorCatalog(named: c.name) == nil {
            changes.add(.errorCatalogAdded, .compatible, c.name, "error catalog `\(c.name)` was added",
                        old: old.location, new: c.location)
        }
        for c in old.errorCatalogs {
            guard let updated = new.errorCatalog(named: c.name) else { continue }
            compare(c, updated, into: &changes)
        }
    }

    private static func compare(_ old: ErrorCatalog, _ new: ErrorCatalog, into changes: inout ChangeList) {
        let name = old.name
        let removed = old.codes.filter { new.code($0.code) == nil }
        let added = new.codes.filter { old.code($0.code) == nil }
        let matched = RenameMatching.match(removed: removed, added: added) { a, b in
            a.name == b.name || (a.doc != nil && a.doc == b.doc)
        }
        for pair in matched.renamed {
            changes.add(.errorCodeRenamed, .breakingForBoth, "\(name).\(pair.old.code)",
                        "code `\(pair.old.code)` (\(pair.old.name)) of `\(name)` looks renamed to `\(pair.new.code)` (\(pair.new.name)): the old wire value is no longer valid",
                        old: pair.old.location, new: pair.new.location)
        }
        for code in matched.removed {
            changes.add(.errorCodeRemoved, .breakingForBoth, "\(name).\(code.code)",
                        "code `\(code.code)` (\(code.name)) was removed from `\(name)`: producers sending it are rejected and consumers lose it",
                        old: code.location, new: new.location)
        }
        for code in matched.added {
            changes.add(.errorCodeAdded, .breakingForConsumers, "\(name).\(code.code)",
                        "code `\(code.code)` (\(code.name)) was added to `\(name)`: consumers' exhaustive switches and validators do not know it",
                        old: old.location, new: code.location)
        }
        for code in old.codes {
            guard let updated = new.code(code.code) else { continue }
            compare(code, updated, catalog: name, into: &changes)
        }
        let renamedTo = Dictionary(matched.renamed.map { ($0.old.code, $0.new.code) }, uniquingKeysWith: { a, _ in a })
        compareNormalize(old, new, renamedTo: renamedTo, into: &changes)
    }

    private static func compare(_ old: ErrorCodeDefinition, _ new: ErrorCodeDefinition, catalog: String,
                                into changes: inout ChangeList) {
        let subject = "\(catalog).\(old.code)"
        if old.name != new.name {
            changes.add(.errorCodeNameChanged, .breakingForBoth, subject,
                        "code `\(old.code)` is now named `\(new.name)` instead of `\(old.name)`: the wire value is unchanged but the Swift case is renamed",
                        old: old.location, new: new.location)
        }
        if old.category != new.category {
            changes.add(.errorCodeCategoryChanged, .breakingForConsumers, subject,
                        "the category of `\(old.code)` changed from \(old.category.rawValue) to \(new.category.rawValue) (behavioural change: consumers react by category)",
                        old: old.location, new: new.location)
        }
        if old.isRetryable != new.isRetryable {
            changes.add(.errorCodeRetryableChanged, .breakingForConsumers, subject,
                        "`\(old.code)` is \(new.isRetryable ? "now" : "no longer") retryable (behavioural change: consumers decide whether to retry)",
                        old: old.location, new: new.location)
        }
        if old.status != new.status {
            changes.add(.errorCodeStatusChanged, .breakingForConsumers, subject,
                        "the status of `\(old.code)` changed from \(old.status.map { "`\($0)`" } ?? "none") to \(new.status.map { "`\($0)`" } ?? "none") (behavioural change: records it stops end elsewhere)",
                        old: old.statusLocation ?? old.location, new: new.statusLocation ?? new.location)
        }
        if old.message != new.message {
            changes.add(.errorCodeMessageChanged, .compatible, subject,
                        "the default message of `\(old.code)` changed",
                        old: old.location, new: new.location)
        }
    }

    /// Compares the normalize tables; a code that was renamed counts as the same code.
    private static func compareNormalize(_ old: ErrorCatalog, _ new: ErrorCatalog, renamedTo: [String: String],
                                         into changes: inout ChangeList) {
        for kind in NormalizeTable.Kind.allCases {
            let a = old.normalize?.code(for: kind), b = new.normalize?.code(for: kind)
            guard a.map({ renamedTo[$0] ?? $0 }) != b else { continue }
            let oldLocation = old.normalize?.entries.first { $0.kind == kind }?.location ?? old.normalize?.location ?? old.location
            let newLocation = new.normalize?.entries.first { $0.kind == kind }?.location ?? new.normalize?.location ?? new.location
            changes.add(.normalizeChanged, .breakingForConsumers, "\(old.name).normalize.\(kind.rawValue)",
                        "\(kind.rawValue) failures now become \(b.map { "`\($0)`" } ?? "no code") instead of \(a.map { "`\($0)`" } ?? "no code") (behavioural change: consumers see another code for the same failure)",
                        old: oldLocation, new: newLocation)
        }
    }
}
