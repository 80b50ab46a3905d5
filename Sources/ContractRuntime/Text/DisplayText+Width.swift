extension DisplayText {
    /// How many terminal columns `text` takes: two for East Asian wide and full-width characters (中文),
    /// none for combining marks and other zero-width characters, one for everything else. Tables pad
    /// cells by this width, after ``escaped(_:)``, so columns stay aligned whatever the cells hold.
    public static func width(_ text: some StringProtocol) -> Int {
        var columns = 0
        for scalar in text.unicodeScalars {
            columns += width(of: scalar)
        }
        return columns
    }

    /// The columns one scalar takes (see ``width(_:)``).
    static func width(of scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` followed by spaces up to `columns` terminal columns (``width(_:)``); unchanged when it is
    /// as wide already.
    public static func padded(_ text: String, toWidth columns: Int) -> String {
        let missing = columns - width(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }
}
