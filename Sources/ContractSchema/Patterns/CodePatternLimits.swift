/// Bounds on an error catalog's `pattern`, so that a hostile schema cannot make compiling or matching
/// it expensive. Each bound is reported with its own message when a pattern exceeds it.
public struct CodePatternLimits: Sendable, Hashable {
    /// Longest pattern accepted, in UTF-8 bytes. Default 1,000.
    public var maxBytes: Int
    /// Largest count in `{n}`, `{n,}` or `{n,m}`. Default 1,000.
    public var maxRepetition: Int
    /// Most instructions a pattern may compile to; counted repetition copies its operand, so nested
    /// counts multiply (`((a{1000}){1000}){1000}`). Default 10,000.
    public var maxInstructions: Int
    /// Deepest nesting of groups. Default 32.
    public var maxGroupDepth: Int
    /// Most steps spent on the patterns of one schema: compiling costs one step per instruction, and
    /// matching a code one per instruction entered at each position (plus one per instruction to start).
    /// Each pattern is linear, but many large programs, or long codes against one, still multiply;
    /// this bounds the total. Default 10,000,000.
    public var maxPatternSteps: Int

    /// Creates limits.
    public init(maxBytes: Int = 1_000, maxRepetition: Int = 1_000, maxInstructions: Int = 10_000,
                maxGroupDepth: Int = 32, maxPatternSteps: Int = 10_000_000) {
        self.maxBytes = maxBytes
        self.maxRepetition = maxRepetition
        self.maxInstructions = maxInstructions
        self.maxGroupDepth = maxGroupDepth
        self.maxPatternSteps = maxPatternSteps
    }

    /// The defaults.
    public static let `default` = CodePatternLimits()
}
