/// Bounds on the YAML a schema may contain and on the types it spells, so that hostile input is refused early and cheaply.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes. Default 4 MiB.
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences. Default 64.
    public var maxDepth: Int
    /// Most nodes (scalars, mappings, sequences) in one file. Default 200,000.
    public var maxNodes: Int
    /// How deep `list<…>` and `map<…>` may nest in one field type (`list<map<int>>` is 2). Default 8;
    /// generated code grows with the depth and the Swift compiler slows down sharply past about 32.
    public var maxTypeDepth: Int

    /// The largest `maxTypeDepth` the command line accepts.
    public static let typeDepthCeiling = 32

    /// Creates limits.
    public init(maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, maxNodes: Int = 200_000, maxTypeDepth: Int = 8) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxTypeDepth = maxTypeDepth
    }

    /// The defaults.
    public static let `default` = YAMLLimits()
}
