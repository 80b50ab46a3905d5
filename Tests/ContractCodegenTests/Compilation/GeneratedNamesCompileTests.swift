import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Foundation
import PropertyTesting
import TestSupport
import Testing

/// Every name the linter accepts generates code that compiles: names are drawn from every Swift keyword,
/// standard-library, Foundation and ContractRuntime names, and the identifiers the generated code uses
/// itself, in every role a schema gives a name (field, model, enum, lifecycle, error catalog, enum value,
/// state, error code name), and the output is compiled with swiftc against the package's own modules.
/// A name the linter refuses must be refused with a located error.
@Suite struct GeneratedNamesCompileTests {
    /// Every candidate name, computed once.
    static let candidates: [String] = {
        let samples = ["execution", "agent_run", "execution_feed", "task_pipeline"].compactMap { name -> String? in
            guard let contract = try? Golden.seedContract("\(name).yaml") else { return nil }
            return Golden.generate(contract, schemaPath: "schema/\(name).yaml")
        }
        // The probe schema's own output too: its matchers, locals and flags are names in play.
        let probe = SchemaLoader().load(text: Role.field.schema([]), file: "probe.yaml").contract
            .map { Golden.generate($0, schemaPath: "probe.yaml") }
        return NameCatalog.all(generatedSamples: samples + (probe.map { [$0] } ?? []), packageRoot: Golden.packageRoot)
    }()

    /// The roles a name can play, each a schema built around the names it is given.
    enum Role: String, CaseIterable, CustomTestStringConvertible {
        case field, modelName, enumName, openEnumName, lifecycleName, catalogName, enumValue, stateName, codeName

        var testDescription: String { rawValue }

        /// Whether a name can stand in this role at all before linting (type names are UpperCamelCase).
        func admits(_ name: String) -> Bool {
            switch self {
            case .modelName, .enumName, .openEnumName, .lifecycleName, .catalogName: SwiftNaming.isTypeName(name)
            default: !name.isEmpty
            }
        }

        /// A schema using every name of `names` in this role, around a fixed base of the other constructs.
        func schema(_ names: [String]) -> String {
            let q = { (name: String) in "\"\(name)\"" }
            var enums = "  ProbeKind:\n    values:\n      alpha:\n      beta:\n"
            var states = ["pending", "done"]
            var lifecycles = ""
            var catalogs = ""
            var models = ""
            var probeFields = Self.baseFields
            switch self {
            case .field:
                let types = ["string", "int", "bool", "double", "timestamp", "json", "list<string>", "map<int>",
                             "ProbeKind", "ProbeStatus", "ProbeError", "ProbeInner", "list<ProbeInner>", "map<ProbeStatus>"]
                for (index, name) in names.enumerated() {
                    let nullable = index % 3 == 0 ? ", nullable: true" : ""
                    let required = index % 7 == 0 ? ", required: false, default: null" : ""
                    probeFields += "      \(q(name)): { type: \"\(types[index % types.count])\"\(nullable)\(nullable.isEmpty ? "" : required) }\n"
                }
            case .modelName:
                for name in names {
                    models += "  \(q(name)):\n    fields:\n      x: { type: string }\n"
                    probeFields += "      ref_\(Self.snake(name)): { type: \(q(name)), nullable: true }\n"
                        + "      refs_\(Self.snake(name)): { type: \"list<\(name)>\" }\n"
                }
            case .enumName, .openEnumName:
                for name in names {
                    enums += "  \(q(name)):\n\(self == .openEnumName ? "    open: true\n" : "")    values:\n      one:\n      two:\n"
                    probeFields += "      e_\(Self.snake(name)): { type: \(q(name)) }\n"
                }
            case .lifecycleName:
                for name in names {
                    lifecycles += "  \(q(name)):\n    initial: a\n    states:\n      a: {}\n      b: { terminal: true, outcome: success }\n"
                        + "    transitions: { a: [b] }\n    legacy: { old_a: a }\n"
                    probeFields += "      l_\(Self.snake(name)): { type: \(q(name)) }\n"
                }
            case .catalogName:
                for name in names {
                    catalogs += "  \(q(name)):\n    lifecycle: ProbeStatus\n    codes:\n"
                        + "      X1: { name: bad, category: client, retryable: false, message: Bad., status: done }\n"
                        + "    normalize: { validation: X1, default: X1 }\n"
                    probeFields += "      c_\(Self.snake(name)): { type: \(q(name)), nullable: true }\n"
                }
            case .enumValue:
                enums += "  ProbeValues:\n    values:\n" + names.map { "      \(q($0)):\n" }.joined()
                enums += "  ProbeOpenValues:\n    open: true\n    values:\n" + names.map { "      \(q($0)):\n" }.joined()
                probeFields += "      values: { type: ProbeValues }\n      open_values: { type: ProbeOpenValues }\n"
            case .stateName:
                states += names
            case .codeName:
                catalogs += "  ProbeCodes:\n    codes:\n" + names.enumerated().map { index, name in
                    "      K\(index): { name: \(q(name)), category: client, retryable: false, message: M. }\n"
                }.joined() + "    normalize: { default: K0 }\n"
                probeFields += "      code: { type: ProbeCodes, nullable: true }\n"
            }
            let otherStates = states.dropFirst(2)
            let stateLines = "      \"pending\": {}\n      \"done\": { terminal: true, outcome: success }\n"
                + otherStates.map { "      \(q($0)): { terminal: true, outcome: failure }\n" }.joined()
            let transitions = "      pending: [" + (["done"] + otherStates.map(q)).joined(separator: ", ") + "]\n"
            return """
                contract: Probe
                version: 1.0.0
                lifecycles:
                  ProbeStatus:
                    initial: pending
                    states:
                \(stateLines)    transitions:
                \(transitions)    retry: { max_retries: 3, initial_delay_ms: 10, multiplier: 2, max_delay_ms: 100, jitter: none }
                \(lifecycles)enums:
                \(enums)errors:
                  ProbeError:
                    lifecycle: ProbeStatus
                    codes:
                      P1: { name: failed_probe, category: execution, retryable: true, message: Failed., status: done }
                    normalize: { default: P1 }
                \(catalogs)models:
                  ProbeInner:
                    fields:
                      note: { type: string }
                \(models)  ProbeRecord:
                    fields:
                \(probeFields)    rules:
                      - id: error_iff_message
                        check: (error_code == null) == (error_message == null)

                """
        }

        /// The fields every probe record has (the shape of the execution result, so the generated code's own
        /// locals for them, such as `hasErrorCode`, are in play).
        static let baseFields = """
                  step: { type: string }
                  result: { type: json }
                  status: { type: ProbeStatus }
                  error_code: { type: ProbeError, nullable: true }
                  error_message: { type: string, nullable: true }

            """

        static func snake(_ name: String) -> String {
            name.unicodeScalars.map { ("A"..."Z").contains($0) ? "_" + String($0).lowercased() : String($0) }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        }
    }

    /// The lint result of `yaml`; a refusal must be a located error.
    static func lint(_ yaml: String) -> SchemaLoadResult {
        let result = SchemaLoader().load(text: yaml, file: "probe.yaml")
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            #expect(diagnostic.location != nil, "an unlocated error: \(diagnostic)")
        }
        return result
    }

    /// The names of `names` the linter accepts in `role`, one at a time, and then all together (a name that
    /// clashes with another in the combined schema is dropped, as the linter says).
    static func accepted(_ names: [String], as role: Role) -> (names: [String], contract: Contract?) {
        var kept = names.filter { role.admits($0) && lint(role.schema([$0])).isValid }
        for _ in 0..<8 {
            let result = lint(role.schema(kept))
            if result.isValid { return (kept, result.contract) }
            // Drop the names on the lines the errors point at.
            let lines = role.schema(kept).split(separator: "\n", omittingEmptySubsequences: false)
            let bad = Set(result.diagnostics.compactMap { $0.location?.line }.flatMap { line in
                kept.filter { lines.indices.contains(line - 1) && lines[line - 1].contains("\"\($0)\"") }
            })
            if bad.isEmpty { break }
            kept.removeAll { bad.contains($0) }
        }
        let result = lint(role.schema(kept))
        Issue.record("the combined \(role) schema does not lint: \(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return (kept, result.contract)
    }

    /// Compiles the Swift generated for `contract`; a failure records the compiler's errors.
    static func expectCompiles(_ contract: Contract, _ what: String, access: AccessLevel = .public) throws {
        let swift = Golden.generate(contract, schemaPath: "probe.yaml", access: access)
        let result = try SwiftCompiler.compile(["probe.swift": swift])
        let errors = result.output.split(separator: "\n").filter { $0.contains("error:") && !$0.contains("`- error") }
        let compiles = result.succeeded
        #expect(compiles, "\(what): generated code does not compile:\n\(errors.prefix(60).joined(separator: "\n"))")
    }

    @Test(arguments: Role.allCases)
    func everyNameTheLinterAcceptsInThisRoleGeneratesCodeThatCompiles(role: Role) throws {
        let (names, contract) = Self.accepted(Self.candidates, as: role)
        #expect(names.count > 20, "only \(names.count) names accepted as \(role)")
        _ = try #require(contract)
        // The Swift compiler's time grows faster than the file, so the accepted names are compiled in
        // slices (each slice's schema lints on its own: the names were accepted together).
        let slice = role == .field ? 40 : role == .modelName ? 12 : 30
        for start in stride(from: 0, to: names.count, by: slice) {
            let part = Array(names[start..<min(start + slice, names.count)])
            let result = Self.lint(role.schema(part))
            let contract = try #require(result.contract, "\(role) slice from \(start): \(result.diagnostics)")
            try #require(result.isValid, "\(role) slice from \(start): \(result.diagnostics.map(\.description))")
            try Self.expectCompiles(contract, "\(role) names \(part)")
        }
    }

    /// Random mixes: names drawn from the catalog into every role at once, at every access level.
    @Test func randomContractsMixingNamesInEveryRoleCompile() throws {
        Property.check(iterations: 3) { random in
            let result = Self.lint(Self.mixedSchema(from: Self.candidates, using: &random))
            guard result.isValid, let contract = result.contract else {
                // Accepted one by one, refused together: the refusal must say why, at a place.
                try #require(result.diagnostics.contains { $0.severity == .error })
                return
            }
            let access = random.pick([AccessLevel.public, .package, .internal])
            try Self.expectCompiles(contract, "a random mix at \(access) access", access: access)
        }
    }

    /// A schema with names drawn from `candidates` into several roles at once: field names on the probe
    /// record, state names on its lifecycle, model names as further models the record refers to. Each name
    /// is one its role accepts alone; together they may still clash, which the linter must then locate.
    static func mixedSchema(from candidates: [String], using random: inout some RandomNumberGenerator) -> String {
        var pool = candidates.shuffled(using: &random)
        func take(_ role: Role, _ count: Int) -> [String] {
            let chosen = pool.filter { role.admits($0) }.prefix(count)
            pool.removeAll { chosen.contains($0) }
            return Array(chosen)
        }
        let fields = accepted(take(.field, 25), as: .field).names
        let states = accepted(take(.stateName, 10), as: .stateName).names
        let models = accepted(take(.modelName, 6), as: .modelName).names
        var yaml = Role.field.schema(fields)
        let stateLines = states.map { "      \"\($0)\": { terminal: true, outcome: failure }\n" }.joined()
        yaml = yaml.replacingOccurrences(of: "      \"done\": { terminal: true, outcome: success }\n",
                                         with: "      \"done\": { terminal: true, outcome: success }\n" + stateLines)
        yaml = yaml.replacingOccurrences(of: "      pending: [done]\n",
                                         with: "      pending: [" + (["done"] + states.map { "\"\($0)\"" }).joined(separator: ", ") + "]\n")
        let modelLines = models.map { "  \"\($0)\":\n    fields:\n      inner: { type: ProbeInner }\n" }.joined()
        return yaml.replacingOccurrences(of: "  ProbeRecord:\n", with: modelLines + "  ProbeRecord:\n")
    }
}

/// Field types at the deepest nesting the command line allows generate code the compiler takes in
/// stride (closures carry their return types, so type checking does not grow exponentially with depth),
/// and the code grows in proportion to the schema.
@Suite struct DeepTypesCompileTests {
    @Test func aModelWithFieldsAtTheMaximumDepthCompiles() throws {
        var fields = ""
        for (index, leaf) in ["int", "string", "json", "timestamp", "Kind", "Leaf"].enumerated() {
            var type = leaf
            for level in 0..<YAMLLimits.typeDepthCeiling { type = (level % 2 == 0 ? "list<" : "map<") + type + ">" }
            fields += "      f\(index): { type: \"\(type)\" }\n"
        }
        let yaml = """
            contract: Deep
            version: 1.0.0
            enums:
              Kind: { values: [a, b] }
            models:
              Leaf:
                fields:
                  x: { type: int }
              Deep:
                fields:
            \(fields)
            """
        let result = SchemaLoader(limits: YAMLLimits(maxTypeDepth: YAMLLimits.typeDepthCeiling)).load(text: yaml, file: "deep.yaml")
        let contract = try #require(result.contract)
        #expect(result.isValid, "\(result.diagnostics)")
        let swift = Golden.generate(contract, schemaPath: "deep.yaml")
        // Bounded per field: the output stays within a fixed multiple of the schema.
        #expect(swift.utf8.count < 200 * yaml.utf8.count, "\(swift.utf8.count) bytes from \(yaml.utf8.count)")
        let start = ContinuousClock.now
        let compiled = try SwiftCompiler.compile(["deep.swift": swift])
        #expect(compiled.succeeded, "\(compiled.output.prefix(4000))")
        #expect(ContinuousClock.now - start < .seconds(120))
    }
}
