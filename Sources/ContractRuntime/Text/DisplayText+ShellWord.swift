import Foundation

extension DisplayText {
    /// `text` as one word of a POSIX shell command line, for commands a message tells people to run:
    /// as is when it holds only characters no shell treats specially, otherwise in single quotes (a
    /// single quote inside written as `'\''`). Pass the command through ``escaped(_:)`` before printing.
    public static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                               || "_-./:@%+=,".unicodeScalars.contains(scalar))
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
