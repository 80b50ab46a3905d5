import ContractSchema

/// A lifecycle as a Mermaid `stateDiagram-v2`: `[*] --> initial`, one edge per transition with its
/// guard as the label (`FAILED --> QUEUED: when retry_count < max_retries`), and `state --> [*]` for
/// each terminal state.
public enum MermaidStateDiagram {
    /// The diagram text, without the surrounding Markdown fence.
    public static func diagram(for lifecycle: Lifecycle) -> String {
        var lines = ["stateDiagram-v2", "    [*] --> \(lifecycle.initial)"]
        // States no transition mentions would not be drawn otherwise.
        let mentioned = Set([lifecycle.initial] + lifecycle.transitions.flatMap { [$0.from, $0.to] }
                            + lifecycle.states.filter(\.isTerminal).map(\.name))
        for state in lifecycle.states where !mentioned.contains(state.name) {
            lines.append("    \(state.name)")
        }
        for t in lifecycle.transitions {
            let edgeLabel = t.condition.map { ": when \(label(for: $0.source))" } ?? ""
            lines.append("    \(t.from) --> \(t.to)\(edgeLabel)")
        }
        for state in lifecycle.states where state.isTerminal {
            lines.append("    \(state.name) --> [*]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Guard text on one line; a colon would end Mermaid's label, so it is replaced.
    private static func label(for text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingColons()
    }
}

private extension String {
    func replacingColons() -> String {
        String(map { $0 == ":" ? "#58;" : String($0) }.joined())
    }
}
