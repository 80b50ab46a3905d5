/// Why a `pattern` cannot be used: where in the pattern, and what is wrong.
public struct CodePatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of problem, each with its own message.
    public enum Kind: Sendable, Hashable {
        /// Longer than ``CodePatternLimits/maxBytes``.
        case tooLong(bytes: Int, limit: Int)
        /// Not a regular expression (an unclosed group, a quantifier with nothing to repeat, ...); the
        /// associated text says what is wrong and how to fix it.
        case invalid(String)
        /// A regular-expression construct outside the linear-time subset, named by the associated text
        /// (`a backreference \`\\1\``).
        case unsupported(String)
        /// A count in `{n,m}` above ``CodePatternLimits/maxRepetition``, as written (it may not fit an `Int`).
        case repetitionTooLarge(count: String, limit: Int)
        /// The compiled program would exceed ``CodePatternLimits/maxInstructions``.
        case tooManyInstructions(limit: Int)
        /// Groups nest deeper than ``CodePatternLimits/maxGroupDepth``.
        case nestedTooDeep(limit: Int)
    }

    /// What is wrong.
    public var kind: Kind
    /// Offset, in Unicode scalars from the start of the pattern, of the offending character.
    public var offset: Int

    /// Creates an error.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// What is wrong, as a phrase that follows the pattern's name (`is not a valid regular expression: …`).
    public var message: String {
        switch kind {
        case .tooLong(let bytes, let limit):
            "is \(bytes) bytes; the limit is \(limit) bytes"
        case .invalid(let detail):
            "is not a valid regular expression: \(detail)"
        case .unsupported(let construct):
            "uses \(construct), which is not supported: patterns are matched in linear time, without backtracking"
        case .repetitionTooLarge(let count, let limit):
            "repeats something \(count) times; the limit for a repetition count is \(limit)"
        case .tooManyInstructions(let limit):
            "compiles to more than \(limit) instructions, the limit (a counted repetition copies what it repeats, "
                + "so nested counts multiply)"
        case .nestedTooDeep(let limit):
            "nests groups more than \(limit) levels deep, the limit"
        }
    }

    /// `offset: pattern message`, for test failures and logs.
    public var description: String { "\(offset): pattern \(message)" }
}
