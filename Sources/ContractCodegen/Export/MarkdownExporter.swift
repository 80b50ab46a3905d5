import ContractSchema

/// Exports a contract as one Markdown page: title, version and doc; each lifecycle as a Mermaid state
/// diagram with a table of its states; each enum and error catalog as a table; each model's fields
/// and rules as tables.
public struct MarkdownExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The file name for a contract read from `schemaPath`: `schema/execution.yaml` → `execution.md`.
    public static func fileName(forSchemaPath schemaPath: String) -> String {
        var base = String(schemaPath.split(separator: "/").last ?? Substring(schemaPath))
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) { base = String(base.dropLast(ext.count)) }
        return base + ".md"
    }

    /// The page.
    public func page(for contract: Contract) -> String {
        var out = "# \(contract.name)\n\nVersion \(contract.version)\n"
        if let doc = contract.doc { out += "\n\(doc)\n" }
        if !contract.lifecycles.isEmpty {
            out += "\n## Lifecycles\n"
            for l in contract.lifecycles { out += lifecycle(l) }
        }
        if !contract.enums.isEmpty {
            out += "\n## Enums\n"
            for e in contract.enums { out += enumeration(e) }
        }
        if !contract.errorCatalogs.isEmpty {
            out += "\n## Error catalogs\n"
            for c in contract.errorCatalogs { out += catalog(c) }
        }
        if !contract.models.isEmpty {
            out += "\n## Models\n"
            for m in contract.models { out += model(m) }
        }
        return out
    }

    private func lifecycle(_ l: Lifecycle) -> String {
        var out = "\n### \(l.name)\n"
        if let doc = l.doc { out += "\n\(doc)\n" }
        out += "\n```mermaid\n\(MermaidStateDiagram.diagram(for: l))```\n"
        out += "\n| State | Terminal | Outcome | Description |\n|---|---|---|---|\n"
        for s in l.states {
            let initial = s.name == l.initial ? " (initial)" : ""
            out += "| `\(s.name)`\(initial) | \(s.isTerminal ? "yes" : "no") | \(s.outcome?.rawValue ?? "") | \(Self.cell(s.doc)) |\n"
        }
        if !l.legacy.isEmpty {
            out += "\nLegacy values (read on request, never written): "
                + l.legacy.map { "`\($0.value)` → `\($0.state)`" }.joined(separator: ", ") + ".\n"
        }
        if let r = l.retry {
            let policy = r.policy
            let counter = r.counterField.map { "; counter `\($0)`" } ?? ""
            out += "\nRetry: up to \(policy.maxRetries) retries; the delay before retry n is \(r.initialDelayMilliseconds) ms × "
                + "\(policy.multiplier)^n, capped at \(r.maxDelayMilliseconds) ms, jitter \(policy.jitter.rawValue)\(counter).\n"
        }
        return out
    }

    private func enumeration(_ e: EnumDefinition) -> String {
        var out = "\n### \(e.name)\n"
        if let doc = e.doc { out += "\n\(doc)\n" }
        out += e.isOpen ? "\nOpen: values from newer producers are kept, not refused.\n" : "\nClosed: other values are refused.\n"
        out += "\n| Value | Description |\n|---|---|\n"
        for v in e.values { out += "| `\(v.name)` | \(Self.cell(v.doc)) |\n" }
        return out
    }

    private func catalog(_ c: ErrorCatalog) -> String {
        var out = "\n### \(c.name)\n"
        if let doc = c.doc { out += "\n\(doc)\n" }
        if let pattern = c.pattern { out += "\nCodes match `\(pattern)`.\n" }
        out += "\n| Code | Name | Category | Retryable | Status | Message |\n|---|---|---|---|---|---|\n"
        for code in c.codes {
            out += "| `\(code.code)` | `\(code.name)` | \(code.category.rawValue) | \(code.isRetryable ? "yes" : "no") | "
                + "\(code.status.map { "`\($0)`" } ?? "") | \(Self.cell(code.message)) |\n"
        }
        if let table = c.normalize {
            out += "\nNormalization: " + table.entries.map { "\($0.kind.rawValue) → `\($0.code)`" }.joined(separator: ", ") + ".\n"
        }
        return out
    }

    private func model(_ m: Model) -> String {
        var out = "\n### \(m.name)\n"
        if let doc = m.doc { out += "\n\(doc)\n" }
        out += m.allowsAdditionalKeys ? "\nAdditional keys are allowed and ignored.\n" : "\nUnknown keys are refused.\n"
        out += "\n| Field | Type | Nullable | Required | Default | Description |\n|---|---|---|---|---|---|\n"
        for f in m.fields {
            out += "| `\(f.name)` | `\(f.type)` | \(f.isNullable ? "yes" : "no") | \(f.isRequired ? "yes" : "no") | "
                + "\(f.defaultValue.map { "`\($0)`" } ?? "") | \(Self.cell(f.doc)) |\n"
        }
        if !m.rules.isEmpty {
            out += "\n| Rule | Expression | Message |\n|---|---|---|\n"
            for r in m.rules {
                out += "| `\(r.id)` | `\(Self.cell(r.source))` | \(Self.cell(r.message)) |\n"
            }
        }
        return out
    }

    /// Text safe inside a table cell: one line, `|` escaped.
    static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingPipes()
    }
}

private extension String {
    func replacingPipes() -> String {
        var out = ""
        for c in self { out += c == "|" ? "\\|" : String(c) }
        return out
    }
}
