import ContractSchema

/// Bounds on the YAML a schema may contain and on the types it spells, so that hostile input is refused
/// early and cheaply.
///
/// Any value is safe to pass: a negative one counts as 0, sizes and counts up to `Int.max` are
/// compared, never added to, and ``maxDepth`` is held to at most ``depthCeiling``, because deeper
/// trees would exhaust the stack when they are taken apart.
public struct YAMLLimits: Sendable, Hashable {
    /// The deepest nesting any limits allow: the loader and the tree it builds recurse once per level.
    public static let depthCeiling = 1_000

    /// Largest file accepted, in bytes. Default 4 MiB.
    public var maxBytes: Int { didSet { maxBytes = max(0, maxBytes) } }
    /// Deepest nesting of mappings and sequences, from 0 to ``depthCeiling``. Default 64.
    public var maxDepth: Int { didSet { maxDepth = Self.clampedDepth(maxDepth) } }
    /// Most nodes (scalars, mappings, sequences) in one file. Default 200,000.
    public var maxNodes: Int { didSet { maxNodes = max(0, maxNodes) } }
    /// How deep `list<…>` and `map<…>` may nest in one field type (`list<map<int>>` is 2). Default 8;
    /// generated code grows with the depth and the Swift compiler slows down sharply past about 32.
    /// Parsing types does not recurse, so any value is safe; a negative one counts as 0.
    public var maxTypeDepth: Int { didSet { maxTypeDepth = max(0, maxTypeDepth) } }

    /// The largest `maxTypeDepth` the command line accepts.
    public static let typeDepthCeiling = 32

    /// Creates limits.
    public init(maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, maxNodes: Int = 200_000, maxTypeDepth: Int = 8) {
        self.maxBytes = max(0, maxBytes)
        self.maxDepth = Self.clampedDepth(maxDepth)
        self.maxNodes = max(0, maxNodes)
        self.maxTypeDepth = max(0, maxTypeDepth)
    }

    /// The defaults.
    public static let `default` = YAMLLimits()

    private static func clampedDepth(_ depth: Int) -> Int { min(max(0, depth), depthCeiling) }
}
