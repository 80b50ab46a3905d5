import ContractCodegen
import Foundation
import TestSupport
import Testing

/// Compiles generated TypeScript the way the package is compiled (its tsconfig.json, strict) beside the runtime the
/// generator embeds, and runs node on the result. Needs `tsc` (Debian's node-typescript, as
/// scripts/typescript-checks.sh installs it) and `node` on the PATH, and says so when they are missing.
enum TypeScriptToolchain {
    /// The program `name` on the PATH.
    static func program(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Writes `modules` (file name → source) beside the runtime, compiles them with `tsc --strict` and the package's
    /// options, and calls `body` with the directory of the compiled ES modules; a compile error is recorded instead.
    static func withCompiled(_ modules: [String: String], _ body: (URL) throws -> Void) throws {
        let tsc = try #require(program("tsc"), "tsc is not on the PATH: install node-typescript (apt-get install node-typescript), as scripts/typescript-checks.sh does")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ts-generated-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("src")
        for file in try #require(OutputLanguage.typescript.runtimeFiles) + modules.map({ ($0.key, $0.value) }) {
            let url = source.appendingPathComponent(file.0)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.1.write(to: url, atomically: true, encoding: .utf8)
        }
        let packageConfig = Golden.packageRoot.appendingPathComponent("packages/typescript/tsconfig.json").path
        try """
            { "extends": \(jsonString(packageConfig)),
              "compilerOptions": { "rootDir": "src", "outDir": "out", "declaration": false, "strict": true },
              "include": ["src/**/*.ts"] }
            """.write(to: directory.appendingPathComponent("tsconfig.json"), atomically: true, encoding: .utf8)
        let checked = try CLIRunner.run(executable: tsc, ["-p", directory.appendingPathComponent("tsconfig.json").path],
                                        in: directory)
        #expect(checked.status == 0, "tsc --strict refused the generated modules:\n\(String(checked.stdout.prefix(8000)))")
        guard checked.status == 0 else { return }
        let out = directory.appendingPathComponent("out")
        try "{ \"type\": \"module\" }\n".write(to: out.appendingPathComponent("package.json"), atomically: true,
                                                encoding: .utf8)
        try body(out)
    }

    /// Runs node with `arguments` in `directory`.
    static func node(_ arguments: [String], input: Data? = nil, in directory: URL) throws -> CLIRunner.Output {
        let node = try #require(program("node"), "node is not on the PATH: install nodejs")
        return try CLIRunner.run(executable: node, arguments, input: input, in: directory)
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
