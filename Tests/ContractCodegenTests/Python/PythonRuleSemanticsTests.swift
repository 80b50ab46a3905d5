import ContractRuntime
import ContractSchema
import Foundation
import PropertyTesting
import TestSupport
import Testing
@testable import ContractCodegen

/// Rules compiled to Python break exactly when `RuleEvaluator` (the semantics `contractgen validate` and the Swift
/// code follow) says they do not hold: random well-typed rules (``RandomRule``) over fields of every type, nullable
/// or not, are generated into a model's `violations()`, and one `python3` evaluates them on random values (nulls,
/// JSON null, ints against doubles beyond 2^53, canonically equivalent text, timestamps) and compares; the same
/// conditions as lifecycle guards (their positive form) allow a move exactly when the evaluator says they hold.
@Suite struct PythonRuleSemanticsTests {
    static let here = SourceLocation(file: "rules.yaml", line: 1, column: 1)

    /// The schema type a rule-language type stands for; enums become the contract's `Colour` and `Status`.
    static func fieldType(_ type: RuleType) -> FieldType {
        switch type {
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .string: .string
        case .timestamp: .timestamp
        case .json, .unknown: .json
        case .list(let element): .list(fieldType(element))
        case .map(let element): .map(fieldType(element))
        case .model(let name): .named(name)
        case .enumeration(let name, _): .named(name)
        }
    }

    /// A Python expression (inside a script where the module is `m`) for a rule value of a field of `type`.
    static func literal(_ value: RuleValue, type: RuleType, naming: PythonNaming) -> String {
        switch value {
        case .null: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .double(let d): PythonSyntax.doubleLiteral(d)
        case .string(let s): PythonSyntax.stringLiteral(s)
        case .enumValue(let wire):
            if case .enumeration(let name, _) = type { "m." + naming.memberReference(wire, of: name) } else { "None" }
        case .timestamp(let seconds): "m.rt.Timestamp(\(PythonSyntax.doubleLiteral(seconds)))"
        case .other:
            switch type {
            case .list: "(1,)"
            case .map: "{\"k\": \"v\"}"
            case .model: "m.Other()"
            default: "{\"k\": 1}"
            }
        }
    }

    @Test func compiledRulesBreakExactlyWhenTheEvaluatorSaysTheyDoNotHold() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pyrules-\(UUID().uuidString)")
        let package = root.appendingPathComponent("rulecases")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in OutputLanguage.python.runtimeFiles ?? [] {
            let url = package.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
        try Data().write(to: package.appendingPathComponent("__init__.py"))
        var script = "import importlib\nfailures = []\n"
        var checks = 0
        Property.check(iterations: 80) { random in
            let scope = RandomRule.scope(using: &random)
            var enums: [String: [String]] = [:]
            for field in scope.fields {
                if case .enumeration(let name, let values) = field.operand.type { enums[name] = values }
            }
            let enumDefinitions = enums.keys.sorted().map { name in
                EnumDefinition(name: name, doc: nil, values: enums[name, default: []].map {
                    EnumDefinition.Value(name: $0, doc: nil, location: Self.here)
                }, isOpen: false, location: Self.here)
            }
            let fields = scope.fields.map { field in
                Field(name: field.name, doc: nil, type: Self.fieldType(field.operand.type), isNullable: field.operand.isNullable,
                      isRequired: true, defaultValue: nil, location: Self.here, typeLocation: Self.here)
            }
            let generator = RandomRule(scope: scope)
            let rules = (0..<5).map { index in
                Rule(id: "r\(index)", source: "r\(index)", expression: generator.condition(depth: 4, using: &random),
                     message: nil, doc: nil, location: Self.here, checkLocation: Self.here)
            }
            let models = [Model(name: "Other", doc: nil, fields: [], rules: [], allowsAdditionalKeys: false, location: Self.here),
                          Model(name: "Record", doc: nil, fields: fields, rules: rules, allowsAdditionalKeys: false, location: Self.here)]
            // The same conditions as guards (compiled in their positive form): a → g<i> is allowed when rule i holds.
            let states = [State(name: "a", doc: nil, isTerminal: false, outcome: nil, location: Self.here)]
                + rules.indices.map { State(name: "g\($0)", doc: nil, isTerminal: true, outcome: .success, location: Self.here) }
            let transitions = rules.indices.map { index in
                Transition(from: "a", to: "g\(index)", condition: TransitionGuard(source: "r\(index)", expression: rules[index].expression,
                                                                                location: Self.here), location: Self.here)
            }
            let lifecycle = Lifecycle(name: "Gate", doc: nil, initial: "a", states: states, transitions: transitions, legacy: [],
                                      record: "Record", retry: nil, location: Self.here, initialLocation: Self.here)
            let contract = Contract(name: "Rules", version: SemanticVersion(major: 1, minor: 0, patch: 0), doc: nil,
                                    lifecycles: [lifecycle], enums: enumDefinitions, errorCatalogs: [], models: models,
                                    file: "rules.yaml", location: Self.here)
            let name = "rules_\(checks)"
            let python = PythonGenerator().generate(contract, schemaPath: "rules.yaml", provenance: .buildPlugin)
            try Data(python.utf8).write(to: package.appendingPathComponent(name + ".py"))
            let naming = PythonNaming(contract: contract)
            script += "m = importlib.import_module(\"rulecases.\(name)\")\n"
            for _ in 0..<6 {
                var values: [String: RuleValue] = [:]
                var arguments: [String] = []
                for field in scope.fields {
                    let value = RandomRule.value(for: field.operand, using: &random)
                    values[field.name] = value
                    arguments.append("\(naming.attribute(field.name, of: "Record"))=\(Self.literal(value, type: field.operand.type, naming: naming))")
                }
                let broken = rules.filter { !RuleEvaluator.evaluate($0.expression) { values[$0] ?? .null } }.map(\.id)
                let expected = "[" + broken.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
                script += """
                    record = m.Record(\(arguments.joined(separator: ", ")))
                    got = [v.rule_id for v in record.violations()]
                    if got != \(expected): failures.append(("\(name)", \(PythonSyntax.stringLiteral(arguments.joined(separator: ", "))), got, \(expected)))
                    unmet = ["r" + s.value[1:] for s in m.Gate.A.allowed_transitions if not m.Gate.A.can_transition(s, record=record)]
                    if unmet != \(expected): failures.append(("\(name) guards", \(PythonSyntax.stringLiteral(arguments.joined(separator: ", "))), unmet, \(expected)))

                    """
                checks += 1
            }
        }
        script += "for failure in failures[:10]: print(failure)\nprint(len(failures), 'of', \(checks), 'disagree')\n"
        script += "raise SystemExit(1 if failures else 0)\n"
        let scriptFile = root.appendingPathComponent("check_rules.py")
        try Data(script.utf8).write(to: scriptFile)
        let out = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", scriptFile.path], in: root)
        #expect(out.status == 0, "python3 (3.11 or later needed):\n\(out.stdout)\(out.stderr)")
        #expect(checks > 0 && out.stdout == "0 of \(checks) disagree\n", "\(out.stdout)")
    }
}
