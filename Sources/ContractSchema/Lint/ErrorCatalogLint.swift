/// Checks one error catalog: pattern, code names, statuses and the normalize table.
struct ErrorCatalogLint {
    let reader: SchemaReader
    let types: TypeResolver

    func lint(_ catalog: ErrorCatalog) {
        let what = "error catalog `\(catalog.name)`"
        if catalog.codes.isEmpty && !catalog.codesUnread && catalog.unreadCodes.isEmpty {
            reader.error("\(what) has no codes", at: catalog.location)
        }
        checkPattern(catalog)
        var seenNames: [String: SourceLocation] = [:]
        for code in catalog.codes {
            if !SwiftNaming.isFieldName(code.name) {
                reader.error("name `\(code.name)` of code `\(code.code)` must be letters, digits and underscores, like `validation_error`",
                             at: code.location)
            }
            if let first = seenNames[code.name] {
                reader.error("duplicate error name `\(code.name)` in \(what)", at: code.location,
                             notes: [.init(location: first, message: "`\(code.name)` first used here")])
            } else {
                seenNames[code.name] = code.location
            }
        }
        NamingLint(reader: reader).checkMembers(catalog.codes.map { ($0.name, $0.location) }, of: what,
                                                reserved: SwiftNaming.errorCatalogMembers, what: "error name")
        checkStatuses(catalog)
        if let table = catalog.normalize, !catalog.codesUnread {
            let codes = catalog.codes.map(\.code)
            for entry in table.entries {
                _ = types.resolve(entry.code, among: codes, at: entry.location,
                                  message: "the normalize table sends `\(entry.kind.rawValue)` to unknown code `\(entry.code)`",
                                  noun: "codes", unread: catalog.unreadCodes)
            }
        }
    }

    private func checkPattern(_ catalog: ErrorCatalog) {
        guard let pattern = catalog.pattern, let at = catalog.patternLocation else { return }
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            reader.error("pattern `\(pattern)` of error catalog `\(catalog.name)` is not a valid regular expression", at: at)
            return
        }
        for code in catalog.codes where (try? regex.wholeMatch(in: code.code)) == nil {
            reader.error("code `\(code.code)` does not match the pattern `\(pattern)` of error catalog `\(catalog.name)`",
                         at: code.location)
        }
    }

    /// Every `status:` names a state of the catalog's lifecycle.
    private func checkStatuses(_ catalog: ErrorCatalog) {
        let withStatus = catalog.codes.filter { $0.status != nil }
        let lifecycles = types.contract.lifecycles
        var lifecycle: Lifecycle?
        if let name = catalog.lifecycle {
            lifecycle = types.resolve(name, among: lifecycles.map(\.name), at: catalog.lifecycleLocation ?? catalog.location,
                                      message: "the lifecycle of error catalog `\(catalog.name)`, `\(name)`, is not a lifecycle",
                                      noun: "lifecycles", unread: types.contract.unreadTypeNames)
                .flatMap(types.contract.lifecycle(named:))
            if lifecycle == nil { return }
        } else if types.contract.hasUnreadLifecycle {
            // Which lifecycle is meant depends on one that could not be read (already reported).
            return
        } else if lifecycles.count == 1 {
            lifecycle = lifecycles[0]
        } else if let first = withStatus.first {
            let why = lifecycles.isEmpty ? "the contract has no lifecycle" : "the contract has several lifecycles"
            reader.error("code `\(first.code)` names a status but \(why); name one with `lifecycle:` in error catalog `\(catalog.name)`",
                         at: first.statusLocation ?? first.location)
            return
        }
        guard let lifecycle, !lifecycle.statesUnread else { return }
        let states = lifecycle.states.map(\.name)
        for code in withStatus {
            guard let status = code.status else { continue }
            _ = types.resolve(status, among: states, at: code.statusLocation ?? code.location,
                              message: "status `\(status)` of code `\(code.code)` is not a state of lifecycle `\(lifecycle.name)`",
                              noun: "states")
        }
    }
}
