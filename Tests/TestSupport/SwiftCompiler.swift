import Foundation

/// Compiles Swift source against the package's own built modules (ContractRuntime and the rest), the way
/// a consumer compiles generated code, so tests can prove that generated code builds, not only that it
/// looks right.
public enum SwiftCompiler {
    /// What the compiler said.
    public struct Result: Sendable {
        public var succeeded: Bool
        /// The compiler's diagnostics.
        public var output: String
    }

    /// The build's module directory (`.build/<triple>/debug/Modules`), found next to the test bundle.
    public static var modulesDirectory: URL? {
        candidates().first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("ContractRuntime.swiftmodule").path) }
    }

    /// Compiles `sources` (file name → text) as one module named `moduleName`, through the mandatory SIL
    /// diagnostics that `-typecheck` alone would skip.
    public static func compile(_ sources: [String: String], moduleName: String = "Probe") throws -> Result {
        guard let modules = modulesDirectory else { throw CompilerError.modulesNotFound }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swiftc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        // `-emit-sil` runs the type checker and the mandatory SIL diagnostics (definite initialization,
        // ownership) without the cost of machine code.
        // A package name, so that code generated at `package` access compiles as in a package.
        // The module maps SwiftPM made for the package's C targets (CJSONBlocks, which ContractRuntime imports),
        // passed as SwiftPM passes them to a client; not the copies built for plugin tools (`-tool.build`).
        let buildDirectory = modules.deletingLastPathComponent()
        let moduleMaps = ((try? FileManager.default.contentsOfDirectory(atPath: buildDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".build") && !$0.hasSuffix("-tool.build") }.sorted()
            .map { buildDirectory.appendingPathComponent($0).appendingPathComponent("module.modulemap").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let arguments = ["swiftc", "-parse-as-library", "-module-name", moduleName, "-package-name", moduleName,
                         "-I", modules.path] + moduleMaps.flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] }
            + ["-Onone", "-emit-sil", "-o", "/dev/null", "--"] + files
        let out = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory)
        return Result(succeeded: out.status == 0, output: out.stdout + out.stderr)
    }

    public enum CompilerError: Error, CustomStringConvertible {
        case modulesNotFound
        public var description: String { "the package's Modules directory (ContractRuntime.swiftmodule) is not next to the tests" }
    }

    private static func candidates() -> [URL] {
        var result: [URL] = []
        for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")] {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                result.append(dir.appendingPathComponent("Modules"))
                dir = dir.deletingLastPathComponent()
            }
        }
        return result
    }
}
