import ContractSchema

/// Who a change breaks, from the point of view of parties built against the old contract.
///
/// Consumers read records: a change breaks them when they may receive values they do not know, or
/// lose values or guarantees they rely on. Producers write records: a change breaks them when values
/// they send become invalid.
public enum ChangeClass: String, Sendable, Hashable, CaseIterable {
    /// Breaks both readers and writers of records.
    case breakingForBoth = "breaking_both"
    /// Breaks readers: they may receive values they do not know, or lose ones they rely on.
    case breakingForConsumers = "breaking_consumers"
    /// Breaks writers: values they send become invalid.
    case breakingForProducers = "breaking_producers"
    /// Neither side breaks.
    case compatible
    /// The contract version does not match the changes (semantic versioning).
    case version

    /// Whether the class breaks anyone (the `diff` command exits 1 for these).
    public var isBreaking: Bool {
        switch self {
        case .breakingForBoth, .breakingForConsumers, .breakingForProducers: true
        case .compatible, .version: false
        }
    }

    /// A heading for people.
    public var title: String {
        switch self {
        case .breakingForBoth: "Breaking for consumers and producers"
        case .breakingForConsumers: "Breaking for consumers"
        case .breakingForProducers: "Breaking for producers"
        case .compatible: "Compatible"
        case .version: "Version"
        }
    }
}

/// One difference between two versions of a contract.
public struct SchemaChange: Sendable, Hashable {
    /// What changed, as a stable snake_case identifier (`state_added`, `field_type_changed`).
    public var kind: ChangeKind
    /// Who the change breaks.
    public var changeClass: ChangeClass
    /// The thing that changed, as `Type.member` (`TaskStatus.failed`, `TaskStepResult.error_code`).
    public var subject: String
    /// One sentence for people.
    public var message: String
    /// Where the thing is (or, when it was added, its parent) in the old schema.
    public var old: SourceLocation
    /// Where the thing is (or, when it was removed, its parent) in the new schema.
    public var new: SourceLocation

    /// Creates a change.
    public init(kind: ChangeKind, changeClass: ChangeClass, subject: String, message: String,
                old: SourceLocation, new: SourceLocation) {
        self.kind = kind
        self.changeClass = changeClass
        self.subject = subject
        self.message = message
        self.old = old
        self.new = new
    }
}

/// Every kind of change `ContractDiff` reports.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    case contractRenamed = "contract_renamed"
    case lifecycleAdded = "lifecycle_added"
    case lifecycleRemoved = "lifecycle_removed"
    case stateAdded = "state_added"
    case stateRemoved = "state_removed"
    case stateRenamed = "state_renamed"
    case stateBecameTerminal = "state_became_terminal"
    case stateNoLongerTerminal = "state_no_longer_terminal"
    case stateOutcomeChanged = "state_outcome_changed"
    case initialStateChanged = "initial_state_changed"
    case transitionAdded = "transition_added"
    case transitionRemoved = "transition_removed"
    case transitionGuardAdded = "transition_guard_added"
    case transitionGuardRemoved = "transition_guard_removed"
    case transitionGuardChanged = "transition_guard_changed"
    case legacyValueAdded = "legacy_value_added"
    case legacyValueRemoved = "legacy_value_removed"
    case legacyValueChanged = "legacy_value_changed"
    case retryPolicyChanged = "retry_policy_changed"
    case enumAdded = "enum_added"
    case enumRemoved = "enum_removed"
    case enumValueAdded = "enum_value_added"
    case enumValueRemoved = "enum_value_removed"
    case enumValueRenamed = "enum_value_renamed"
    case enumOpened = "enum_opened"
    case enumClosed = "enum_closed"
    case errorCatalogAdded = "error_catalog_added"
    case errorCatalogRemoved = "error_catalog_removed"
    case errorCodeAdded = "error_code_added"
    case errorCodeRemoved = "error_code_removed"
    case errorCodeRenamed = "error_code_renamed"
    case errorCodeNameChanged = "error_code_name_changed"
    case errorCodeCategoryChanged = "error_code_category_changed"
    case errorCodeRetryableChanged = "error_code_retryable_changed"
    case errorCodeStatusChanged = "error_code_status_changed"
    case errorCodeMessageChanged = "error_code_message_changed"
    case normalizeChanged = "normalize_changed"
    case modelAdded = "model_added"
    case modelRemoved = "model_removed"
    case fieldAdded = "field_added"
    case fieldRemoved = "field_removed"
    case fieldRenamed = "field_renamed"
    case fieldTypeChanged = "field_type_changed"
    case fieldBecameNullable = "field_became_nullable"
    case fieldBecameNonNullable = "field_became_non_nullable"
    case fieldBecameOptional = "field_became_optional"
    case fieldBecameRequired = "field_became_required"
    case fieldDefaultAdded = "field_default_added"
    case fieldDefaultRemoved = "field_default_removed"
    case fieldDefaultChanged = "field_default_changed"
    case ruleAdded = "rule_added"
    case ruleRemoved = "rule_removed"
    case ruleChanged = "rule_changed"
    case ruleRenamed = "rule_renamed"
    case additionalKeysAllowed = "additional_keys_allowed"
    case additionalKeysRejected = "additional_keys_rejected"
    case versionNotRaised = "version_not_raised"
    case versionBumpTooSmall = "version_bump_too_small"
}
