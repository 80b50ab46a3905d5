import ContractSchema

/// Where each key of the schema language may stand: which mappings take fixed keys, which map names the
/// user picks to entries, and which hold lists. The keys themselves come from the builders, so this
/// cannot drift from what they read.
indirect enum SchemaShape: Sendable {
    /// Anything; not looked into (an enum's `values`, a field's `default`).
    case any
    /// A scalar.
    case value
    /// A mapping of fixed keys: a lifecycle, a state, a field.
    case keyed(KeyedShape)
    /// A mapping from names the user picks to entries of one shape: `states:`, `fields:`, `lifecycles:`.
    case named(element: SchemaShape, noun: String)
    /// A list of entries: `rules:`, the targets of a transition.
    case list(SchemaShape)

    /// The keys of a mapping of fixed keys, and how messages name one.
    struct KeyedShape: Sendable {
        var keys: [String: SchemaShape]
        /// Whether `name:` with no value is a valid entry (a state with no settings).
        var acceptsNull = false
        var naming: Naming
    }

    /// How a message names a mapping of fixed keys, from the key it stands under and its owner's name.
    enum Naming: Sendable {
        /// The schema itself.
        case schema
        /// "state `pending`".
        case entity(String)
        /// "value `low` of enum `Priority`".
        case entityOf(String)
        /// "the retry policy of lifecycle `JobStatus`".
        case partOf(String)
        /// "a rule of model `Job`".
        case memberOf(String)
        /// "the transition from `pending`".
        case transition

        /// The name of the mapping written under `key`, inside `owner` (the nearest mapping of fixed keys).
        func describe(key: String, owner: String) -> String {
            switch self {
            case .schema: "the schema"
            case .entity(let noun): "\(noun) `\(key)`"
            case .entityOf(let noun): "\(noun) `\(key)` of \(owner)"
            case .partOf(let noun): "the \(noun) of \(owner)"
            case .memberOf(let noun): "a \(noun) of \(owner)"
            case .transition: "the transition from `\(key)`"
            }
        }
    }

    /// The keys, when this is a mapping of fixed keys.
    var keyed: KeyedShape? {
        if case .keyed(let shape) = self { return shape }
        return nil
    }

    /// Whether `node` could stand where this shape is expected (typos of a valid key count as valid).
    func admits(_ node: YAMLNode) -> Bool {
        switch (self, node) {
        case (.any, _), (.value, .scalar):
            return true
        case (.keyed(let shape), .scalar(let s)):
            return s.isNull && shape.acceptsNull
        case (.keyed(let shape), .mapping(let m)):
            return m.entries.allSatisfy { shape.admitsKey($0.key.value) }
        // A list of names passes for named entries too: enum values may be written either way.
        case (.named, .mapping), (.named, .sequence), (.list, .sequence):
            return true
        case (.named, .scalar(let s)), (.list, .scalar(let s)):
            return s.isNull
        default:
            return false
        }
    }

    /// Whether `node` looks like what stands here, though parts of it may be wrong: a mapping with at least
    /// one of the keys of a mapping of fixed keys (typos do not count) passes where ``admits(_:)`` wants
    /// every key valid.
    func resembles(_ node: YAMLNode) -> Bool {
        if case .keyed(let shape) = self, case .mapping(let m) = node {
            return m.entries.isEmpty || m.entries.contains { shape.keys[$0.key.value] != nil }
        }
        return admits(node)
    }

    /// The whole schema.
    static let schema: SchemaShape = {
        let state = SchemaShape.keyed(.init(keys: keys(LifecycleBuilder.stateKeys), acceptsNull: true, naming: .entity("state")))
        let transition = SchemaShape.keyed(.init(keys: keys(LifecycleBuilder.transitionKeys), naming: .transition))
        var lifecycle = keys(LifecycleBuilder.allowedKeys)
        lifecycle["states"] = .named(element: state, noun: "states")
        lifecycle["transitions"] = .named(element: .list(transition), noun: "transitions")
        lifecycle["legacy"] = .named(element: .value, noun: "legacy values")
        lifecycle["retry"] = .keyed(.init(keys: keys(LifecycleBuilder.retryKeys), naming: .partOf("retry policy")))

        var enumeration = keys(EnumBuilder.allowedKeys)
        let value = SchemaShape.keyed(.init(keys: keys(EnumBuilder.valueKeys), acceptsNull: true, naming: .entityOf("value")))
        enumeration["values"] = .named(element: value, noun: "values")

        var catalog = keys(ErrorCatalogBuilder.allowedKeys)
        catalog["codes"] = .named(element: .keyed(.init(keys: keys(ErrorCatalogBuilder.codeKeys), naming: .entity("error code"))),
                                  noun: "codes")
        catalog["normalize"] = .keyed(.init(keys: keys(NormalizeTable.Kind.allCases.map(\.rawValue)),
                                            naming: .partOf("normalize table")))

        var field = keys(ModelBuilder.fieldKeys)
        field["default"] = .any
        var model = keys(ModelBuilder.allowedKeys)
        model["fields"] = .named(element: .keyed(.init(keys: field, naming: .entity("field"))), noun: "fields")
        model["rules"] = .list(.keyed(.init(keys: keys(ModelBuilder.ruleKeys), naming: .memberOf("rule"))))

        var top = keys(ContractBuilder.topLevelKeys)
        top["lifecycles"] = .named(element: .keyed(.init(keys: lifecycle, naming: .entity("lifecycle"))), noun: "lifecycles")
        top["enums"] = .named(element: .keyed(.init(keys: enumeration, naming: .entity("enum"))), noun: "enums")
        top["errors"] = .named(element: .keyed(.init(keys: catalog, naming: .entity("error catalog"))), noun: "error catalogs")
        top["models"] = .named(element: .keyed(.init(keys: model, naming: .entity("model"))), noun: "models")
        return .keyed(.init(keys: top, naming: .schema))
    }()

    /// Keys whose values are scalars.
    private static func keys(_ names: [String]) -> [String: SchemaShape] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, SchemaShape.value) })
    }
}

extension SchemaShape.KeyedShape {
    /// Whether `key` is one of the keys, or a likely typo of one.
    func admitsKey(_ key: String) -> Bool {
        keys[key] != nil || Suggestion.closest(to: key, among: keys.keys.sorted()) != nil
    }
}
