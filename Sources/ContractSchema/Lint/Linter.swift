/// Checks a loaded contract as a whole: references, lifecycle graphs, rules and Swift names.
///
/// Every finding is reported, none stops the others; a reference that is a likely typo is reported
/// once and then read as its suggestion so that no follow-on findings cascade from it.
struct Linter {
    let reader: SchemaReader
    var patternLimits: CodePatternLimits = .default

    func lint(_ contract: Contract) -> Contract {
        var contract = contract
        var patternSteps = patternLimits.maxPatternSteps
        checkTypeNames(contract)
        let types = TypeResolver(contract: contract, reader: reader)
        for i in contract.lifecycles.indices {
            contract.lifecycles[i] = LifecycleLint(reader: reader, types: types).lint(contract.lifecycles[i])
        }
        for e in contract.enums {
            NamingLint(reader: reader).checkMembers(e.values.map { ($0.name, $0.location) }, of: "enum `\(e.name)`",
                                                   reserved: SwiftNaming.enumMembers, what: "value")
            if e.values.isEmpty {
                reader.error("enum `\(e.name)` has no values", at: e.location)
            }
        }
        for i in contract.errorCatalogs.indices {
            ErrorCatalogLint(reader: reader, types: types, patternLimits: patternLimits)
                .lint(contract.errorCatalogs[i], patternSteps: &patternSteps)
        }
        for i in contract.models.indices {
            contract.models[i] = ModelLint(reader: reader, types: types).lint(contract.models[i])
        }
        ModelLint.checkContainmentCycles(contract.models, reader: reader)
        return contract
    }

    /// Type names are UpperCamelCase, unique across lifecycles, enums, catalogs and models, and do not
    /// shadow a type the generated code uses.
    private func checkTypeNames(_ contract: Contract) {
        var seen: [String: SourceLocation] = [:]
        let named: [(kind: String, name: String, location: SourceLocation)] =
            contract.lifecycles.map { ("lifecycle", $0.name, $0.location) }
            + contract.enums.map { ("enum", $0.name, $0.location) }
            + contract.errorCatalogs.map { ("error catalog", $0.name, $0.location) }
            + contract.models.map { ("model", $0.name, $0.location) }
        for item in named.sorted(by: { $0.location < $1.location }) {
            if !SwiftNaming.isTypeName(item.name) {
                let suggestion = SwiftNaming.memberName(item.name).map { $0.prefix(1).uppercased() + $0.dropFirst() }
                let like = suggestion.map { ", like `\($0)`" } ?? ""
                reader.error("\(item.kind) name `\(item.name)` must be UpperCamelCase ASCII letters and digits\(like)",
                             at: item.location)
            } else if SwiftNaming.reservedTypeNames.contains(item.name) {
                reader.error("\(item.kind) name `\(item.name)` is reserved: inside generated types it names \(SwiftNaming.reservedTypeNameReason(item.name)); pick another name",
                             at: item.location)
            }
            if let first = seen[item.name] {
                reader.error("duplicate type name `\(item.name)`; lifecycles, enums, error catalogs and models share one namespace",
                             at: item.location, notes: [.init(location: first, message: "`\(item.name)` first defined here")])
            } else {
                seen[item.name] = item.location
            }
        }
    }
}

/// Resolves type names and references with typo recovery.
struct TypeResolver {
    let contract: Contract
    let reader: SchemaReader

    /// The named type called `name`, or the one it is a likely typo of (after reporting it), or nil.
    func resolveNamed(_ name: String, at location: SourceLocation, for what: String) -> NamedType? {
        if let t = contract.namedType(name) { return t }
        let candidates = FieldTypeParser.builtins + allTypeNames
        let guess = Suggestion.closest(to: name, among: candidates)
        reader.error("unknown type `\(name)` for \(what)\(guess.map { "; did you mean `\($0)`?" } ?? "")", at: location)
        return guess.flatMap { contract.namedType($0) }
    }

    var allTypeNames: [String] {
        contract.lifecycles.map(\.name) + contract.enums.map(\.name) + contract.errorCatalogs.map(\.name) + contract.models.map(\.name)
    }

    /// The rule-language type of a field type; unknown names are reported and become `.unknown`.
    func ruleType(_ type: FieldType, at location: SourceLocation, for what: String) -> RuleType {
        switch type {
        case .string: return .string
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .timestamp: return .timestamp
        case .json: return .json
        case .list(let t): return .list(ruleType(t, at: location, for: what))
        case .map(let t): return .map(ruleType(t, at: location, for: what))
        case .named(let name):
            if FieldTypeParser.builtins.contains(name.lowercased()), case .success(let builtin) = FieldTypeParser.parse(name.lowercased()) {
                reader.error("unknown type `\(name)` for \(what); did you mean `\(builtin)`?", at: location)
                return ruleType(builtin, at: location, for: what)
            }
            guard let named = resolveNamed(name, at: location, for: what) else { return .unknown }
            return ruleType(of: named)
        }
    }

    /// The rule-language type of a named type (no diagnostics).
    func ruleType(of named: NamedType) -> RuleType {
        if case .model(let m) = named { return .model(m.name) }
        return .enumeration(name: named.name, values: named.wireValues ?? [])
    }

    /// Finds `name` among `candidates`; reports an unknown one with a suggestion and returns the suggestion.
    func resolve(_ name: String, among candidates: [String], at location: SourceLocation, message: String) -> String? {
        if candidates.contains(name) { return name }
        let guess = Suggestion.closest(to: name, among: candidates)
        reader.error(message + (guess.map { "; did you mean `\($0)`?" } ?? ""), at: location)
        return guess
    }
}
