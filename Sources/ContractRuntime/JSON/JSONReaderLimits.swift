/// Bounds on what a ``JSONReader`` accepts, so hostile input costs bounded memory and time.
///
/// Each limit has its own error message; all but ``maxDepth`` report ``JSONErrorCategory/tooLong``.
/// Any value from 0 to `Int.max` is safe: a negative value counts as 0 (nothing of that kind is
/// accepted), and the reader never adds to or multiplies a limit, so `Int.max` means "no limit".
public struct JSONReaderLimits: Sendable, Hashable {
    /// How deeply arrays and objects may nest; `[[1]]` has depth 2. Default 512.
    public var maxDepth: Int { didSet { maxDepth = Self.clamped(maxDepth) } }
    /// The longest string, in bytes as written in the input (escapes count as written). Default 16 MiB.
    public var maxStringLength: Int { didSet { maxStringLength = Self.clamped(maxStringLength) } }
    /// The most members one object may have. Default 100,000.
    public var maxKeysPerObject: Int { didSet { maxKeysPerObject = Self.clamped(maxKeysPerObject) } }
    /// The largest input, in bytes. Default 256 MiB.
    public var maxInputLength: Int { didSet { maxInputLength = Self.clamped(maxInputLength) } }

    /// Limits with the given values; each defaults to the documented value.
    public init(
        maxDepth: Int = 512,
        maxStringLength: Int = 16 * 1024 * 1024,
        maxKeysPerObject: Int = 100_000,
        maxInputLength: Int = 256 * 1024 * 1024
    ) {
        self.maxDepth = Self.clamped(maxDepth)
        self.maxStringLength = Self.clamped(maxStringLength)
        self.maxKeysPerObject = Self.clamped(maxKeysPerObject)
        self.maxInputLength = Self.clamped(maxInputLength)
    }

    /// A negative limit would make error offsets negative; it means the same as 0.
    private static func clamped(_ limit: Int) -> Int { max(0, limit) }
}
