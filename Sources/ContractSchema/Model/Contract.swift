/// A whole contract, checked: one schema file's statuses, enums, error catalogs and models.
///
/// A contract comes from ContractSchemaLoader, which reads the YAML and checks it; what it holds is
/// the checked form only: references resolved, defaults typed, rules and guards compiled to
/// expressions. Nothing here depends on YAML. Code generators, the validator, exports and the diff
/// read this form and nothing else.
public struct Contract: Sendable, Hashable {
    /// The contract's name (`contract:`), UpperCamelCase.
    public var name: String
    /// The contract's semantic version (`version:`).
    public var version: SemanticVersion
    /// Prose describing the contract.
    public var doc: String?
    /// Lifecycles (status enums with transitions), in source order.
    public var lifecycles: [Lifecycle]
    /// Plain enums, in source order.
    public var enums: [EnumDefinition]
    /// Error catalogs, in source order.
    public var errorCatalogs: [ErrorCatalog]
    /// Models (records on the wire), in source order.
    public var models: [Model]
    /// The file the contract was read from, as named by the user.
    public var file: String
    /// Where `contract:` was written.
    public var location: SourceLocation

    /// Creates a contract.
    public init(name: String, version: SemanticVersion, doc: String?, lifecycles: [Lifecycle], enums: [EnumDefinition],
                errorCatalogs: [ErrorCatalog], models: [Model], file: String, location: SourceLocation) {
        self.name = name
        self.version = version
        self.doc = doc
        self.lifecycles = lifecycles
        self.enums = enums
        self.errorCatalogs = errorCatalogs
        self.models = models
        self.file = file
        self.location = location
    }

    /// The named type (lifecycle, enum, catalog or model) called `name`.
    public func namedType(_ name: String) -> NamedType? {
        if let l = lifecycles.first(where: { $0.name == name }) { return .lifecycle(l) }
        if let e = enums.first(where: { $0.name == name }) { return .enumeration(e) }
        if let c = errorCatalogs.first(where: { $0.name == name }) { return .errorCatalog(c) }
        if let m = models.first(where: { $0.name == name }) { return .model(m) }
        return nil
    }

    /// The lifecycle called `name`.
    public func lifecycle(named name: String) -> Lifecycle? { lifecycles.first { $0.name == name } }
    /// The model called `name`.
    public func model(named name: String) -> Model? { models.first { $0.name == name } }
    /// The error catalog called `name`.
    public func errorCatalog(named name: String) -> ErrorCatalog? { errorCatalogs.first { $0.name == name } }
    /// The plain enum called `name`.
    public func enumeration(named name: String) -> EnumDefinition? { enums.first { $0.name == name } }
}

/// A type a field can refer to by name.
public enum NamedType: Sendable, Hashable {
    case lifecycle(Lifecycle)
    case enumeration(EnumDefinition)
    case errorCatalog(ErrorCatalog)
    case model(Model)

    /// The type's name.
    public var name: String {
        switch self {
        case .lifecycle(let l): l.name
        case .enumeration(let e): e.name
        case .errorCatalog(let c): c.name
        case .model(let m): m.name
        }
    }

    /// The wire values a value of this type may take, when it is an enumeration of strings.
    public var wireValues: [String]? {
        switch self {
        case .lifecycle(let l): l.states.map(\.name)
        case .enumeration(let e): e.values.map(\.name)
        case .errorCatalog(let c): c.codes.map(\.code)
        case .model: nil
        }
    }
}

/// `major.minor.patch`, with an optional pre-release suffix kept as text.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// Text after `-`, if any.
    public var prerelease: String?

    /// Creates a version.
    public init(major: Int, minor: Int, patch: Int, prerelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1.2.3` or `1.2.3-beta.1`; nil if the text is not a semantic version.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else { return nil }
        var values: [Int] = []
        for n in numbers {
            guard !n.isEmpty, n.count <= 9, n.allSatisfy(\.isASCII), n.allSatisfy(\.isNumber),
                  n == "0" || !n.hasPrefix("0"), let v = Int(n) else { return nil }
            values.append(v)
        }
        if parts.count == 2 {
            guard !parts[1].isEmpty,
                  parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { return nil }
        }
        self.init(major: values[0], minor: values[1], patch: values[2], prerelease: parts.count == 2 ? String(parts[1]) : nil)
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-\($0)" } ?? "")
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil), (nil, _): return false
        case (_, nil): return true
        case let (l?, r?): return l < r
        }
    }
}
