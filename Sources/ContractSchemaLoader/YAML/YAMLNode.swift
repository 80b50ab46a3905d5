import ContractSchema

/// A YAML node with the place it was written. Scalars stay text: the schema decides their type.
public indirect enum YAMLNode: Sendable, Hashable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    /// Where the node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(let s): s.location
        case .mapping(let m): m.location
        case .sequence(let s): s.location
        }
    }

    /// A short noun for messages: "a scalar", "a mapping", "a list".
    public var kindDescription: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// A scalar exactly as written, with its quoting style.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written. Only plain scalars can mean `null`, `true` or a number.
    public enum Style: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML unescaping.
    public var value: String
    /// The scalar's style.
    public var style: Style
    /// Where the scalar starts (at the opening quote for quoted scalars).
    public var location: SourceLocation
    /// Where the scalar ends (just past its last character or closing quote), when known.
    public var end: SourceLocation?

    /// Creates a scalar.
    public init(value: String, style: Style, location: SourceLocation, end: SourceLocation? = nil) {
        self.value = value
        self.style = style
        self.location = location
        self.end = end
    }

    /// The file position of the Unicode scalar at `offset` in ``value``.
    ///
    /// Exact when the scalar is written on one line exactly as its value reads (plain, or quoted
    /// without escapes); otherwise, since escapes and line folding shift columns, the scalar's start.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let length = value.unicodeScalars.count
        guard let end, end.line == location.line, (0...length).contains(offset) else { return location }
        let quotes: Int
        switch style {
        case .plain: quotes = 0
        case .singleQuoted, .doubleQuoted: quotes = 1
        case .literal, .folded: return location
        }
        guard end.column - location.column == length + 2 * quotes else { return location }
        return location.advanced(byColumns: quotes + offset)
    }

    /// Whether this is a plain `null` or `~` (or an empty plain value).
    public var isNull: Bool { style == .plain && (value == "null" || value == "~" || value.isEmpty) }
}

/// A mapping whose keys are scalars, in the order written.
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair.
    public struct Entry: Sendable, Hashable {
        /// The key scalar.
        public var key: YAMLScalar
        /// The value node.
        public var value: YAMLNode
    }

    /// The entries, in source order, without duplicates.
    public var entries: [Entry]
    /// Entries whose key was already used in this mapping, in source order. The reader reports each;
    /// they are kept because a key line indented too far makes the keys below it look like duplicates.
    public var duplicates: [Entry]
    /// Where the mapping starts.
    public var location: SourceLocation

    /// Creates a mapping.
    public init(entries: [Entry], duplicates: [Entry] = [], location: SourceLocation) {
        self.entries = entries
        self.duplicates = duplicates
        self.location = location
    }

    /// The error the reader reports for a duplicate `key`, first written at `first`.
    static func duplicateKeyDiagnostic(_ key: YAMLScalar, firstAt first: SourceLocation) -> Diagnostic {
        .error("duplicate key `\(key.value)`", at: key.location,
               notes: [.init(location: first, message: "`\(key.value)` first defined here")])
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key.value == key }?.value
    }
}

/// A sequence, in the order written.
public struct YAMLSequence: Sendable, Hashable {
    /// The items.
    public var items: [YAMLNode]
    /// Where the sequence starts.
    public var location: SourceLocation

    /// Creates a sequence.
    public init(items: [YAMLNode], location: SourceLocation) {
        self.items = items
        self.location = location
    }
}
