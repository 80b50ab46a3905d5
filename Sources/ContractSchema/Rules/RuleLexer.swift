/// A syntax error in a rule's text: where it is and what to do about it.
public struct RuleSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Offsets, in Unicode scalars from the start of the rule text, of the offending text.
    public var span: Range<Int>
    /// One sentence saying what is wrong, and where possible how to fix it.
    public var message: String

    /// Creates an error.
    public init(span: Range<Int>, message: String) {
        self.span = span
        self.message = message
    }

    /// `offset: message`, for test failures and logs.
    public var description: String { "\(span.lowerBound): \(message)" }
}

/// Words with a meaning of their own; they cannot name fields or enum values in a rule.
enum RuleKeyword: String, Hashable, Sendable, CaseIterable {
    case and, or, not, implies, `in`, `true`, `false`, null
}

/// Punctuation and comparison operators.
enum RuleSymbol: String, Hashable, Sendable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", comma = ","
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The comparison this symbol spells, if it is one.
    var comparison: RuleOperator? {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        case .leftParen, .rightParen, .leftBracket, .rightBracket, .comma: nil
        }
    }
}

/// One lexical unit of a rule, with its offsets in Unicode scalars.
struct RuleToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case identifier(String)
        case keyword(RuleKeyword)
        case int(Int64)
        case double(Double)
        case string(String)
        case symbol(RuleSymbol)
        /// Text that is not a token; the message says why. The lexer stops after it.
        case invalid(String)
        case end
    }

    var kind: Kind
    var span: Range<Int>
}

/// Splits rule text into tokens.
///
/// Lexing stops at the first invalid token, which carries its message; the parser reports it only
/// when it reaches it, so errors come out in text order.
enum RuleLexer {
    /// The tokens of `scalars`, ending with `.end` (or with `.invalid` followed by `.end`).
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [RuleToken] {
        var tokens: [RuleToken] = []
        var i = 0
        while true {
            while i < scalars.count, isWhitespace(scalars[i]) { i += 1 }
            guard i < scalars.count else { break }
            let token = lexToken(scalars, at: i)
            tokens.append(token)
            if case .invalid = token.kind { break }
            i = token.span.upperBound
        }
        tokens.append(RuleToken(kind: .end, span: scalars.count..<scalars.count))
        return tokens
    }

    private static func lexToken(_ s: [Unicode.Scalar], at start: Int) -> RuleToken {
        let c = s[start]
        let next: Unicode.Scalar? = start + 1 < s.count ? s[start + 1] : nil
        func symbol(_ symbol: RuleSymbol) -> RuleToken {
            RuleToken(kind: .symbol(symbol), span: start..<start + symbol.rawValue.unicodeScalars.count)
        }
        func invalid(_ length: Int, _ message: String) -> RuleToken {
            RuleToken(kind: .invalid(message), span: start..<min(start + length, s.count))
        }

        if isIdentifierStart(c) { return lexWord(s, at: start) }
        if isDigit(c) || (c == "-" && next.map(isDigit) == true) { return lexNumber(s, at: start) }
        switch c {
        case "'", "\"": return lexString(s, at: start)
        case "(": return symbol(.leftParen)
        case ")": return symbol(.rightParen)
        case "[": return symbol(.leftBracket)
        case "]": return symbol(.rightBracket)
        case ",": return symbol(.comma)
        case "=":
            // The common spellings from other languages get a pointed hint instead of "unexpected".
            if next == "=" {
                if start + 2 < s.count, s[start + 2] == "=" { return invalid(3, "use `==` instead of `===`") }
                return symbol(.equal)
            }
            if next == ">" { return invalid(2, "use `implies` instead of `=>`") }
            return invalid(1, "use `==` instead of `=`")
        case "!":
            if next == "=" {
                if start + 2 < s.count, s[start + 2] == "=" { return invalid(3, "use `!=` instead of `!==`") }
                return symbol(.notEqual)
            }
            return invalid(1, "use `not` instead of `!`")
        case "<":
            if next == "=" { return symbol(.lessOrEqual) }
            if next == ">" { return invalid(2, "use `!=` instead of `<>`") }
            return symbol(.less)
        case ">":
            return next == "=" ? symbol(.greaterOrEqual) : symbol(.greater)
        case "&":
            return next == "&" ? invalid(2, "use `and` instead of `&&`") : invalid(1, "use `and` instead of `&`")
        case "|":
            return next == "|" ? invalid(2, "use `or` instead of `||`") : invalid(1, "use `or` instead of `|`")
        case "-":
            if next == ">" { return invalid(2, "use `implies` instead of `->`") }
            return invalid(1, "unexpected `-`; rules have no arithmetic, and `-` may only start a negative number")
        case ".":
            if next.map(isDigit) == true {
                var end = start + 1
                while end < s.count, isIdentifierContinue(s[end]) || s[end] == "." { end += 1 }
                return invalid(end - start, "`\(text(s, start..<end))` is not a valid number; write `0\(text(s, start..<end))`")
            }
            return invalid(1, "unexpected `.`; a rule can only name fields of its own model")
        case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}":
            return invalid(1, "unexpected `\(c)`; quote strings with ' or \"")
        default:
            return invalid(1, "unexpected character `\(c)`")
        }
    }

    private static func lexWord(_ s: [Unicode.Scalar], at start: Int) -> RuleToken {
        var end = start + 1
        while end < s.count, isIdentifierContinue(s[end]) { end += 1 }
        let word = text(s, start..<end)
        if let keyword = RuleKeyword(rawValue: word) {
            return RuleToken(kind: .keyword(keyword), span: start..<end)
        }
        return RuleToken(kind: .identifier(word), span: start..<end)
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`; a letter, digit or dot glued to the end makes it invalid.
    private static func lexNumber(_ s: [Unicode.Scalar], at start: Int) -> RuleToken {
        var end = start
        if s[end] == "-" { end += 1 }
        func digits() { while end < s.count, isDigit(s[end]) { end += 1 } }
        func hasDigit(at index: Int) -> Bool { index < s.count && isDigit(s[index]) }
        digits()
        var isDouble = false
        if end < s.count, s[end] == ".", hasDigit(at: end + 1) {
            end += 1
            digits()
            isDouble = true
        }
        if end < s.count, s[end] == "e" || s[end] == "E" {
            var exponent = end + 1
            if exponent < s.count, s[exponent] == "+" || s[exponent] == "-" { exponent += 1 }
            guard hasDigit(at: exponent) else {
                let bad = text(s, start..<exponent)
                return RuleToken(kind: .invalid("`\(bad)` is not a valid number; the exponent needs digits"), span: start..<exponent)
            }
            end = exponent
            digits()
            isDouble = true
        }
        if end < s.count, isIdentifierContinue(s[end]) || s[end] == "." {
            while end < s.count, isIdentifierContinue(s[end]) || s[end] == "." { end += 1 }
            let bad = text(s, start..<end)
            return RuleToken(kind: .invalid("`\(bad)` is not a valid number"), span: start..<end)
        }
        let literal = text(s, start..<end)
        if isDouble {
            guard let value = Double(literal), value.isFinite else {
                return RuleToken(kind: .invalid("`\(literal)` is too large for a double"), span: start..<end)
            }
            return RuleToken(kind: .double(value), span: start..<end)
        }
        // The syntax is already checked, so a nil here can only mean the value overflows.
        guard let value = Int64(literal) else {
            return RuleToken(kind: .invalid("`\(literal)` does not fit in a 64-bit integer"), span: start..<end)
        }
        return RuleToken(kind: .int(value), span: start..<end)
    }

    /// A string in '...' or "..."; the only escapes are `\\`, `\'` and `\"`.
    private static func lexString(_ s: [Unicode.Scalar], at start: Int) -> RuleToken {
        let quote = s[start]
        var value = String.UnicodeScalarView()
        var i = start + 1
        while i < s.count {
            let c = s[i]
            if c == quote {
                return RuleToken(kind: .string(String(value)), span: start..<i + 1)
            }
            if c == "\\" {
                guard i + 1 < s.count else { break }
                let escaped = s[i + 1]
                guard escaped == "\\" || escaped == "'" || escaped == "\"" else {
                    return RuleToken(kind: .invalid("unknown escape `\\\(escaped)` in a string literal; only `\\\\`, `\\'` and `\\\"` are allowed"),
                                     span: i..<i + 2)
                }
                value.append(escaped)
                i += 2
                continue
            }
            value.append(c)
            i += 1
        }
        return RuleToken(kind: .invalid("unterminated string literal"), span: start..<s.count)
    }

    static func text(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[range])
        return String(view)
    }

    private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r"
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    private static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
