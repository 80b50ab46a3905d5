/// An error catalog's `pattern`, compiled for matching codes in linear time.
///
/// The syntax is a subset of Swift `Regex` syntax that needs no backtracking (see
/// ``supportedSyntax``); everything else is refused with a ``CodePatternError``. A code matches when
/// the pattern matches all of it, as `Regex.wholeMatch` does with
/// `.matchingSemantics(.unicodeScalar)`: codes are read one Unicode scalar at a time, and `.`, `\d`,
/// `\w` and `\s` mean what they mean to Swift in that mode. Matching simulates the pattern's NFA, so
/// it takes at most (scalars in the code + 2) × ``instructionCount`` steps, whatever the pattern.
public struct CodePattern: Sendable {
    /// How one match attempt ended.
    public enum Verdict: Sendable, Hashable {
        /// The pattern matches the whole code.
        case match
        /// It does not.
        case noMatch
        /// The step limit ran out before the code was read to its end.
        case stepLimitReached
    }

    /// The pattern as written.
    public let source: String
    let program: PatternProgram

    /// Parses and compiles `source`; throws the first problem, located by its offset in `source`.
    public init(_ source: String, limits: CodePatternLimits = .default) throws(CodePatternError) {
        let tree = try PatternParser.parse(source, limits: limits)
        let size = try PatternCompiler.programSize(of: tree, limits: limits)
        self.source = source
        self.program = PatternCompiler.emit(tree, size: size, limits: limits)
    }

    /// Parses and compiles `source` unless its program would need more than `budget` instructions, in
    /// which case it is nil: compiling costs one step per instruction, which a caller checking many
    /// patterns counts against its allowance. Throws as ``init(_:limits:)`` does.
    public static func compile(_ source: String, limits: CodePatternLimits = .default,
                               budget: Int) throws(CodePatternError) -> CodePattern? {
        let tree = try PatternParser.parse(source, limits: limits)
        let size = try PatternCompiler.programSize(of: tree, limits: limits)
        guard size <= budget else { return nil }
        return CodePattern(source: source, program: PatternCompiler.emit(tree, size: size, limits: limits))
    }

    private init(source: String, program: PatternProgram) {
        self.source = source
        self.program = program
    }

    /// The size of the compiled program (the NFA's states), at most ``CodePatternLimits/maxInstructions``.
    public var instructionCount: Int { program.instructions.count }

    /// Whether `code` matches the whole pattern.
    public func matches(_ code: String) -> Bool {
        match(code, stepLimit: .max).verdict == .match
    }

    /// Matches `code` against the whole pattern, stopping once more than `stepLimit` steps are spent.
    /// A step is one instruction entered at one position, and preparing the state sets costs one step
    /// per instruction, so `steps` never exceeds (scalars in `code` + 2) × ``instructionCount``.
    public func match(_ code: String, stepLimit: Int) -> (verdict: Verdict, steps: Int) {
        PatternMatcher(program: program).run(code.unicodeScalars, stepLimit: stepLimit)
    }

    /// What a pattern may contain, for messages that refuse something else.
    public static let supportedSyntax = "a pattern may use literal characters, `.`, `\\d \\w \\s \\D \\W \\S`, "
        + "metacharacters escaped with `\\`, classes like `[a-z0-9_]` and `[^...]`, groups `(...)` and `(?:...)`, "
        + "`|`, the quantifiers `* + ? {n} {n,} {n,m}` (lazy forms too), `^` at the start and `$` at the end; "
        + "codes are matched one Unicode scalar at a time"
}
