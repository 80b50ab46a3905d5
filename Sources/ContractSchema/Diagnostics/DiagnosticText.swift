/// User-supplied text quoted in a diagnostic message.
public enum DiagnosticText {
    /// `text` in backticks, with control characters, line and paragraph separators and bidirectional
    /// formatting characters written as `\u{1B}`: a message stays on one line and cannot drive a terminal.
    /// With `maxLength`, text longer than that many Unicode scalars is cut there and ends in `…`.
    public static func code(_ text: String, maxLength: Int? = nil) -> String {
        var out = "`"
        let scalars = text.unicodeScalars
        let shown = maxLength.map { scalars.prefix(max(0, $0)) } ?? scalars[...]
        for scalar in shown {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + (shown.count < scalars.count ? "…`" : "`")
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isBidiControl
        }
    }
}
