/// Text from input made safe to print for people: control characters become visible escapes, so a
/// file name, key or value cannot move the cursor, recolour or reorder a terminal's output.
public enum DisplayText {
    /// `text` with every control character (C0, DEL, C1) and every bidirectional control (U+061C,
    /// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) written as `\u{1B}`; everything else, printable
    /// non-ASCII text included, is kept as is.
    public static func escaped(_ text: String) -> String {
        // Most text is printable ASCII: return it without building a new string.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar) {
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u{" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is written as an escape by ``escaped(_:)``.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.isBidiControl
    }
}
