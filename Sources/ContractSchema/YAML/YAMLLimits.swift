/// Bounds on the YAML a schema may contain, so that hostile input is refused early and cheaply.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes. Default 4 MiB.
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences. Default 64.
    public var maxDepth: Int
    /// Most nodes (scalars, mappings, sequences) in one file. Default 200,000.
    public var maxNodes: Int

    /// Creates limits.
    public init(maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, maxNodes: Int = 200_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults.
    public static let `default` = YAMLLimits()
}
