import ContractCodegen
import ContractSchema
import Foundation
import PropertyTesting
import TestSupport
import Testing

/// Every name the linter accepts, in every role (field, type, state, enum value, error code name), generates a
/// TypeScript module that `tsc --strict` accepts with the package's compiler options and that node loads: JavaScript
/// keywords, `Object.prototype` members, globals the generated code uses (`Object`, `Record`, `Uint8Array`), the
/// runtime's exports and the generated code's own derived names, on top of the Swift catalog of hostile names.
/// Needs `tsc` (Debian's node-typescript, as scripts/typescript-checks.sh installs it) and `node` on the PATH.
@Suite struct TypeScriptHostileNamesTests {
    /// Names that mean something to JavaScript, TypeScript, the runtime or the generated module.
    static let typeScriptNames = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
        "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
        "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "async",
        "of", "get", "set", "as", "from", "type", "namespace", "module", "declare", "abstract", "readonly", "keyof",
        "unique", "infer", "is", "asserts", "any", "unknown", "never", "object", "string", "number", "boolean",
        "symbol", "bigint", "undefined", "arguments", "eval", "constructor", "prototype", "__proto__", "toString",
        "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__",
        "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "then", "length", "name", "caller", "value",
        "init", "record", "violations", "input", "options", "globalThis", "NaN", "Infinity", "Object", "Array",
        "String", "Number", "Boolean", "Symbol", "BigInt", "Function", "Promise", "Map", "Set", "Date", "Error",
        "JSON", "Math", "Reflect", "Proxy", "Record", "Readonly", "Partial", "Uint8Array", "Lifecycle",
        "Enumeration", "OpenEnumeration", "ErrorCatalog", "ModelSpec", "ParseOptions", "RuleViolation", "JsonValue",
        "Timestamp", "OtherString", "RecordError", "ValidationFailure", "TransitionError", "NormalizedError",
        "RetryPolicy", "field", "lifecycle", "enumeration", "errorCatalog", "defineModel", "parseRecord",
        "encodeRecord", "stringType", "enumType", "modelType", "sameText", "less", "throwIfViolated",
        "requireContractRuntimeAPI", "Model", "Init", "Violations", "Parse", "Encode", "Create", "Validate", "0", "1",
        "42", "a-b", "a b", "$", "é", "a\u{2028}b", "\u{2029}", "*/", "/*", "-->", "<!--", "'", "`", "${x}",
    ]

    static let candidates = Array(Set(typeScriptNames + GeneratedNamesCompileTests.candidates)).sorted()

    /// Type-checks `modules` and loads each with node; records tsc's and node's errors.
    static func expectTypeChecksAndLoads(_ modules: [String: String]) throws {
        try TypeScriptToolchain.withCompiled(modules) { out in
            let files = modules.keys.sorted().map { out.appendingPathComponent($0.dropLast(3) + ".js").path }
            let loaded = try TypeScriptToolchain.node([
                "--input-type=module", "-e", "for (const file of process.argv.slice(1)) await import(file);", "--",
            ] + files, in: out)
            #expect(loaded.status == 0, "node could not load a generated module:\n\(loaded.stderr)")
        }
    }

    static func module(_ contract: Contract) -> String {
        TypeScriptGenerator().generate(contract, schemaPath: "probe.yaml", provenance: .command(outputDirectory: "Generated"))
    }

    @Test func everyNameTheLinterAcceptsInEveryRoleGeneratesAModuleThatTypeChecksAndLoads() throws {
        var modules: [String: String] = [:]
        for role in GeneratedNamesCompileTests.Role.allCases {
            let (names, contract) = GeneratedNamesCompileTests.accepted(Self.candidates, as: role)
            #expect(names.count > 20, "only \(names.count) names accepted as \(role)")
            modules["\(role.rawValue).ts"] = Self.module(try #require(contract))
        }
        try Self.expectTypeChecksAndLoads(modules)
    }

    @Test func typeNamesThatShadowWhatTheGeneratedCodeUsesStillTypeCheck() throws {
        // Models whose derived names (`parseRecord`, `encodeRecord`) or own names (`Record`, `Object`, `Uint8Array`)
        // are runtime imports or globals the module uses, with fields that make it use them.
        let names = ["Record", "Object", "Uint8Array", "Readonly", "Lifecycle", "JsonValue", "Timestamp", "ModelSpec",
                     "RuleViolation", "ParseOptions", "Enumeration", "ErrorCatalog", "OpenEnumeration", "OtherString"]
        let models = names.map { "  \($0):\n    fields:\n      x: { type: map<timestamp> }\n" }.joined()
        let yaml = """
            contract: Shadow
            version: 1.0.0
            lifecycles:
              Phase:
                initial: a
                states:
                  a: {}
                  b: { terminal: true, outcome: success }
                transitions: { a: [b] }
            enums:
              Kind:
                open: true
                values: [one]
              Closed:
                values: [two]
            errors:
              Failure:
                codes:
                  F1: { name: bad, category: client, retryable: false }
                normalize: { default: F1 }
            models:
            \(models)  Holder:
                fields:
                  toString: { type: json, nullable: true, required: false }
                  constructor: { type: "map<list<string>>", required: false, default: {} }
                  phase: { type: Phase }
                  kind: { type: Kind }
                  closed: { type: Closed }
                  failure: { type: Failure, nullable: true }
                  record: { type: Record, nullable: true }
                rules:
                  - id: kind_known
                    check: "kind == one or phase == b"

            """
        let contract = try Golden.contract(yaml, file: "shadow.yaml")
        let module = Self.module(contract)
        #expect(module.contains("parseRecord as parseRecord_"))
        #expect(module.contains("globalThis.Object.hasOwn"))
        try Self.expectTypeChecksAndLoads(["shadow.ts": module])
    }

    @Test func rulesComparingOneFieldSeveralTimesTypeCheckDespiteNarrowing() throws {
        // After `color === "red"` TypeScript narrows `color` to "red" and refuses comparing it with "blue"; the
        // linter accepts such rules (always false, or redundant), so the module must still type-check.
        let yaml = """
            contract: Narrowing
            version: 1.0.0
            enums:
              Color:
                values: [red, blue, green]
            lifecycles:
              Phase:
                initial: a
                states:
                  a: {}
                  b: { terminal: true, outcome: success }
                transitions:
                  a:
                    - { to: b, when: "color == red and color == blue" }
                record: Thing
            models:
              Thing:
                fields:
                  color: { type: Color }
                  phase: { type: Phase }
                  flag: { type: bool }
                  maybe: { type: bool, nullable: true }
                  n: { type: int, nullable: true }
                  s: { type: string }
                rules:
                  - id: contradictory
                    check: "color == red and color == blue"
                  - id: repeated_item
                    check: "color in [red, red] or phase not in [a, a]"
                  - id: bools
                    check: "flag == true and flag == false or maybe == true and maybe == false or flag and not flag"
                  - id: excluded_then_compared
                    check: "color not in [red] or color == red"
                  - id: numbers_and_text
                    check: "n == null and n == 3 or s == 'a' and s == 'b'"

            """
        let contract = try Golden.contract(yaml, file: "narrowing.yaml")
        try Self.expectTypeChecksAndLoads(["narrowing.ts": Self.module(contract)])
    }

    /// Random mixes: names drawn into several roles of one contract (fields of the record, states of its lifecycle,
    /// further models), so names from different roles meet in one module.
    @Test func randomContractsMixingNamesInEveryRoleTypeCheckAndLoad() throws {
        var modules: [String: String] = [:]
        Property.check(iterations: 4) { random in
            let yaml = GeneratedNamesCompileTests.mixedSchema(from: Self.candidates, using: &random)
            let result = GeneratedNamesCompileTests.lint(yaml)
            guard result.isValid, let contract = result.contract else {
                // Accepted one by one, refused together: the refusal must say why, at a place.
                try #require(result.diagnostics.contains { $0.severity == .error })
                return
            }
            modules["mix\(modules.count).ts"] = Self.module(contract)
        }
        #expect(!modules.isEmpty, "no random mix linted")
        try Self.expectTypeChecksAndLoads(modules)
    }
}
