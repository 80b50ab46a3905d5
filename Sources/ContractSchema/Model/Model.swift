/// A record on the wire: fields in order, rules over them, and a policy for unknown keys.
public struct Model: Sendable, Hashable {
    /// UpperCamelCase type name, e.g. `TaskStepResult`.
    public var name: String
    /// Prose.
    public var doc: String?
    /// Fields in wire order.
    public var fields: [Field]
    /// Cross-field rules, in source order.
    public var rules: [Rule]
    /// Whether keys that are not fields are refused (the default) or allowed and ignored.
    public var allowsAdditionalKeys: Bool
    /// Where the model's name was written.
    public var location: SourceLocation

    /// Creates a model.
    public init(name: String, doc: String?, fields: [Field], rules: [Rule], allowsAdditionalKeys: Bool,
                location: SourceLocation) {
        self.name = name
        self.doc = doc
        self.fields = fields
        self.rules = rules
        self.allowsAdditionalKeys = allowsAdditionalKeys
        self.location = location
    }

    /// The field whose wire name is `name`.
    public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

/// One field of a model.
public struct Field: Sendable, Hashable {
    /// snake_case wire name.
    public var name: String
    /// Prose.
    public var doc: String?
    /// The value's type.
    public var type: FieldType
    /// Whether `null` is a valid value (written as explicit `null`).
    public var isNullable: Bool
    /// Whether the key must be present on the wire (true unless `required: false`).
    public var isRequired: Bool
    /// The Swift initializer default, if any.
    public var defaultValue: DefaultValue?
    /// Where the field's name was written.
    public var location: SourceLocation
    /// Where the type was written.
    public var typeLocation: SourceLocation

    /// Creates a field.
    public init(name: String, doc: String?, type: FieldType, isNullable: Bool, isRequired: Bool,
                defaultValue: DefaultValue?, location: SourceLocation, typeLocation: SourceLocation) {
        self.name = name
        self.doc = doc
        self.type = type
        self.isNullable = isNullable
        self.isRequired = isRequired
        self.defaultValue = defaultValue
        self.location = location
        self.typeLocation = typeLocation
    }
}

/// A field's type as written in the schema.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case string
    case bool
    /// 64-bit signed integer.
    case int
    /// A finite double.
    case double
    /// An RFC 3339 date-time.
    case timestamp
    /// Any JSON value, kept losslessly.
    case json
    case list(FieldType)
    /// An object with string keys.
    case map(FieldType)
    /// A lifecycle, enum, error catalog or model, by name.
    case named(String)

    /// The spelling used in schemas: `list<string>`.
    public var description: String {
        switch self {
        case .string: "string"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .timestamp: "timestamp"
        case .json: "json"
        case .list(let t): "list<\(t)>"
        case .map(let t): "map<\(t)>"
        case .named(let n): n
        }
    }
}

/// A default value, typed by its field.
public indirect enum DefaultValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    /// A value of a lifecycle, enum or error catalog (its wire value).
    case enumValue(String)
    /// `[]`.
    case emptyList
    /// `{}`.
    case emptyMap

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): "\"\(s)\""
        case .enumValue(let v): v
        case .emptyList: "[]"
        case .emptyMap: "{}"
        }
    }
}

/// A named cross-field rule: an expression that must be true for every valid record.
public struct Rule: Sendable, Hashable {
    /// Stable identifier, snake_case, reported when the rule fails.
    public var id: String
    /// The expression text as written.
    public var source: String
    /// The expression, parsed and type-checked against the model, names resolved.
    public var expression: RuleExpression
    /// What a failure means, for people; defaults to a message built from the id.
    public var message: String?
    /// Prose.
    public var doc: String?
    /// Where the rule's id was written.
    public var location: SourceLocation
    /// Where the expression text starts.
    public var checkLocation: SourceLocation

    /// Creates a rule.
    public init(id: String, source: String, expression: RuleExpression, message: String?, doc: String?,
                location: SourceLocation, checkLocation: SourceLocation) {
        self.id = id
        self.source = source
        self.expression = expression
        self.message = message
        self.doc = doc
        self.location = location
        self.checkLocation = checkLocation
    }
}
