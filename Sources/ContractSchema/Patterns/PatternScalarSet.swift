/// The classes a pattern can name with one escape (or `.`), defined as Swift `Regex` defines them when
/// matching Unicode scalars, so that a pattern means here what it means there.
enum PatternBuiltinClass: Sendable, Hashable {
    /// `\d`: a scalar with a Unicode numeric type (`7`, `٣`, `²`, `½`).
    case digit
    /// `\w`: a Unicode alphabetic scalar, an ASCII digit or `_`.
    case word
    /// `\s`: a Unicode White_Space scalar.
    case whitespace
    /// `.`: any scalar but a line break (`\n`, `\v`, `\f`, `\r`, U+0085, U+2028, U+2029).
    case anyButLineBreak

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .digit:
            scalar.properties.numericType != nil
        case .word:
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
        case .whitespace:
            scalar.properties.isWhitespace
        case .anyButLineBreak:
            !((0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028
                || scalar.value == 0x2029)
        }
    }
}

/// A set of Unicode scalars: what `.`, `\d`, `\W` or a class like `[^a-z_]` matches.
struct PatternScalarSet: Sendable, Hashable {
    /// One item of a class.
    enum Member: Sendable, Hashable {
        /// Scalars from `lowerBound` to `upperBound` by value; a single character is a range of one.
        case range(ClosedRange<UInt32>)
        /// A builtin class, or its complement (`\D`).
        case builtin(PatternBuiltinClass, negated: Bool)
    }

    /// The items; the set is their union.
    var members: [Member]
    /// Whether the set is the complement of the union (`[^...]`).
    var isNegated: Bool

    /// The set of one builtin class (`.`, `\d`) or its complement (`\D`).
    static func builtin(_ builtin: PatternBuiltinClass, negated: Bool = false) -> PatternScalarSet {
        PatternScalarSet(members: [.builtin(builtin, negated: negated)], isNegated: false)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let inUnion = members.contains { member in
            switch member {
            case .range(let range): range.contains(scalar.value)
            case .builtin(let builtin, let negated): builtin.contains(scalar) != negated
            }
        }
        return inUnion != isNegated
    }
}

/// A scalar set prepared for matching in time independent of how the class was written: ASCII
/// membership is read from a bitmap; other scalars are looked up among merged, sorted ranges by binary
/// search and tested against at most six distinct builtin classes.
struct CompiledScalarSet: Sendable, Hashable {
    private let lowBits: UInt64
    private let highBits: UInt64
    private let ranges: [ClosedRange<UInt32>]
    private let builtins: [PatternScalarSet.Member]
    private let isNegated: Bool

    init(_ set: PatternScalarSet) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for value in UInt32(0)..<128 where set.contains(Unicode.Scalar(UInt8(value))) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        lowBits = low
        highBits = high
        var sorted: [ClosedRange<UInt32>] = []
        var builtins: [PatternScalarSet.Member] = []
        for member in set.members {
            switch member {
            case .range(let range): sorted.append(range)
            case .builtin: if !builtins.contains(member) { builtins.append(member) }
            }
        }
        sorted.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
        self.builtins = builtins
        isNegated = set.isNegated
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return lowBits & (1 << UInt64(value)) != 0 }
        if value < 128 { return highBits & (1 << UInt64(value - 64)) != 0 }
        return inUnion(scalar) != isNegated
    }

    private func inUnion(_ scalar: Unicode.Scalar) -> Bool {
        var lower = 0
        var upper = ranges.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if ranges[middle].upperBound < scalar.value {
                lower = middle + 1
            } else {
                upper = middle
            }
        }
        if lower < ranges.count, ranges[lower].contains(scalar.value) { return true }
        return builtins.contains { member in
            guard case .builtin(let builtin, let negated) = member else { return false }
            return builtin.contains(scalar) != negated
        }
    }
}
