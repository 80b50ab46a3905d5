import ContractRuntime

/// A finding about a schema: an error or a warning at a source location, with optional notes.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary location that explains the finding (for example the first of two duplicate keys).
    public struct Note: Hashable, Sendable {
        /// Where the note points, if anywhere.
        public var location: SourceLocation?
        /// The note's text.
        public var message: String

        /// Creates a note.
        public init(location: SourceLocation?, message: String) {
            self.location = location
            self.message = message
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the finding is; `nil` only for problems with no position (an unreadable file).
    public var location: SourceLocation?
    /// One sentence saying what is wrong, and where possible how to fix it.
    public var message: String
    /// Related locations.
    public var notes: [Note]

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, at: location, message, notes: notes)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, at: location, message, notes: notes)
    }

    /// The compiler-style rendering, notes included, one per line.
    public var description: String { DiagnosticRenderer.render(self) }
}

/// Renders diagnostics the way compilers do: `file:line:column: error: message`.
public enum DiagnosticRenderer {
    /// One diagnostic and its notes, joined by newlines (no trailing newline).
    public static func render(_ diagnostic: Diagnostic) -> String {
        var lines = [line(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message)]
        for note in diagnostic.notes {
            lines.append(line(note.location, "note", note.message))
        }
        return lines.joined(separator: "\n")
    }

    /// All diagnostics in position order, each followed by its notes, with a trailing newline.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedByPosition().map { render($0) + "\n" }.joined()
    }

    /// One line; file names and messages quote input, so control characters in them are escaped.
    private static func line(_ location: SourceLocation?, _ kind: String, _ message: String) -> String {
        if let location { return DisplayText.escaped("\(location): \(kind): \(message)") }
        return DisplayText.escaped("\(kind): \(message)")
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column; findings without a location first; stable otherwise.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? a.offset < b.offset : l < r
            }
        }.map(\.element)
    }

    /// Whether any element is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
