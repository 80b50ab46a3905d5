import Foundation
import TestSupport
import Testing

/// Every name the linter accepts generates Python that imports: packages/python/tests/hostile_names.py builds
/// schemas from every Python keyword, builtin and name the generated module uses, in every role a schema gives a
/// name, plus text that would close a docstring, lints each with the contractgen built with these tests,
/// generates the accepted ones together and imports them (checking docstrings, defaults and messages arrive
/// intact). `mypy --strict` over the same modules runs in scripts/python-checks.sh, which installs a pinned mypy;
/// this test needs only `python3` (3.11 or later), and fails saying so when it is missing.
@Suite struct PythonGeneratedNamesTests {
    @Test func everyNameTheLinterAcceptsGeneratesPythonThatImports() throws {
        let contractgen = try #require(CLIRunner.executable(named: "contractgen"), "contractgen is not built")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let version = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", "-c", "import sys; print(sys.version_info >= (3, 11))"])
        try #require(version.status == 0 && version.stdout == "True\n",
                     "this test needs python3 3.11 or later on PATH: \(version.stdout)\(version.stderr)")
        let out = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "packages/python/tests/hostile_names.py", "--contractgen", contractgen.path, "--output", output.path,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("modules generated and imported; 0 failed"), "\(out.stderr)")
    }
}
