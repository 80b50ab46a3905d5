import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Foundation
import PropertyTesting
import TestSupport
import Testing

/// Python generated for random valid schemas (``RandomContract``: guards, rules over every operator, open and
/// closed enums, nested models, legacy values, retries, YAML-word names) is deterministic and imports: each
/// module is written beside the embedded runtime, as `contractgen generate --language python` lays them out, and
/// one `python3` imports them all and round-trips a value of every model whose fields all have defaults.
/// scripts/python-checks.sh runs this test with `PYTHON_RANDOM_MODULES=DIR`, which keeps the modules there, and
/// then `mypy --strict` on them. Needs `python3` 3.11 or later.
@Suite struct PythonRandomSchemaTests {
    @Test func randomSchemasGeneratePythonThatIsDeterministicAndImports() throws {
        // scripts/python-checks.sh names a directory to keep the modules in and runs mypy --strict on them.
        let kept = ProcessInfo.processInfo.environment["PYTHON_RANDOM_MODULES"]
        let root = kept.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("pyrandom-\(UUID().uuidString)")
        let package = root.appendingPathComponent("randomcontracts")
        defer { if kept == nil { try? FileManager.default.removeItem(at: root) } }
        for file in OutputLanguage.python.runtimeFiles ?? [] {
            let url = package.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
        try Data().write(to: package.appendingPathComponent("__init__.py"))
        var modules: [String] = []
        Property.check(iterations: 40) { random in
            let seed = random.next()
            let contract = try #require(SchemaLoader().load(text: RandomContract(using: &random).yaml, file: "random.yaml").contract)
            let python = PythonGenerator().generate(contract, schemaPath: "random.yaml", provenance: .buildPlugin)
            try #require(python == PythonGenerator().generate(contract, schemaPath: "random.yaml", provenance: .buildPlugin))
            let name = "random_\(String(seed, radix: 16))"
            try Data(python.utf8).write(to: package.appendingPathComponent(name + ".py"))
            modules.append(name)
        }
        #expect(modules.count == 40)
        let script = """
            import dataclasses, importlib, sys
            failures = 0
            for name in sys.argv[1:]:
                try:
                    module = importlib.import_module("randomcontracts." + name)
                    for value in vars(module).values():
                        if isinstance(value, type) and dataclasses.is_dataclass(value) and all(
                                f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
                                for f in dataclasses.fields(value)):
                            instance = value()
                            if not instance.violations() and value.from_json(instance.to_json()) != instance:
                                raise AssertionError(f"{value.__name__} does not round-trip")
                except Exception as error:
                    failures += 1
                    print(f"{name}: {type(error).__name__}: {error}")
            sys.exit(1 if failures else 0)
            """
        let out = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                    ["python3", "-c", script] + modules, in: root)
        #expect(out.status == 0, "python3 (3.11 or later needed) could not import every module:\n\(out.stdout)\(out.stderr)")
    }
}
