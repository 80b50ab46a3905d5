/// Spelling Python literals, docstrings and comments for schema text.
///
/// Everything a schema author wrote reaches the module only through here, escaped so that no character
/// can end a literal or a comment early, hide code (bidirectional controls), or break the file.
enum PythonSyntax {
    /// A double-quoted Python string literal for `text`.
    static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out += escapedIfInvisible(scalar)
            }
        }
        return out + "\""
    }

    /// The body of a `"""` docstring: backslashes doubled, invisible characters escaped, and quotes escaped
    /// where they would close the docstring (a quote after a quote, and a quote at the end).
    static func docstringText(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"" where index == scalars.count - 1 || (index > 0 && scalars[index - 1] == "\""):
                out += "\\\""
            default: out += escapedIfInvisible(scalar)
            }
        }
        return out
    }

    /// Text for a `#` comment: invisible characters escaped, so nothing ends the comment's line.
    static func commentText(_ text: String) -> String {
        text.unicodeScalars.map(escapedIfInvisible).joined()
    }

    /// The scalar as it is, or as a Python escape when it is a control, format or line/paragraph separator
    /// character (which would end a line, or reorder what a reader sees).
    private static func escapedIfInvisible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            let hex = String(scalar.value, radix: 16)
            if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
            if scalar.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
            return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        default:
            return String(scalar)
        }
    }

    /// Python's `repr` of a finite double (`9007199254740993.0` → `9007199254740992.0`, `1e-05`, `1e+16`):
    /// the shortest digits that read back as the same double, which Swift's `description` also finds,
    /// laid out as Python lays them out (fixed notation for exponents -4 through 15, else scientific).
    static func doubleLiteral(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "float(\"nan\")" : (value < 0 ? "-float(\"inf\")" : "float(\"inf\")") }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description: `d.ddd`, `ddd.d`, or `d.ddde±x`; take its digits and decimal exponent.
        var text = value.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        // The exponent of the first digit: position of the point after the first digit.
        var pointExponent = exponent + whole.count - 1
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointExponent -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        if pointExponent < -4 || pointExponent >= 16 {
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            let magnitude = String(abs(pointExponent))
            let exponentText = (pointExponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
            return sign + mantissa + "e" + exponentText
        }
        if pointExponent < 0 {
            return sign + "0." + String(repeating: "0", count: -pointExponent - 1) + digits
        }
        let integerCount = pointExponent + 1
        if digits.count <= integerCount {
            return sign + digits + String(repeating: "0", count: integerCount - digits.count) + ".0"
        }
        return sign + digits.prefix(integerCount) + "." + digits.dropFirst(integerCount)
    }
}
