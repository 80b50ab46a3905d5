import ContractCodegen
import ContractSchema
import Foundation
import Testing

@Suite struct MarkdownExportTests {
    @Test(arguments: ExportFixtures.seedSchemas)
    func theMarkdownPageOfEachSeedContractMatchesItsGoldenFile(file: String) throws {
        let contract = try Golden.seedContract(file)
        try ExportFixtures.check(MarkdownExporter().page(for: contract), against: MarkdownExporter.fileName(forSchemaPath: file))
    }

    @Test func theGuardedLifecycleDiagramMatchesItsGoldenFile() throws {
        let contract = try Golden.seedContract("task_pipeline.yaml")
        let lifecycle = try #require(contract.lifecycle(named: "SubTaskStatus"))
        try ExportFixtures.check("```mermaid\n" + MermaidStateDiagram.diagram(for: lifecycle) + "```\n",
                                 against: "SubTaskStatus.mermaid.md")
    }

    @Test(arguments: ExportFixtures.seedSchemas)
    func eachMermaidDiagramListsExactlyTheSchemasStatesAndTransitions(file: String) throws {
        let contract = try Golden.seedContract(file)
        for lifecycle in contract.lifecycles {
            let parsed = try ParsedStateDiagram(MermaidStateDiagram.diagram(for: lifecycle))
            #expect(parsed.states == Set(lifecycle.states.map(\.name)), "\(lifecycle.name)")
            #expect(parsed.transitions == lifecycle.transitions.map { ParsedStateDiagram.Edge(from: $0.from, to: $0.to, guardText: $0.condition?.source) },
                    "\(lifecycle.name)")
            #expect(parsed.initial == [lifecycle.initial])
            #expect(parsed.terminal == Set(lifecycle.states.filter(\.isTerminal).map(\.name)))
        }
    }

    @Test func guardsBecomeEdgeLabels() throws {
        let contract = try Golden.seedContract("task_pipeline.yaml")
        let diagram = MermaidStateDiagram.diagram(for: try #require(contract.lifecycle(named: "SubTaskStatus")))
        #expect(diagram.contains("    FAILED --> QUEUED: when retry_count < max_retries\n"))
        #expect(diagram.contains("    FAILED --> BLOCKED: when retry_count >= max_retries\n"))
    }

    @Test func theErrorCatalogTableHasOneRowPerCode() throws {
        let contract = try Golden.seedContract("execution.yaml")
        let page = MarkdownExporter().page(for: contract)
        #expect(page.contains("| Code | Name | Category | Retryable | Status | Message |"))
        #expect(page.contains("| `E002` | `timeout_error` | timeout | yes | `timed_out` | The task took too long and timed out. |"))
        #expect(page.components(separatedBy: "| `E0").count - 1 == 7)
    }
}

/// A Mermaid `stateDiagram-v2` read back: its states, edges (with labels), and `[*]` edges.
struct ParsedStateDiagram {
    struct Edge: Hashable, CustomStringConvertible {
        var from: String
        var to: String
        var guardText: String?
        var description: String { "\(from) --> \(to)" + (guardText.map { ": when \($0)" } ?? "") }
    }

    struct Malformed: Error, CustomStringConvertible {
        var line: String
        var description: String { "not a state diagram line: \(line)" }
    }

    var states: Set<String> = []
    var transitions: [Edge] = []
    var initial: [String] = []
    var terminal: Set<String> = []

    init(_ text: String) throws {
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "stateDiagram-v2" else { throw Malformed(line: lines.first ?? "") }
        lines.removeFirst()
        for line in lines where !line.isEmpty {
            let parts = line.components(separatedBy: " --> ")
            if parts.count == 1 {
                states.insert(line)
                continue
            }
            guard parts.count == 2 else { throw Malformed(line: line) }
            let from = parts[0]
            var to = parts[1], label: String?
            if let colon = to.range(of: ": ") {
                label = String(to[colon.upperBound...])
                to = String(to[..<colon.lowerBound])
            }
            switch (from, to) {
            case ("[*]", "[*]"): throw Malformed(line: line)
            case ("[*]", _): initial.append(to); states.insert(to)
            case (_, "[*]"): terminal.insert(from); states.insert(from)
            default:
                guard label == nil || label!.hasPrefix("when ") else { throw Malformed(line: line) }
                transitions.append(Edge(from: from, to: to, guardText: label.map { String($0.dropFirst(5)) }))
                states.formUnion([from, to])
            }
        }
    }
}
