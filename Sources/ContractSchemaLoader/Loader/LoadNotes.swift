import ContractSchema

/// What the loader learns while reading a schema that the checked contract does not carry: which parts
/// could not be read (so their consequences are not reported again), and the YAML details that checking
/// needs (a default's node, how a rule's text was quoted). Keyed by where each item was written, which
/// is unique within a file.
final class LoadNotes {
    /// Lifecycles whose `states:` could not be read: which states exist is unknown.
    var unreadStates: Set<SourceLocation> = []
    /// Lifecycles with a state, the transitions or a target that could not be read: the graph is incomplete.
    var incompleteGraphs: Set<SourceLocation> = []
    /// States whose `outcome:` was written, even if it could not be read.
    var writtenOutcomes: Set<SourceLocation> = []
    /// Enums whose `values:` could not be read.
    var unreadEnumValues: Set<SourceLocation> = []
    /// Error catalogs whose `codes:` could not be read.
    var unreadCodeLists: Set<SourceLocation> = []
    /// Codes that were named but could not be read, by catalog.
    var unreadCodes: [SourceLocation: [String]] = [:]
    /// Models whose `fields:` could not be read.
    var unreadFieldLists: Set<SourceLocation> = []
    /// Fields that were named but could not be read, by model.
    var unreadFieldNames: [SourceLocation: [String]] = [:]
    /// Lifecycles, enums, error catalogs and models whose definition was not a mapping: references to them
    /// are not findings.
    var unreadTypeNames: Set<String> = []
    /// Whether one of those was a lifecycle, so "the contract has no lifecycle" is not known to be true.
    var hasUnreadLifecycle = false
    /// Each field's `default:` node, typed once the field's type is known.
    var defaultNodes: [SourceLocation: YAMLNode] = [:]
    /// Each catalog's `pattern:` scalar, to place a finding inside the pattern's text.
    var patternScalars: [SourceLocation: YAMLScalar] = [:]
    /// Each model's rules as written, compiled once its fields are known.
    var writtenRules: [SourceLocation: [WrittenRule]] = [:]
    /// Each guarded transition's `when:` as written, by the transition's location.
    var writtenGuards: [SourceLocation: YAMLScalar] = [:]

    /// Whether `type`'s wire values are unknown because its definition could not be read.
    func wireValuesUnread(_ type: NamedType) -> Bool {
        switch type {
        case .lifecycle(let l): unreadStates.contains(l.location)
        case .enumeration(let e): unreadEnumValues.contains(e.location)
        case .errorCatalog(let c): unreadCodeLists.contains(c.location) || !(unreadCodes[c.location] ?? []).isEmpty
        case .model: false
        }
    }
}

/// A rule as the schema wrote it, before it is parsed and type-checked.
struct WrittenRule {
    var id: YAMLScalar
    var check: YAMLScalar
    var message: String?
    var doc: String?
}
