/// One item read by an escape or inside a class: a single scalar (which may start a range) or a
/// builtin class.
enum PatternClassAtom {
    case scalar(Unicode.Scalar)
    case builtin(PatternBuiltinClass, negated: Bool)
}

extension PatternParser {
    /// The metacharacters a backslash makes literal, inside and outside classes.
    static let escapable: Set<Unicode.Scalar> = Set(#".-[](){}*+?|\^$/"#.unicodeScalars)

    /// Reads `\d`, `\W`, `\.` and the like at `index`; refuses every other escape by name.
    mutating func parseEscape() throws(CodePatternError) -> PatternClassAtom {
        let start = index
        guard index + 1 < scalars.count else {
            throw invalid("the pattern ends with `\\`, which escapes nothing; write `\\\\` for a literal `\\`",
                          at: start)
        }
        let escaped = scalars[index + 1]
        index += 2
        switch escaped {
        case "d": return .builtin(.digit, negated: false)
        case "D": return .builtin(.digit, negated: true)
        case "w": return .builtin(.word, negated: false)
        case "W": return .builtin(.word, negated: true)
        case "s": return .builtin(.whitespace, negated: false)
        case "S": return .builtin(.whitespace, negated: true)
        case _ where Self.escapable.contains(escaped): return .scalar(escaped)
        default: break
        }
        let written = DiagnosticText.code("\\" + String(Character(escaped)))
        let construct: String
        switch escaped {
        case "1"..."9", "k", "g": construct = "a backreference \(written)"
        case "b", "B", "A", "z", "Z", "G", "K", "y", "Y": construct = "the assertion \(written)"
        case "p", "P": construct = "a Unicode property class \(written)"
        case "Q", "E": construct = "quoting with `\\Q...\\E`"
        case "x", "u", "U", "o", "0", "N", "n", "t", "r", "f", "v", "e", "a", "c":
            construct = "the escape \(written) (write the character itself)"
        case _ where escaped.isASCII && escaped.properties.isPatternSyntax:
            let bare = DiagnosticText.code(String(Character(escaped)))
            construct = "the escape \(written) (write \(bare) without the backslash)"
        default:
            construct = "the escape \(written)"
        }
        throw CodePatternError(.unsupported(construct), at: start)
    }

    /// Reads a class `[...]` or `[^...]` at `index`: single characters, ranges `a-z`, escapes and the
    /// builtin classes. Nested classes, POSIX classes and set operations (`&&`, `--`, `~~`) are refused.
    mutating func parseClass() throws(CodePatternError) -> PatternScalarSet {
        let start = index
        index += 1
        var set = PatternScalarSet(members: [], isNegated: false)
        if index < scalars.count, scalars[index] == "^" {
            set.isNegated = true
            index += 1
        }
        let firstItem = index
        while true {
            guard index < scalars.count else {
                throw invalid("`[` opens a character class that is never closed; add `]`", at: start)
            }
            if scalars[index] == "]" {
                guard index > firstItem else {
                    throw invalid("the character class `\(text(start..<index + 1))` is empty; "
                                  + "write `\\]` for a literal `]`", at: start)
                }
                index += 1
                try refusePOSIXClass(from: start, firstItem: firstItem)
                return set
            }
            set.members.append(try parseClassItem(first: index == firstItem))
        }
    }

    /// One character, escape or range of a class.
    private mutating func parseClassItem(first: Bool) throws(CodePatternError) -> PatternScalarSet.Member {
        let start = index
        try refuseSetOperation()
        let low = try parseClassAtom(first: first)
        // `-` makes a range unless it is the last character before `]`.
        guard index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" else {
            switch low {
            case .scalar(let scalar): return .range(scalar.value...scalar.value)
            case .builtin(let builtin, let negated): return .builtin(builtin, negated: negated)
            }
        }
        try refuseSetOperation()
        guard case .scalar(let lower) = low else {
            throw invalid("a range cannot start at `\(text(start..<index))`; write `\\-` for a literal `-`", at: start)
        }
        index += 1
        let highStart = index
        guard case .scalar(let upper) = try parseClassAtom(first: false) else {
            throw invalid("a range cannot end at `\(text(highStart..<index))`; write `\\-` for a literal `-`",
                          at: highStart)
        }
        guard lower <= upper else {
            let range = DiagnosticText.code(text(start..<index))
            throw invalid("the range \(range) is out of order; write the smaller end first", at: start)
        }
        return .range(lower.value...upper.value)
    }

    /// One character or escape inside a class. A `-` is literal only first or last.
    private mutating func parseClassAtom(first: Bool) throws(CodePatternError) -> PatternClassAtom {
        let start = index
        let scalar = scalars[index]
        switch scalar {
        case "\\":
            return try parseEscape()
        case "[":
            throw CodePatternError(.unsupported("a nested or POSIX class (`[` inside a class; "
                                                + "write `\\[` for a literal `[`)"), at: start)
        case "-" where !first && !(index + 1 < scalars.count && scalars[index + 1] == "]"):
            throw invalid("a `-` in the middle of a class that does not make a range is ambiguous; "
                          + "write `\\-` for a literal `-`", at: start)
        default:
            index += 1
            return .scalar(scalar)
        }
    }

    /// Swift's `Regex` reads `[:name:]` as a POSIX class, even outside another class.
    private func refusePOSIXClass(from start: Int, firstItem: Int) throws(CodePatternError) {
        let end = index - 1  // the closing `]`
        if firstItem == start + 1, end - firstItem >= 2, scalars[firstItem] == ":", scalars[end - 1] == ":" {
            let written = DiagnosticText.code(text(start..<index))
            throw CodePatternError(.unsupported("a POSIX class \(written)"), at: start)
        }
    }

    /// Swift's `Regex` reads `&&`, `--` and `~~` inside a class as set operations.
    private func refuseSetOperation() throws(CodePatternError) {
        guard index + 1 < scalars.count else { return }
        let scalar = scalars[index]
        if (scalar == "&" || scalar == "-" || scalar == "~"), scalars[index + 1] == scalar {
            throw CodePatternError(.unsupported("the class set operation `\(scalar)\(scalar)`"), at: index)
        }
    }
}
