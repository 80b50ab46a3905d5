/// Accumulates Python source with 4-space indentation, lines within ``width`` columns where words allow.
struct PythonWriter {
    private(set) var text = ""
    private var depth = 0

    /// Docstrings and comments wrap at this column (PEP 8 allows a project width; the Swift output uses 120).
    static let width = 120

    var indentation: String { String(repeating: "    ", count: depth) }

    /// One line at the current indentation; an empty line has no trailing spaces.
    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : indentation + content + "\n"
    }

    /// Several lines at the current indentation.
    mutating func lines(_ contents: [String]) {
        for content in contents { line(content) }
    }

    /// `header` (ending in `:`), then the body one level deeper.
    mutating func block(_ header: String, _ body: (inout PythonWriter) -> Void) {
        line(header)
        indented(body)
    }

    /// The body one level deeper.
    mutating func indented(_ body: (inout PythonWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// A docstring for `doc`. A module's or class's docstring that takes more than one line closes on a line
    /// of its own (PEP 257); an attribute's or function's closes after its last word.
    mutating func docstring(_ doc: String, closesOnOwnLine: Bool = false) {
        var paragraphs = Self.paragraphs(doc).map(PythonSyntax.docstringText)
        if paragraphs.isEmpty { paragraphs = [""] }
        let available = Self.width - indentation.count
        var out: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { out.append("") }
            let isFirst = index == 0
            let isLast = index == paragraphs.count - 1
            // The quotes are glued to the first and last words, so wrapping leaves room for them.
            var words = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.isEmpty { words = [""] }
            if isFirst { words[0] = "\"\"\"" + words[0] }
            if isLast && !closesOnOwnLine { words[words.count - 1] += "\"\"\"" }
            out += SwiftWriter.wrap(words.joined(separator: " "), width: available)
        }
        if closesOnOwnLine {
            if out.count == 1 && out[0].count + 3 <= available {
                out[0] += "\"\"\""
            } else {
                out.append("\"\"\"")
            }
        }
        for content in out {
            text += content.isEmpty ? "\n" : indentation + content + "\n"
        }
    }

    /// `#` comment lines for `text`, wrapped like docstrings; line breaks in the text become spaces.
    mutating func comment(_ text: String) {
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        for wrapped in SwiftWriter.wrap(PythonSyntax.commentText(joined), width: Self.width - indentation.count - 2) {
            line("# " + wrapped)
        }
    }

    /// `head` followed by `items` separated by `, ` and then `tail`, on one line when it fits. Otherwise the
    /// items fill lines one level deeper; `tail` then ends the last of them (`f(\n    a, b)`), or, when
    /// `tailOnOwnLine`, follows on a line of its own after a trailing comma (`[\n    a, b,\n]`).
    mutating func list(_ head: String, _ items: [String], _ tail: String, trailingComma: Bool = false,
                       tailOnOwnLine: Bool = false) {
        let oneLine = head + items.joined(separator: ", ") + (trailingComma && items.count == 1 ? "," : "") + tail
        if indentation.count + oneLine.count <= Self.width {
            line(oneLine)
            return
        }
        line(head)
        let pieces = items.enumerated().map { index, item in
            index < items.count - 1 || tailOnOwnLine || (trailingComma && items.count == 1) ? item + "," : item + tail
        }
        indented { w in
            var current = ""
            for piece in pieces {
                if current.isEmpty {
                    current = piece
                } else if w.indentation.count + current.count + 1 + piece.count <= Self.width {
                    current += " " + piece
                } else {
                    w.line(current)
                    current = piece
                }
            }
            if !current.isEmpty { w.line(current) }
        }
        if tailOnOwnLine || (trailingComma && items.count == 1) { line(tail) }
    }

    private static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }
}
