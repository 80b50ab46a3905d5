/// A parsed pattern: the tree the compiler turns into a program. Anchors are gone (whole-match
/// semantics makes a leading `^` and a trailing `$` redundant) and so are group boundaries.
struct PatternNode: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        /// Matches the empty string (an empty alternative or group).
        case empty
        /// One Unicode scalar, exactly.
        case scalar(Unicode.Scalar)
        /// One Unicode scalar of a set: `.`, `\d`, `[a-z]`.
        case set(PatternScalarSet)
        /// Each part in turn.
        case concatenation([PatternNode])
        /// Any one of the alternatives.
        case alternation([PatternNode])
        /// The operand between `min` and `max` times (`max` nil: no upper bound).
        case repetition(PatternNode, min: Int, max: Int?)
    }

    /// The node's shape.
    var kind: Kind
    /// Offset, in Unicode scalars, of the node's first character in the pattern (errors found while
    /// compiling point there).
    var offset: Int
}
