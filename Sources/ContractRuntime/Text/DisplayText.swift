/// Text quoted from input (a record, a schema, a database row, an argument), made safe to print for
/// people: a terminal must show it, never obey it.
///
/// Every human-readable output of the package passes quoted input through ``escaped(_:)``; JSON
/// output needs no such step, since JSON escapes control characters itself.
public enum DisplayText {
    /// `text` with every character that could control a terminal or reorder what it shows written as a
    /// visible escape: `\n`, `\r`, `\t`, and `\u{XX}` for the other C0 controls, DEL, the C1 controls
    /// (U+0080–U+009F, which include CSI and OSC), the bidirectional formatting characters
    /// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators.
    /// Everything else, backslashes and printable non-ASCII text included, is kept as it is.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` must not reach a terminal as it is.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
