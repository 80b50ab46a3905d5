/// Bounds on what a ``JSONReader`` accepts, so hostile input costs bounded memory and time.
///
/// Each limit has its own error message; all but ``maxDepth`` report ``JSONErrorCategory/tooLong``.
public struct JSONReaderLimits: Sendable, Hashable {
    /// How deeply arrays and objects may nest; `[[1]]` has depth 2. Default 512.
    public var maxDepth: Int
    /// The longest string, in bytes as written in the input (escapes count as written). Default 16 MiB.
    public var maxStringLength: Int
    /// The most members one object may have. Default 100,000.
    public var maxKeysPerObject: Int
    /// The largest input, in bytes. Default 256 MiB.
    public var maxInputLength: Int

    /// Limits with the given values; each defaults to the documented value.
    public init(
        maxDepth: Int = 512,
        maxStringLength: Int = 16 * 1024 * 1024,
        maxKeysPerObject: Int = 100_000,
        maxInputLength: Int = 256 * 1024 * 1024
    ) {
        self.maxDepth = maxDepth
        self.maxStringLength = maxStringLength
        self.maxKeysPerObject = maxKeysPerObject
        self.maxInputLength = maxInputLength
    }
}
