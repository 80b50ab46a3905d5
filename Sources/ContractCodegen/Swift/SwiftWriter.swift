/// Accumulates Swift source with 4-space indentation.
struct SwiftWriter {
    private(set) var text = ""
    private var depth = 0

    /// Doc comments and code wrap at this column.
    static let width = 120

    var indentation: String { String(repeating: "    ", count: depth) }

    /// One line at the current indentation; an empty line has no trailing spaces. Code wider than
    /// ``width`` is broken where Swift allows (``SwiftLineWrapper``).
    mutating func line(_ content: String = "") {
        guard !content.isEmpty else { return text += "\n" }
        for piece in SwiftLineWrapper(width: Self.width).wrap(content, indentation: indentation.count) {
            text += indentation + piece + "\n"
        }
    }

    /// `header {`, the body one level deeper, then `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    /// A type declaration `header: A, B, … {`, the body one level deeper, then `}`. The conformances
    /// wrap onto continuation lines when the declaration is wider than ``width``.
    mutating func typeBlock(_ header: String, conformances: [String], _ body: (inout SwiftWriter) -> Void) {
        let oneLine = header + ": " + conformances.joined(separator: ", ") + " {"
        if indentation.count + oneLine.count <= Self.width {
            line(oneLine)
        } else {
            line(header + ":")
            let continuation = indentation + "    "
            var current = ""
            for (index, name) in conformances.enumerated() {
                let piece = name + (index == conformances.count - 1 ? " {" : ",")
                if current.isEmpty {
                    current = piece
                } else if continuation.count + current.count + 1 + piece.count <= Self.width {
                    current += " " + piece
                } else {
                    text += continuation + current + "\n"
                    current = piece
                }
            }
            text += continuation + current + "\n"
        }
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    /// The body one level deeper, without braces.
    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// `switch subject {`, the body at the same depth (Swift style puts `case` level with `switch`), `}`.
    mutating func switchBlock(_ subject: String, _ body: (inout SwiftWriter) -> Void) {
        line("switch \(subject) {")
        body(&self)
        line("}")
    }

    /// `///` lines for `text`, wrapped at ``width``; each paragraph of the source stays a paragraph.
    mutating func doc(_ text: String) {
        for (index, paragraph) in Self.paragraphs(text).enumerated() {
            if index > 0 { line("///") }
            for wrapped in Self.wrap(paragraph, width: Self.width - indentation.count - 4) {
                line("/// " + wrapped)
            }
        }
    }

    /// A `//` comment, wrapped like ``doc(_:)``.
    mutating func comment(_ text: String) {
        for wrapped in Self.wrap(text.split(whereSeparator: \.isNewline).joined(separator: " "),
                                 width: Self.width - indentation.count - 3) {
            line("// " + wrapped)
        }
    }

    private static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// Greedy word wrap; a word longer than the width stays whole on its own line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
