import ContractRuntime
import Foundation

/// Accumulates TypeScript source with 2-space indentation; docs are `/** */` blocks wrapped at 120 columns.
struct TypeScriptWriter {
    private(set) var text = ""
    private var depth = 0

    /// Lines, docs and comments stay within this many columns where words allow.
    static let width = 120

    var indentation: String { String(repeating: "  ", count: depth) }

    /// One line at the current indentation; an empty line has no trailing spaces.
    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : indentation + content + "\n"
    }

    /// `header {`, the body one level deeper, then `}` followed by `closing` (`;`, `);`, `,`).
    mutating func block(_ header: String, closing: String = "", _ body: (inout TypeScriptWriter) -> Void) {
        line(header + " {")
        indented(body)
        line("}" + closing)
    }

    /// The body one level deeper, without braces.
    mutating func indented(_ body: (inout TypeScriptWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// A `/** */` doc for the paragraphs of `text` followed by `bullets` (each wrapped with a hanging indent): one
    /// line when it fits, otherwise one ` * ` line per wrapped line. Nothing when both are empty.
    mutating func doc(_ text: String?, bullets: [String] = []) {
        let paragraphs = text.map(Self.paragraphs) ?? []
        guard !paragraphs.isEmpty || !bullets.isEmpty else { return }
        if bullets.isEmpty, paragraphs.count == 1 {
            let single = "/** " + paragraphs[0] + " */"
            if indentation.count + single.count <= Self.width {
                line(single)
                return
            }
        }
        let width = Self.width - indentation.count - 3
        line("/**")
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { line(" *") }
            for wrapped in Self.wrap(paragraph, width: width) { line(" * " + wrapped) }
        }
        if !bullets.isEmpty {
            if !paragraphs.isEmpty { line(" *") }
            for bullet in bullets {
                for (index, wrapped) in Self.wrap(Self.commentSafe(bullet), width: width - 2).enumerated() {
                    line(index == 0 ? " * " + wrapped : " *   " + wrapped)
                }
            }
        }
        line(" */")
    }

    /// A `//` comment, all on wrapped `//` lines.
    mutating func comment(_ text: String) {
        let joined = Self.paragraphs(text).joined(separator: " ")
        for wrapped in Self.wrap(joined, width: Self.width - indentation.count - 3) {
            line("// " + wrapped)
        }
    }

    /// The paragraphs of doc text: blank lines separate them, other line breaks are spaces. Control characters, line
    /// separators and `*/` are escaped, so nothing in a schema's text can end the comment or the line.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ") }
            .map(commentSafe)
            .filter { !$0.isEmpty }
    }

    /// `text` escaped for display, with `*/` broken so it cannot close a comment.
    static func commentSafe(_ text: String) -> String {
        DisplayText.escaped(text).replacingOccurrences(of: "*/", with: "*\\/")
    }

    /// Greedy word wrap; a word longer than the width stays whole on its own line.
    static func wrap(_ text: String, width: Int) -> [String] {
        SwiftWriter.wrap(text, width: width)
    }
}
