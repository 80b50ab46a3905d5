import ContractCodegen
import Foundation
import Testing

/// The TypeScript and Python runtimes compiled into the generator are the files under `packages/`,
/// byte for byte; re-record with `RECORD_GOLDEN=1 swift test --filter EmbeddedRuntimeTests` after
/// changing a runtime.
@Suite struct EmbeddedRuntimeTests {
    struct Runtime: Sendable, CustomTestStringConvertible {
        var constant: String
        var directory: String
        var fileExtension: String
        var source: String
        var embedded: @Sendable () -> [EmbeddedRuntime.File]
        var testDescription: String { constant }
    }

    static let runtimes = [
        Runtime(constant: "python", directory: "packages/python/execution_contracts/_runtime", fileExtension: "py",
                source: "Sources/ContractCodegen/Runtimes/PythonRuntimeFiles.swift", embedded: { EmbeddedRuntime.python }),
        Runtime(constant: "typeScript", directory: "packages/typescript/src/runtime", fileExtension: "ts",
                source: "Sources/ContractCodegen/Runtimes/TypeScriptRuntimeFiles.swift", embedded: { EmbeddedRuntime.typeScript }),
    ]

    /// The runtime's files in `directory`, in name order.
    static func files(of runtime: Runtime) throws -> [(name: String, contents: String)] {
        let url = Golden.packageRoot.appendingPathComponent(runtime.directory)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix("." + runtime.fileExtension) }.sorted()
            .map { ($0, try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The Swift source declaring the files, each as a raw multi-line string literal a reviewer can read.
    static func swiftSource(for runtime: Runtime, files: [(name: String, contents: String)]) -> String {
        var out = """
            // Generated from \(runtime.directory) by `RECORD_GOLDEN=1 swift test --filter EmbeddedRuntimeTests`. DO NOT EDIT.

            extension EmbeddedRuntime {
                /// The files of `\(runtime.directory)/`, in name order.
                public static let \(runtime.constant): [File] = [

            """
        for file in files {
            var hashes = "#"
            while file.contents.contains("\"\"\"" + hashes) || file.contents.contains("\\" + hashes) { hashes += "#" }
            // A line break before the closing delimiter is not part of the literal, so the text keeps its own.
            out += "        (\"\(file.name)\", \(hashes)\"\"\"\n" + file.contents + "\n\"\"\"\(hashes)),\n"
        }
        return out + "    ]\n}\n"
    }

    @Test(arguments: runtimes)
    func theEmbeddedRuntimeIsThePackagesRuntime(runtime: Runtime) throws {
        let files = try Self.files(of: runtime)
        #expect(!files.isEmpty)
        let source = Self.swiftSource(for: runtime, files: files)
        let url = Golden.packageRoot.appendingPathComponent(runtime.source)
        if Golden.isRecording { try source.write(to: url, atomically: true, encoding: .utf8) }
        #expect(try String(contentsOf: url, encoding: .utf8) == source, "re-record with RECORD_GOLDEN=1")
        let embedded = runtime.embedded()
        #expect(embedded.map(\.name) == files.map(\.name))
        #expect(embedded.map(\.contents) == files.map(\.contents))
    }
}
