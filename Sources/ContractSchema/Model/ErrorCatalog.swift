public import ContractRuntime

/// A catalog of error codes with their meaning and the table that maps Swift errors to them.
public struct ErrorCatalog: Sendable, Hashable {
    /// UpperCamelCase type name, e.g. `ErrorCode`.
    public var name: String
    /// Prose.
    public var doc: String?
    /// A regular expression every code must match in full, e.g. `E[0-9]{3}`; see ``CodePattern`` for the
    /// syntax it may use.
    public var pattern: String?
    /// Where the pattern was written.
    public var patternLocation: SourceLocation?
    /// The lifecycle whose states `status:` names; nil picks the contract's only lifecycle.
    public var lifecycle: String?
    /// Where `lifecycle:`'s value was written.
    public var lifecycleLocation: SourceLocation?
    /// The codes, in source order.
    public var codes: [ErrorCodeDefinition]
    /// Which code each kind of Swift error becomes.
    public var normalize: NormalizeTable?
    /// Where the catalog's name was written.
    public var location: SourceLocation

    /// Creates a catalog.
    public init(name: String, doc: String?, pattern: String?, patternLocation: SourceLocation?, lifecycle: String?,
                codes: [ErrorCodeDefinition], normalize: NormalizeTable?, location: SourceLocation) {
        self.name = name
        self.doc = doc
        self.pattern = pattern
        self.patternLocation = patternLocation
        self.lifecycle = lifecycle
        self.codes = codes
        self.normalize = normalize
        self.location = location
    }

    /// The code whose wire value is `code`.
    public func code(_ code: String) -> ErrorCodeDefinition? { codes.first { $0.code == code } }
}

/// One error code.
public struct ErrorCodeDefinition: Sendable, Hashable {
    /// Wire value, e.g. `E001` or `permission_denied`.
    public var code: String
    /// snake_case name, e.g. `validation_error`; the Swift case name comes from it.
    public var name: String
    /// Broad class.
    public var category: ErrorCategory
    /// Whether retrying the same work may succeed.
    public var isRetryable: Bool
    /// The message shown to users when no better one is known.
    public var message: String?
    /// The lifecycle state a record ends in when this error stops it.
    public var status: String?
    /// Prose for people reading the contract.
    public var doc: String?
    /// Where the code was written.
    public var location: SourceLocation
    /// Where `status:`'s value was written.
    public var statusLocation: SourceLocation?

    /// Creates a code.
    public init(code: String, name: String, category: ErrorCategory, isRetryable: Bool, message: String?,
                status: String?, doc: String?, location: SourceLocation, statusLocation: SourceLocation? = nil) {
        self.code = code
        self.name = name
        self.category = category
        self.isRetryable = isRetryable
        self.message = message
        self.status = status
        self.doc = doc
        self.location = location
        self.statusLocation = statusLocation
    }
}

/// Which code each kind of failure normalizes to.
public struct NormalizeTable: Sendable, Hashable {
    /// One kind of failure the runtime recognises.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Decoding, validation and transition failures.
        case validation
        /// Deadlines passed.
        case timeout
        /// `CancellationError` and cancelled tasks.
        case cancellation
        /// Retries used up.
        case retryExhausted = "retry_exhausted"
        /// Anything else.
        case `default`
    }

    /// The code for each kind, in source order.
    public var entries: [(kind: Kind, code: String, location: SourceLocation)]
    /// Where `normalize:` was written.
    public var location: SourceLocation

    /// Creates a table.
    public init(entries: [(kind: Kind, code: String, location: SourceLocation)], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    /// The code for `kind`.
    public func code(for kind: Kind) -> String? { entries.first { $0.kind == kind }?.code }

    public static func == (lhs: NormalizeTable, rhs: NormalizeTable) -> Bool {
        lhs.location == rhs.location && lhs.entries.elementsEqual(rhs.entries) {
            $0.kind == $1.kind && $0.code == $1.code && $0.location == $1.location
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        for e in entries {
            hasher.combine(e.kind)
            hasher.combine(e.code)
        }
    }
}
