/// Parses a pattern of the linear-time subset into a ``PatternNode`` tree, refusing every other
/// construct with a located ``CodePatternError``.
///
/// Recursive descent; recursion grows only with group nesting, which is bounded by
/// ``CodePatternLimits/maxGroupDepth``, so hostile input cannot overflow the stack.
struct PatternParser {
    let scalars: [Unicode.Scalar]
    let limits: CodePatternLimits
    var index = 0
    var depth = 0

    /// The tree of `source`, or the first problem in it.
    static func parse(_ source: String, limits: CodePatternLimits) throws(CodePatternError) -> PatternNode {
        let bytes = source.utf8.count
        if bytes > limits.maxBytes {
            throw CodePatternError(.tooLong(bytes: bytes, limit: limits.maxBytes), at: 0)
        }
        try refuseCombiningSequences(source)
        var parser = PatternParser(scalars: Array(source.unicodeScalars), limits: limits)
        return try parser.parsePattern()
    }

    /// Codes are matched one scalar at a time, so a character of several scalars (`e` + U+0301) would
    /// mean something else here than to a reader, and than to Swift's `Regex`.
    private static func refuseCombiningSequences(_ source: String) throws(CodePatternError) {
        var offset = 0
        for character in source {
            let count = character.unicodeScalars.count
            if count > 1 {
                let codes = character.unicodeScalars.map { "U+" + hex($0.value) }.joined(separator: " ")
                let written = DiagnosticText.code(String(character))
                let construct = "a character made of several Unicode scalars (\(written): \(codes))"
                throw CodePatternError(.unsupported(construct), at: offset)
            }
            offset += count
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - Structure

    /// A leading `^` and a trailing `$` are accepted and dropped: codes always match the whole pattern.
    mutating func parsePattern() throws(CodePatternError) -> PatternNode {
        if scalars.first == "^" { index = 1 }
        let node = try parseAlternation()
        if index < scalars.count {
            // parseAlternation stops only at the end or at a `)` with no group open.
            throw invalid("unmatched `)`; write `\\)` for a literal `)`", at: index)
        }
        return node
    }

    mutating func parseAlternation() throws(CodePatternError) -> PatternNode {
        let start = index
        var branches = [try parseConcatenation()]
        while index < scalars.count, scalars[index] == "|" {
            index += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : PatternNode(kind: .alternation(branches), offset: start)
    }

    mutating func parseConcatenation() throws(CodePatternError) -> PatternNode {
        let start = index
        var items: [PatternNode] = []
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "|" || scalar == ")" { break }
            if scalar == "$", index == scalars.count - 1, depth == 0 {
                index += 1
                break
            }
            let atomStart = index
            let atom = try parseAtom()
            items.append(try parseQuantifier(of: atom, writtenAt: atomStart))
        }
        switch items.count {
        case 0: return PatternNode(kind: .empty, offset: start)
        case 1: return items[0]
        default: return PatternNode(kind: .concatenation(items), offset: start)
        }
    }

    mutating func parseAtom() throws(CodePatternError) -> PatternNode {
        let start = index
        let scalar = scalars[index]
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            return PatternNode(kind: .set(try parseClass()), offset: start)
        case ".":
            index += 1
            return PatternNode(kind: .set(.builtin(.anyButLineBreak)), offset: start)
        case "\\":
            switch try parseEscape() {
            case .scalar(let literal): return PatternNode(kind: .scalar(literal), offset: start)
            case .builtin(let builtin, let negated):
                return PatternNode(kind: .set(.builtin(builtin, negated: negated)), offset: start)
            }
        case "*", "+", "?":
            throw invalid("`\(scalar)` has nothing to repeat; write `\\\(scalar)` for a literal `\(scalar)`", at: start)
        case "{":
            guard let end = countEnd(at: start) else { throw invalid(Self.braceAdvice, at: start) }
            throw invalid("`\(text(start..<end))` has nothing to repeat", at: start)
        case "}", "]":
            throw invalid("unmatched `\(scalar)`; write `\\\(scalar)` for a literal `\(scalar)`", at: start)
        case "^":
            throw CodePatternError(.unsupported("the anchor `^` after the start of the pattern"), at: start)
        case "$":
            throw CodePatternError(.unsupported("the anchor `$` before the end of the pattern"), at: start)
        default:
            index += 1
            return PatternNode(kind: .scalar(scalar), offset: start)
        }
    }

    mutating func parseGroup() throws(CodePatternError) -> PatternNode {
        let start = index
        if depth >= limits.maxGroupDepth {
            throw CodePatternError(.nestedTooDeep(limit: limits.maxGroupDepth), at: start)
        }
        index += 1
        if index < scalars.count, scalars[index] == "?" {
            guard index + 1 < scalars.count, scalars[index + 1] == ":" else {
                throw CodePatternError(.unsupported(groupSyntax(at: start)), at: start)
            }
            index += 2
        }
        depth += 1
        let inner = try parseAlternation()
        depth -= 1
        guard index < scalars.count, scalars[index] == ")" else {
            throw invalid("`(` opens a group that is never closed; add `)`", at: start)
        }
        index += 1
        return inner
    }

    /// Names what `(?` starts, for the message that refuses it.
    func groupSyntax(at start: Int) -> String {
        let rest = scalars[(start + 2)...]
        // Other constructs are named by their first characters; inline options run to `)` or `:`.
        func written(_ count: Int) -> String {
            DiagnosticText.code("(?" + text(rest.startIndex..<rest.startIndex + min(count, rest.count)))
        }
        let first = rest.first.map(Character.init)
        let second = rest.dropFirst().first.map(Character.init)
        switch first {
        case "=": return "a lookahead `(?=`"
        case "!": return "a negative lookahead `(?!`"
        case "<" where second == "=": return "a lookbehind `(?<=`"
        case "<" where second == "!": return "a negative lookbehind `(?<!`"
        case "<", "'": return "a named group \(written(1))"
        case "P" where second == "<": return "a named group `(?P<`"
        case "P": return "a named reference \(written(2))"
        case ">": return "an atomic group `(?>`"
        case "#": return "a comment `(?#`"
        case "|": return "a branch reset group `(?|`"
        case "(": return "a conditional group `(?(`"
        case "R", "&", "+": return "a recursion \(written(1))"
        case let c? where c.isNumber: return "a recursion \(written(1))"
        case let c? where c.isLetter || c == "-" || c == "^":
            let close = rest.prefix(10).firstIndex { $0 == ")" || $0 == ":" }
            return "inline options \(written(close.map { $0 - rest.startIndex + 1 } ?? 8))"
        case nil: return "`(?` at the end of the pattern"
        default: return "the group syntax \(written(1))"
        }
    }

    // MARK: - Quantifiers

    /// `atom` with the quantifier that follows it, if any; `atomStart` is where the atom was written (its
    /// opening parenthesis for a group), which is where the repetition is reported.
    mutating func parseQuantifier(of atom: PatternNode,
                                  writtenAt atomStart: Int) throws(CodePatternError) -> PatternNode {
        guard index < scalars.count else { return atom }
        let start = index
        let bounds: (min: Int, max: Int?)
        switch scalars[index] {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{":
            guard countEnd(at: index) != nil else { throw invalid(Self.braceAdvice, at: index) }
            bounds = try parseCount()
        default:
            return atom
        }
        if atom.kind == .scalar("<"), scalars[start] == "{", closesInterpolation(after: start) {
            throw CodePatternError(.unsupported("`<{...}>`, which Swift's `Regex` reserves for interpolation "
                                                + "(write `(?:<)` to repeat a `<`)"), at: start - 1)
        }
        if index < scalars.count, scalars[index] == "+" {
            throw CodePatternError(.unsupported("a possessive quantifier `\(text(start..<index + 1))`"), at: start)
        }
        if index < scalars.count, scalars[index] == "?" {
            index += 1  // lazy: the same set of whole matches
        }
        if index < scalars.count, "*+?".unicodeScalars.contains(scalars[index]) || countEnd(at: index) != nil {
            throw invalid("a quantifier cannot follow another quantifier; group what it repeats, like `(?:a{2})*`",
                          at: index)
        }
        return PatternNode(kind: .repetition(atom, min: bounds.min, max: bounds.max), offset: atomStart)
    }

    /// Whether `}>` follows `offset`: Swift's `Regex` reads `<{` up to the next `}>` as an interpolation,
    /// which it refuses.
    func closesInterpolation(after offset: Int) -> Bool {
        var i = offset
        while i + 1 < scalars.count {
            if scalars[i] == "}", scalars[i + 1] == ">" { return true }
            i += 1
        }
        return false
    }

    static let braceAdvice = "`{` must start a repetition count like `{3}`, `{2,}` or `{1,3}`; "
        + "write `\\{` for a literal `{`"

    /// The index just past `{n}`, `{n,}` or `{n,m}` starting at `start`, or nil when none starts there.
    func countEnd(at start: Int) -> Int? {
        guard start < scalars.count, scalars[start] == "{" else { return nil }
        var i = start + 1
        func digits() -> Bool {
            let first = i
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            return i > first
        }
        guard digits() else { return nil }
        if i < scalars.count, scalars[i] == "," {
            i += 1
            _ = digits()
        }
        guard i < scalars.count, scalars[i] == "}" else { return nil }
        return i + 1
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` (``countEnd(at:)`` has checked its shape) without overflowing on
    /// any number of digits.
    mutating func parseCount() throws(CodePatternError) -> (min: Int, max: Int?) {
        let start = index
        index += 1
        let low = try parseNumber()
        var high: Int? = low
        if scalars[index] == "," {
            index += 1
            high = scalars[index] == "}" ? nil : try parseNumber()
        }
        index += 1
        if let high, high < low {
            throw invalid("`\(text(start..<index))` repeats at least \(low) and at most \(high) times; "
                          + "write the smaller count first", at: start)
        }
        return (low, high)
    }

    mutating func parseNumber() throws(CodePatternError) -> Int {
        let start = index
        var value = 0
        var overflowed = false
        while index < scalars.count, ("0"..."9").contains(scalars[index]) {
            let digit = Int(scalars[index].value - 48)
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit)
            overflowed = overflowed || o1 || o2
            value = overflowed ? Int.max : sum
            index += 1
        }
        if overflowed || value > limits.maxRepetition {
            let count = text(start..<index)
            throw CodePatternError(.repetitionTooLarge(count: count, limit: limits.maxRepetition), at: start)
        }
        return value
    }

    // MARK: - Helpers

    func text(_ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[range])
        return String(out)
    }

    func invalid(_ detail: String, at offset: Int) -> CodePatternError {
        CodePatternError(.invalid(detail), at: offset)
    }
}
