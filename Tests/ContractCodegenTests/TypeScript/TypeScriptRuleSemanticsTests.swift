import ContractCodegen
import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import Foundation
import PropertyTesting
import Testing

/// Generated TypeScript rules agree with the reference evaluator (`RuleEvaluator`, what `contractgen validate` and
/// the Swift code use) on random rules over every kind of operand (ints against doubles and big literals, nulls,
/// text by canonical equivalence, closed and open enums, bools, timestamps by instant, json against null) and random
/// records: the generated `xViolations` lists exactly the rules the evaluator finds false, in order.
@Suite struct TypeScriptRuleSemanticsTests {
    static let header = """
        contract: RuleProbe
        version: 1.0.0
        enums:
          Color:
            values: [red, blue, green]
          Kind:
            open: true
            values: [one, two]
        models:
          Probe:
            fields:
              i: { type: int }
              ni: { type: int, nullable: true }
              d: { type: double }
              nd: { type: double, nullable: true }
              s: { type: string }
              ns: { type: string, nullable: true }
              c: { type: Color }
              nc: { type: Color, nullable: true }
              o: { type: Kind }
              b: { type: bool }
              nb: { type: bool, nullable: true }
              t: { type: timestamp }
              nt: { type: timestamp, nullable: true }
              j: { type: json }

        """

    static let atoms = [
        "i < 3", "i >= 0", "i == d", "i != d", "i <= nd", "ni == null", "ni != null", "ni > 1", "ni == 3", "ni == d",
        "d > 0.5", "d == 1", "nd < i", "nd >= 0", "i == 9007199254740993", "d < 9007199254740993",
        "d >= 9007199254740992", "i > -9007199254740993", "i in [1, 2, 3]", "d in [1, 2.5]", "ni not in [0, 3]",
        "nd in [3, 0.5]", "s == '\u{E9}'", "s != 'e\u{301}'", "ns == 'a'", "ns != null", "s in ['a', 'b']",
        "ns not in ['x']", "s == ns", "c == red", "c != blue", "nc == null", "nc in [red, green]", "c not in [green]",
        "nc == c", "o == one", "o != two", "o in [one, two]", "b", "not b", "nb == true", "nb != false", "nb == null",
        "b == nb", "t < nt", "t == nt", "t >= nt", "nt == null", "nt != null", "j == null", "j != null",
        "c == red and c == blue", "b and not b",
    ]

    /// One field's candidate values: JSON text and the evaluator's value.
    static let values: [String: [(json: String, value: RuleValue)]] = [
        "i": [-1, 0, 1, 2, 3, 9_007_199_254_740_991].map { ("\($0)", .int($0)) },
        "ni": [("null", .null), ("0", .int(0)), ("3", .int(3))],
        "d": [("-0.0", .double(-0.0)), ("0.5", .double(0.5)), ("1.0", .double(1)), ("2.5", .double(2.5)),
              ("3.0", .double(3)), ("9007199254740992.0", .double(9_007_199_254_740_992)), ("1e300", .double(1e300))],
        "nd": [("null", .null), ("0.0", .double(0)), ("3.0", .double(3)), ("-2.5", .double(-2.5))],
        "s": ["a", "b", "\u{E9}", "e\u{301}", ""].map { ("\"\($0)\"", .string($0)) },
        "ns": [("null", .null), ("\"a\"", .string("a")), ("\"x\"", .string("x"))],
        "c": ["red", "blue", "green"].map { ("\"\($0)\"", .enumValue($0)) },
        "nc": [("null", .null)] + ["red", "blue"].map { ("\"\($0)\"", .enumValue($0)) },
        "o": ["one", "two", "three"].map { ("\"\($0)\"", .enumValue($0)) },
        "b": [("true", .bool(true)), ("false", .bool(false))],
        "nb": [("null", .null), ("true", .bool(true)), ("false", .bool(false))],
        "t": timestamps,
        "nt": [("null", .null)] + timestamps,
        "j": [("null", .null), ("0", .other), ("\"x\"", .other), ("[]", .other)],
    ]

    static let timestamps: [(json: String, value: RuleValue)] = [
        ("\"2026-01-01T00:00:00Z\"", .timestamp(1_767_225_600)),
        ("\"2026-01-01T01:00:00+01:00\"", .timestamp(1_767_225_600)),
        ("\"2026-01-01T00:00:00.5Z\"", .timestamp(1_767_225_600.5)),
        ("\"2025-12-31T23:59:59Z\"", .timestamp(1_767_225_599)),
    ]

    static let fieldOrder = ["i", "ni", "d", "nd", "s", "ns", "c", "nc", "o", "b", "nb", "t", "nt", "j"]

    static func expression(_ random: inout SplitMix64, depth: Int) -> String {
        if depth == 0 || random.next() % 5 < 2 { return atoms[Int(random.next() % UInt64(atoms.count))] }
        let left = expression(&random, depth: depth - 1)
        switch random.next() % 4 {
        case 0: return "not (\(left))"
        case 1: return "(\(left)) and (\(expression(&random, depth: depth - 1)))"
        case 2: return "(\(left)) or (\(expression(&random, depth: depth - 1)))"
        default: return "(\(left)) implies (\(expression(&random, depth: depth - 1)))"
        }
    }

    static func schema(_ checks: [String]) -> String {
        header + "    rules:\n" + checks.enumerated().map { index, check in
            "      - id: r\(index)\n        check: \"\(check.replacingOccurrences(of: "\"", with: "\\\""))\"\n"
        }.joined()
    }

    @Test func generatedRulesAgreeWithTheReferenceEvaluatorOnRandomRulesAndRecords() throws {
        var modules: [String: String] = [:]
        var expected: [String: [String]] = [:]
        var records: [String: [String]] = [:]
        Property.check(iterations: 3) { random in
            var checks: [String] = []
            while checks.count < 40 {
                let check = Self.expression(&random, depth: 3)
                if SchemaLoader().load(text: Self.schema([check]), file: "rule_probe.yaml").isValid { checks.append(check) }
            }
            let contract = try Golden.contract(Self.schema(checks), file: "rule_probe.yaml")
            let model = try #require(contract.model(named: "Probe"))
            let name = "probe\(modules.count)"
            modules[name + ".ts"] = TypeScriptGenerator().generate(contract, schemaPath: "rule_probe.yaml",
                                                                   provenance: .command(outputDirectory: "Generated"))
            for _ in 0..<150 {
                var json: [String] = []
                var values: [String: RuleValue] = [:]
                for field in Self.fieldOrder {
                    let options = try #require(Self.values[field])
                    let pick = options[Int(random.next() % UInt64(options.count))]
                    json.append("\"\(field)\":\(pick.json)")
                    values[field] = pick.value
                }
                records[name, default: []].append("{" + json.joined(separator: ",") + "}")
                let broken = model.rules.filter { !RuleEvaluator.evaluate($0.expression) { values[$0] ?? .null } }
                expected[name, default: []].append("[" + broken.map { "\"\($0.id)\"" }.joined(separator: ",") + "]")
            }
        }
        try #require(!modules.isEmpty)
        try TypeScriptToolchain.withCompiled(modules) { out in
            for name in modules.keys.sorted().map({ String($0.dropLast(3)) }) {
                let script = """
                    const { probeViolations } = await import(process.argv[1]);
                    const lines = (await import("node:fs")).readFileSync(0, "utf8").split("\\n").filter((l) => l);
                    for (const line of lines) console.log(JSON.stringify(probeViolations(JSON.parse(line)).map((v) => v.ruleId)));
                    """
                let run = try TypeScriptToolchain.node(
                    ["--input-type=module", "-e", script, "--", out.appendingPathComponent(name + ".js").path],
                    input: Data((records[name] ?? []).joined(separator: "\n").utf8), in: out)
                #expect(run.status == 0, "\(run.stderr)")
                let actual = run.stdout.split(separator: "\n").map(String.init)
                let wanted = expected[name] ?? []
                #expect(actual.count == wanted.count)
                for (index, (got, want)) in zip(actual, wanted).enumerated() where got != want {
                    Issue.record("\(name) record \(records[name]![index]): TypeScript breaks \(got), the evaluator \(want)")
                    break
                }
            }
        }
    }
}
