import ContractSchema
import ContractSchemaLoader
import PropertyTesting
import Testing
@testable import ContractCodegen

/// The Swift generated for random valid schemas: the same bytes every time, and lifecycle tables that
/// allow exactly the generated moves. Generated code cannot be compiled inside a test run, so the
/// emitted `allowedTransitions` and `canTransition(to:)` switches are read back as text and compared
/// with a plain set of edges on every pair of states.
@Suite struct LifecycleEmitterPropertyTests {
    @Test func randomSchemasGenerateTheSameSwiftEveryTime() {
        Property.check(iterations: 40) { random in
            let contract = try #require(SchemaLoader().load(text: RandomContract(using: &random).yaml, file: "random.yaml").contract)
            try #require(Golden.generate(contract, schemaPath: "random.yaml") == Golden.generate(contract, schemaPath: "random.yaml"))
        }
    }

    @Test func theGeneratedTablesAllowExactlyTheGeneratedMovesOnEveryPairOfStates() {
        Property.check(iterations: 60) { random in
            let generated = RandomContract(using: &random, minimumLifecycleStates: 1)
            let contract = try #require(SchemaLoader().load(text: generated.yaml, file: "random.yaml").contract)
            let swift = Golden.generate(contract, schemaPath: "random.yaml")
            for lifecycle in generated.lifecycles {
                let wire = Dictionary(uniqueKeysWithValues: lifecycle.states.map { ("." + SwiftSyntax.member($0.name), $0.name) })
                let canTransition = try Self.switchCases(of: "func canTransition(to next: \(lifecycle.name)) -> Swift.Bool", in: swift, wire: wire)
                let allowed = try Self.switchCases(of: "var allowedTransitions: [\(lifecycle.name)]", in: swift, wire: wire)
                let edges = Set(lifecycle.edges.map { [$0.from, $0.to] })
                for from in lifecycle.states.map(\.name) {
                    let expected = lifecycle.edges.filter { $0.from == from }.map(\.to)
                    try #require(allowed[from].map { $0.compactMap { wire[$0] } } == expected, "allowedTransitions of \(from)")
                    for to in lifecycle.states.map(\.name) {
                        let emitted = try #require(canTransition[from]).contains(where: { wire[$0] == to || $0 == "true" })
                        try #require(emitted == edges.contains([from, to]), "canTransition \(from) → \(to)\n\(generated.yaml)")
                    }
                }
            }
        }
    }

    /// Reads the `switch self` of the member declared by `header`: for each state's wire value (`wire`
    /// maps case references to wire values), the values its case lists: the array literal's elements,
    /// the targets of a nested `switch next`, or `true`/`false`.
    static func switchCases(of header: String, in swift: String, wire: [String: String]) throws -> [String: [String]] {
        // An array literal wider than a line continues on lines that start with `.`: read it as one line.
        var lines: [String] = []
        for line in swift.split(separator: "\n").map(String.init) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("."), !lines.isEmpty {
                lines[lines.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                lines.append(line)
            }
        }
        let start = try #require(lines.firstIndex { $0.hasSuffix(header + " {") }, "no `\(header)`")
        let indent = String(lines[start].prefix { $0 == " " })
        var result: [String: [String]] = [:]
        var pending: [String] = []
        for line in lines[(start + 1)...] {
            if line == indent + "}" { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("case "), let colon = text.firstIndex(of: ":") else { continue }
            let refs = text[text.index(text.startIndex, offsetBy: 5)..<colon].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let outer = line.prefix { $0 == " " }.count == indent.count + 4
            if outer && value.isEmpty {
                // `case .a, .b:` opens a nested `switch next`; its `true` case lists the targets.
                pending = refs.compactMap { wire[$0] }
                pending.forEach { result[$0] = [] }
            } else if outer {
                let items = value.hasPrefix("[") ? value.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) } : [value]
                refs.compactMap { wire[$0] }.forEach { result[$0] = items }
            } else if value == "true" {
                pending.forEach { result[$0] = refs }
            }
        }
        return result
    }
}
