internal import ContractRuntime
import ContractSchema
import Foundation

/// Renders the changes between two contracts for people (text), tools (JSON) and pull-request
/// comments (Markdown). Changes are grouped by class, breaking ones first.
public struct ChangeRenderer: Sendable {
    /// The old and new contracts, for headings.
    public var old: Contract
    /// The new contract.
    public var new: Contract
    /// The changes, as `ContractDiff.compare` returned them.
    public var changes: [SchemaChange]

    /// Creates a renderer.
    public init(old: Contract, new: Contract, changes: [SchemaChange]) {
        self.old = old
        self.new = new
        self.changes = changes
    }

    /// The order of groups in every format.
    static let classOrder: [ChangeClass] = [.breakingForBoth, .breakingForConsumers, .breakingForProducers, .version, .compatible]

    private var groups: [(ChangeClass, [SchemaChange])] {
        Self.classOrder.compactMap { c in
            let members = changes.filter { $0.changeClass == c }
            return members.isEmpty ? nil : (c, members)
        }
    }

    private var breakingCount: Int { changes.filter { $0.changeClass.isBreaking }.count }

    private var heading: String {
        let names = old.name == new.name ? old.name : "\(old.name) → \(new.name)"
        return "\(names) \(old.version) → \(new.version)"
    }

    private var summary: String {
        let compatible = changes.filter { $0.changeClass == .compatible }.count
        var parts = ["\(breakingCount) breaking", "\(compatible) compatible"]
        if changes.contains(where: { $0.changeClass == .version }) { parts.append("version finding") }
        return parts.joined(separator: ", ")
    }

    /// One line per change under a heading per class, each with both sides' `file:line:column`. Each
    /// line is escaped for display (file names and messages quote input).
    public func text() -> String {
        guard !changes.isEmpty else { return DisplayText.escaped("\(heading): no changes") + "\n" }
        var lines = ["\(heading): \(Plural.counted(changes.count, "change")) (\(summary))"]
        for (c, members) in groups {
            lines += ["", "\(c.title) (\(members.count)):"]
            for change in members {
                lines.append("  \(change.old) -> \(change.new): [\(change.kind.rawValue)] \(change.subject): \(change.message)")
            }
        }
        return lines.map { DisplayText.escaped($0) + "\n" }.joined()
    }

    /// A Markdown section for a pull-request comment: a table per class.
    public func markdown() -> String {
        var out = "### Contract changes: \(Self.cell(heading))\n\n"
        guard !changes.isEmpty else { return out + "No changes.\n" }
        out += breakingCount > 0 ? "**\(summary)** — consumers or producers must be updated.\n"
                                 : "\(summary): no breaking changes.\n"
        for (c, members) in groups {
            out += "\n#### \(c.title) (\(members.count))\n\n| Change | Subject | Details | Old | New |\n|---|---|---|---|---|\n"
            for change in members {
                out += "| `\(change.kind.rawValue)` | `\(change.subject)` | \(Self.cell(change.message)) | "
                    + "`\(Self.cell(change.old.file)):\(change.old.line)` | `\(Self.cell(change.new.file)):\(change.new.line)` |\n"
            }
        }
        return out
    }

    /// A JSON document: `old` and `new` (`file`, `contract`, `version`), `breaking`, `summary` (count per
    /// class) and `changes`, each with the stable keys `kind`, `class`, `subject`, `message`, `old` and
    /// `new` (`file`, `line`, `column`). Keys are sorted, so the output is stable.
    public func json() -> String {
        func side(_ c: Contract) -> [String: Any] { ["file": c.file, "contract": c.name, "version": c.version.description] }
        func location(_ l: SourceLocation) -> [String: Any] { ["file": l.file, "line": l.line, "column": l.column] }
        var counts: [String: Any] = [:]
        for c in ChangeClass.allCases { counts[c.rawValue] = changes.filter { $0.changeClass == c }.count }
        let document: [String: Any] = [
            "old": side(old),
            "new": side(new),
            "breaking": breakingCount > 0,
            "summary": counts,
            "changes": changes.map { change -> [String: Any] in
                ["kind": change.kind.rawValue, "class": change.changeClass.rawValue, "subject": change.subject,
                 "message": change.message, "old": location(change.old), "new": location(change.new)]
            },
        ]
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: options) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Text safe inside a Markdown table cell: pipes escaped, control characters made visible.
    static func cell(_ text: String) -> String {
        DisplayText.escaped(text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " "))
    }
}
