import ContractRuntime
import ContractSchema

extension RandomContract {
    /// The contract as a schema file. Names are written plain (YAML must keep `no` or `1.10` as text
    /// where a name is expected), prose and rules double-quoted; layouts vary between block and flow style.
    public var yaml: String {
        var out = YAMLText()
        out.line(0, "contract: \(name)")
        out.line(0, "version: \(version)")
        if let doc { out.line(0, "doc: \(YAMLText.quoted(doc))") }
        section("enums", enums, write, to: &out)
        section("lifecycles", lifecycles, write, to: &out)
        section("errors", catalogs, write, to: &out)
        section("models", models, write, to: &out)
        return out.text
    }

    /// `key:` and its entries, unless there are none.
    private func section<T>(_ key: String, _ items: [T], _ write: (T, inout YAMLText) -> Void, to out: inout YAMLText) {
        guard !items.isEmpty else { return }
        out.line(0, "\(key):")
        for item in items { write(item, &out) }
    }

    private func write(_ e: Enumeration, to out: inout YAMLText) {
        out.line(1, "\(e.name):")
        if let isOpen = e.isOpen { out.line(2, "open: \(isOpen)") }
        if e.documented {
            out.line(2, "values:")
            for value in e.values { out.line(3, "\(value): { doc: \(YAMLText.quoted("The value \(value).")) }") }
        } else {
            out.line(2, "values: [\(e.values.joined(separator: ", "))]")
        }
    }

    private func write(_ l: Lifecycle, to out: inout YAMLText) {
        out.line(1, "\(l.name):")
        if let doc = l.doc { out.line(2, "doc: \(YAMLText.quoted(doc))") }
        out.line(2, "initial: \(l.initial)")
        if let record = l.record { out.line(2, "record: \(record)") }
        out.line(2, "states:")
        for (index, state) in l.states.enumerated() {
            var settings: [String] = []
            if let doc = state.doc { settings.append("doc: \(YAMLText.quoted(doc))") }
            if state.isTerminal || index % 3 == 0 { settings.append("terminal: \(state.isTerminal)") }
            if let outcome = state.outcome { settings.append("outcome: \(outcome.rawValue)") }
            if settings.isEmpty {
                // Both spellings of a state with no settings.
                out.line(3, index % 2 == 0 ? "\(state.name):" : "\(state.name): {}")
            } else if index % 2 == 0 {
                out.line(3, "\(state.name): { \(settings.joined(separator: ", ")) }")
            } else {
                out.line(3, "\(state.name):")
                settings.forEach { out.line(4, $0) }
            }
        }
        if !l.edges.isEmpty {
            out.line(2, "transitions:")
            var sources: [String] = []
            for edge in l.edges where !sources.contains(edge.from) { sources.append(edge.from) }
            for source in sources {
                let edges = l.edges.filter { $0.from == source }
                if edges.allSatisfy({ $0.guardExpression == nil }) {
                    out.line(3, "\(source): [\(edges.map(\.to).joined(separator: ", "))]")
                    continue
                }
                out.line(3, "\(source):")
                for edge in edges {
                    if let expression = edge.guardExpression {
                        out.line(4, "- { to: \(edge.to), when: \(YAMLText.quoted(RuleText.source(of: expression))) }")
                    } else {
                        out.line(4, "- \(edge.to)")
                    }
                }
            }
        }
        if !l.legacy.isEmpty {
            out.line(2, "legacy: { \(l.legacy.map { "\($0.value): \($0.state)" }.joined(separator: ", ")) }")
        }
        if let retry = l.retry {
            var settings = ["max_retries: \(retry.maxRetries)", "initial_delay_ms: \(retry.initialDelayMs)",
                            "max_delay_ms: \(retry.maxDelayMs)"]
            if let multiplier = retry.multiplier { settings.append("multiplier: \(multiplier)") }
            if let jitter = retry.jitter { settings.append("jitter: \(jitter)") }
            if let counter = retry.counter { settings.append("counter: \(counter)") }
            out.line(2, "retry: { \(settings.joined(separator: ", ")) }")
        }
    }

    private func write(_ c: Catalog, to out: inout YAMLText) {
        out.line(1, "\(c.name):")
        if let pattern = c.pattern { out.line(2, "pattern: \(YAMLText.quoted(pattern))") }
        if let lifecycle = c.lifecycle { out.line(2, "lifecycle: \(lifecycle)") }
        out.line(2, "codes:")
        for code in c.codes {
            var settings = ["name: \(code.name)", "category: \(code.category)", "retryable: \(code.isRetryable)"]
            if let message = code.message { settings.append("message: \(YAMLText.quoted(message))") }
            if let status = code.status { settings.append("status: \(status)") }
            out.line(3, "\(code.code): { \(settings.joined(separator: ", ")) }")
        }
        if let normalize = c.normalize {
            out.line(2, "normalize: { \(normalize.map { "\($0.kind): \($0.code)" }.joined(separator: ", ")) }")
        }
    }

    private func write(_ m: Model, to out: inout YAMLText) {
        out.line(1, "\(m.name):")
        if let additional = m.additionalKeys { out.line(2, "additional_keys: \(additional)") }
        out.line(2, "fields:")
        for field in m.fields {
            out.line(3, "\(field.name):")
            out.line(4, "type: \(field.type)")
            if field.isNullable { out.line(4, "nullable: true") }
            if !field.isRequired { out.line(4, "required: false") }
            if let text = field.defaultText { out.line(4, "default: \(text)") }
        }
        if !m.rules.isEmpty {
            out.line(2, "rules:")
            for rule in m.rules {
                out.line(3, "- id: \(rule.id)")
                out.line(4, "check: \(YAMLText.quoted(RuleText.source(of: rule.check)))")
                if let message = rule.message { out.line(4, "message: \(YAMLText.quoted(message))") }
            }
        }
    }
}

/// Indented YAML lines.
public struct YAMLText {
    public private(set) var text = ""

    public init() {}

    /// Appends `content` indented by `level` steps of two spaces.
    public mutating func line(_ level: Int, _ content: String) {
        text += String(repeating: "  ", count: level) + content + "\n"
    }

    /// `text` as a YAML double-quoted scalar.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Rule source text for schemas, fully parenthesized so it needs no knowledge of precedence.
enum RuleText {
    static func source(of e: RuleExpression) -> String {
        // A fixed seed: the schema text must be a function of the contract value alone.
        var random = SplitMix64(seed: 0)
        return RandomRule.source(of: e, using: &random)
    }
}
