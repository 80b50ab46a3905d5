import ContractRuntime

/// Random error-catalog patterns drawn from the linear-time subset (`CodePattern`'s syntax), with
/// codes made from them: samples the pattern matches, and mutations of those that it may not.
///
/// Every pattern this builds must be accepted by `CodePattern`; the differential tests compare its
/// verdicts with Swift's `Regex.wholeMatch`, so codes stay short enough for backtracking to be cheap.
public indirect enum RandomPattern: Sendable {
    case literal(Unicode.Scalar)
    case any
    /// `\d`, `\w`, `\s` (`negated`: `\D`, `\W`, `\S`), identified by their letter.
    case builtin(Character, negated: Bool)
    case characterClass([ClassItem], negated: Bool)
    case group(RandomPattern, capturing: Bool)
    case concatenation([RandomPattern])
    case alternation([RandomPattern])
    case repetition(RandomPattern, min: Int, max: Int?, lazy: Bool)

    /// One item of a class.
    public enum ClassItem: Sendable {
        case literal(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
        case builtin(Character, negated: Bool)
    }

    /// Characters written as themselves: ASCII letters, digits and punctuation that are not
    /// metacharacters, spaces, control characters and non-ASCII single scalars (letters, digits of other
    /// scripts, superscripts, fractions, no-break and ideographic spaces, a line separator).
    public static let literals: [Unicode.Scalar] = Array("aAbBzZ019_ -:,#@!%&~'\"=<>;`".unicodeScalars)
        + ["\t", "\n", "\u{7F}", "é", "ß", "Ж", "日", "٣", "²", "½", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}"]
    /// Metacharacters, written with a backslash.
    public static let metacharacters: [Unicode.Scalar] = Array(#".-[](){}*+?|\^$/"#.unicodeScalars)
    /// Ranges a class may hold, low end first.
    public static let ranges: [(Unicode.Scalar, Unicode.Scalar)] = [("a", "z"), ("0", "9"), ("A", "F"), ("à", "ÿ"),
                                                                     ("α", "ω"), ("!", "/"), ("\u{0}", " ")]
    /// What codes are made of besides the pattern's own characters.
    public static let codeAlphabet: [Unicode.Scalar] = literals + metacharacters
        + ["c", "5", "\r", "\u{301}", "\u{2029}", "٥", "Ω", "\u{1F600}", "\u{0}", "\u{B}", "\u{C}"]

    // MARK: - Building

    /// A pattern nesting at most `depth` levels of groups and repetitions.
    public static func make(depth: Int, using random: inout SplitMix64) -> RandomPattern {
        alternation(depth: depth, using: &random)
    }

    static func alternation(depth: Int, using random: inout SplitMix64) -> RandomPattern {
        let branches = random.list(1...(random.chance(0.7) ? 1 : 3)) { concatenation(depth: depth, using: &$0) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    static func concatenation(depth: Int, using random: inout SplitMix64) -> RandomPattern {
        .concatenation(random.list(0...4) { quantified(depth: depth, using: &$0) })
    }

    static func quantified(depth: Int, using random: inout SplitMix64) -> RandomPattern {
        let atom = atom(depth: depth, using: &random)
        guard depth > 0, random.chance(0.35) else { return atom }
        let lazy = random.chance(0.15)
        // Swift reads `<{` up to a later `}>` as an interpolation and refuses it; so does CodePattern.
        let counted = !(atom.isLiteral("<"))
        switch random.int(in: 0...(counted ? 5 : 2)) {
        case 0: return .repetition(atom, min: 0, max: nil, lazy: lazy)
        case 1: return .repetition(atom, min: 1, max: nil, lazy: lazy)
        case 2: return .repetition(atom, min: 0, max: 1, lazy: lazy)
        case 3: let n = random.int(in: 0...3); return .repetition(atom, min: n, max: n, lazy: lazy)
        case 4: return .repetition(atom, min: random.int(in: 0...2), max: nil, lazy: lazy)
        default:
            let low = random.int(in: 0...2)
            return .repetition(atom, min: low, max: low + random.int(in: 0...2), lazy: lazy)
        }
    }

    static func atom(depth: Int, using random: inout SplitMix64) -> RandomPattern {
        switch random.int(in: 0...11) {
        case 0...4: return .literal(random.pick(literals))
        case 5: return .literal(random.pick(metacharacters))
        case 6: return .any
        case 7: return .builtin(random.pick(["d", "w", "s"]), negated: random.chance(0.3))
        case 8, 9: return characterClass(using: &random)
        default:
            guard depth > 0 else { return .literal(random.pick(literals)) }
            return .group(alternation(depth: depth - 1, using: &random), capturing: random.chance(0.5))
        }
    }

    static func characterClass(using random: inout SplitMix64) -> RandomPattern {
        // `-`, `&` and `~` are left out of the middle: Swift reads `&&`, `--` and `~~` as set operations;
        // and `:`, since `[:name:]` is a POSIX class to Swift.
        let plain = (literals + ["^"]).filter { !"-&~:".unicodeScalars.contains($0) }
        var items = random.list(1...4) { random -> ClassItem in
            switch random.int(in: 0...5) {
            case 0, 1: return .literal(random.pick(plain))
            case 2: return .literal(random.pick(metacharacters))
            case 3, 4: let range = random.pick(ranges); return .range(range.0, range.1)
            default: return .builtin(random.pick(["d", "w", "s"]), negated: random.chance(0.3))
            }
        }
        if random.chance(0.15) { items.append(.literal("-")) }
        return .characterClass(items, negated: random.chance(0.3))
    }

    func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
        if case .literal(scalar) = self { return true }
        return false
    }

    // MARK: - Writing

    /// The pattern's text, sometimes with a leading `^` and a trailing `$`.
    public func source(using random: inout SplitMix64) -> String {
        (random.chance(0.1) ? "^" : "") + text + (random.chance(0.1) ? "$" : "")
    }

    /// The pattern's text.
    public var text: String {
        switch self {
        case .literal(let scalar):
            return Self.metacharacters.contains(scalar) ? "\\" + String(scalar) : String(scalar)
        case .any:
            return "."
        case .builtin(let letter, let negated):
            return "\\" + (negated ? letter.uppercased() : String(letter))
        case .characterClass(let items, let negated):
            return "[" + (negated ? "^" : "") + items.enumerated().map { index, item in
                Self.classText(item, first: index == 0 && !negated, last: index == items.count - 1)
            }.joined() + "]"
        case .group(let inner, let capturing):
            return (capturing ? "(" : "(?:") + inner.text + ")"
        case .concatenation(let items):
            return items.map(\.text).joined()
        case .alternation(let branches):
            return branches.map(\.text).joined(separator: "|")
        case .repetition(let operand, let min, let max, let lazy):
            let count: String
            switch (min, max) {
            case (0, nil): count = "*"
            case (1, nil): count = "+"
            case (0, 1?): count = "?"
            case (let low, nil): count = "{\(low),}"
            case (let low, let high?) where low == high: count = "{\(low)}"
            case (let low, let high?): count = "{\(low),\(high)}"
            }
            // A repeated concatenation or alternation needs a group to stay one operand.
            let needsGroup: Bool
            switch operand {
            case .concatenation(let items): needsGroup = items.count != 1
            case .alternation: needsGroup = true
            default: needsGroup = false
            }
            let written = needsGroup ? "(?:" + operand.text + ")" : operand.text
            return written + count + (lazy ? "?" : "")
        }
    }

    /// An item as written in a class; a `-` is bare only last, where it cannot make a range.
    static func classText(_ item: ClassItem, first: Bool, last: Bool) -> String {
        func scalar(_ s: Unicode.Scalar) -> String {
            switch s {
            case "]", "[", "\\", "-": return "\\" + String(s)
            case "^" where first: return "\\^"
            default: return String(s)
            }
        }
        switch item {
        case .literal("-") where last: return "-"
        case .literal(let s): return scalar(s)
        case .range(let low, let high): return scalar(low) + "-" + scalar(high)
        case .builtin(let letter, let negated): return "\\" + (negated ? letter.uppercased() : String(letter))
        }
    }

    // MARK: - Codes

    /// A string the pattern matches, choosing each alternative, count and class member at random.
    public func sample(using random: inout SplitMix64) -> String {
        var out = String.UnicodeScalarView()
        sample(into: &out, using: &random)
        return String(out)
    }

    func sample(into out: inout String.UnicodeScalarView, using random: inout SplitMix64) {
        switch self {
        case .literal(let scalar):
            out.append(scalar)
        case .any:
            out.append(random.pick(Self.codeAlphabet.filter { !"\n\r\u{B}\u{C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }))
        case .builtin(let letter, let negated):
            let members: [Unicode.Scalar]
            switch (letter, negated) {
            case ("d", false): members = ["0", "7", "٣", "²"]
            case ("w", false): members = ["a", "Z", "_", "5", "é", "日"]
            case ("s", false): members = [" ", "\t", "\n", "\u{A0}"]
            default: members = ["!", "-", "%"]
            }
            out.append(random.pick(members))
        case .characterClass(let items, let negated):
            if negated {
                out.append(random.pick(Self.codeAlphabet))
                return
            }
            switch random.pick(items) {
            case .literal(let scalar): out.append(scalar)
            case .range(let low, let high): out.append(Unicode.Scalar(random.int(in: Int(low.value)...Int(high.value)))!)
            case .builtin(let letter, let negated): RandomPattern.builtin(letter, negated: negated).sample(into: &out, using: &random)
            }
        case .group(let inner, _):
            inner.sample(into: &out, using: &random)
        case .concatenation(let items):
            for item in items { item.sample(into: &out, using: &random) }
        case .alternation(let branches):
            random.pick(branches).sample(into: &out, using: &random)
        case .repetition(let operand, let min, let max, _):
            for _ in 0..<random.int(in: min...(max ?? min + 2)) { operand.sample(into: &out, using: &random) }
        }
    }

    /// A short code: a sample of the pattern, often mutated (a scalar inserted, removed or replaced), or
    /// random scalars.
    public func code(using random: inout SplitMix64) -> String {
        var scalars: [Unicode.Scalar]
        if random.chance(0.75) {
            scalars = Array(sample(using: &random).unicodeScalars.prefix(12))
            for _ in 0..<random.int(in: 0...2) where random.chance(0.5) {
                let position = random.int(in: 0...scalars.count)
                switch random.int(in: 0...2) {
                case 0: scalars.insert(random.pick(Self.codeAlphabet), at: position)
                case 1 where position < scalars.count: scalars.remove(at: position)
                default: if position < scalars.count { scalars[position] = random.pick(Self.codeAlphabet) }
                }
            }
        } else {
            scalars = random.list(0...8) { $0.pick(Self.codeAlphabet) }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
