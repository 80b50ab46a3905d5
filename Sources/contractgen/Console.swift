import ContractRuntime
import Foundation

/// Where the CLI writes; library code never prints.
enum Console {
    /// Writes `text` to standard output as is.
    static func standardOutput(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to standard error as is.
    static func standardError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `text` with control characters escaped line by line (``DisplayText/escaped(_:)``), keeping its
    /// line breaks.
    static func escapingEachLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.escaped(String($0)) }.joined(separator: "\n")
    }

    /// Whether the file descriptor is a terminal (for tables and progress bars).
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
