import ContractSchema

/// Checks one error catalog: pattern, code names, statuses and the normalize table.
struct ErrorCatalogLint {
    let reader: SchemaReader
    let types: TypeResolver
    var patternLimits: CodePatternLimits = .default

    /// - Parameter patternSteps: what is left of the schema's allowance for compiling patterns and
    ///   matching codes against them (``CodePatternLimits/maxPatternSteps``); the steps spent here are
    ///   taken from it.
    func lint(_ catalog: ErrorCatalog, patternSteps: inout Int) {
        let what = "error catalog `\(catalog.name)`"
        let codesUnread = reader.notes.unreadCodeLists.contains(catalog.location)
        let unreadCodes = reader.notes.unreadCodes[catalog.location] ?? []
        if catalog.codes.isEmpty && !codesUnread && unreadCodes.isEmpty {
            reader.error("\(what) has no codes", at: catalog.location)
        }
        checkPattern(catalog, patternSteps: &patternSteps)
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
        if let table = catalog.normalize, !codesUnread {
            let codes = catalog.codes.map(\.code)
            for entry in table.entries {
                _ = types.resolve(entry.code, among: codes, at: entry.location,
                                  message: "the normalize table sends `\(entry.kind.rawValue)` to unknown code `\(entry.code)`",
                                  noun: "codes", unread: unreadCodes)
            }
        }
    }

    /// The pattern is in the linear-time subset and within its limits, and every code matches it whole.
    /// Compiling and matching take steps from the schema's allowance; what it cannot pay for is reported
    /// as not checked.
    private func checkPattern(_ catalog: ErrorCatalog, patternSteps: inout Int) {
        guard let source = catalog.pattern, let at = catalog.patternLocation else { return }
        let subject = "pattern \(DiagnosticText.code(source)) of error catalog `\(catalog.name)`"
        let exhausted = "checking patterns reached the limit of \(patternLimits.maxPatternSteps) steps for one schema; "
            + "shorten the codes or simplify the patterns"
        let compiled: CodePattern?
        do {
            compiled = try CodePattern.compile(source, limits: patternLimits, budget: patternSteps)
        } catch {
            let location = reader.notes.patternScalars[catalog.location]?.location(ofOffset: error.offset) ?? at
            switch error.kind {
            case .tooLong:
                reader.error("the pattern of error catalog `\(catalog.name)` \(error.message)", at: at)
            case .unsupported:
                reader.error("\(subject) \(error.message)", at: location,
                             notes: [.init(location: at, message: CodePattern.supportedSyntax)])
            default:
                reader.error("\(subject) \(error.message)", at: location)
            }
            return
        }
        guard let pattern = compiled else {
            reader.error("\(subject) and its codes were not checked: \(exhausted)", at: at)
            patternSteps = 0
            return
        }
        patternSteps -= pattern.instructionCount
        for code in catalog.codes {
            let (verdict, steps) = pattern.match(code.code, stepLimit: patternSteps)
            patternSteps = max(0, patternSteps - steps)
            let shown = DiagnosticText.code(code.code, maxLength: 100)
            switch verdict {
            case .match:
                continue
            case .noMatch:
                reader.error("code \(shown) does not match the \(subject)", at: code.location)
            case .stepLimitReached:
                reader.error("code \(shown) and the codes after it were not checked against the \(subject): \(exhausted)",
                             at: code.location)
                patternSteps = 0
                return
            }
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
                                      noun: "lifecycles", unread: reader.notes.unreadTypeNames)
                .flatMap(types.contract.lifecycle(named:))
            if lifecycle == nil { return }
        } else if reader.notes.hasUnreadLifecycle {
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
        guard let lifecycle, !reader.notes.unreadStates.contains(lifecycle.location) else { return }
        let states = lifecycle.states.map(\.name)
        for code in withStatus {
            guard let status = code.status else { continue }
            _ = types.resolve(status, among: states, at: code.statusLocation ?? code.location,
                              message: "status `\(status)` of code `\(code.code)` is not a state of lifecycle `\(lifecycle.name)`",
                              noun: "states")
        }
    }
}
