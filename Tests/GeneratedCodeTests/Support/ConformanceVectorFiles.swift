import ContractRuntime
import Foundation

/// The checked-in conformance vectors (conformance/vectors, docs/Conformance.md) and a language's list of
/// known failures (conformance/known-failures), read the way every language's runner reads them.
enum ConformanceVectorFiles {
    static let root = SeedSchemas.packageRoot.appendingPathComponent("conformance")

    /// The vector files by schema stem (`execution`, `task_pipeline`, ...): the checked-in ones, or those in
    /// the directory `CONFORMANCE_VECTORS` names (scripts/conformance-differential.sh writes one with more
    /// seeded mutations).
    static func all() throws -> [(stem: String, vectors: JSONValue)] {
        let directory = ProcessInfo.processInfo.environment["CONFORMANCE_VECTORS"].map { URL(fileURLWithPath: $0) }
            ?? root.appendingPathComponent("vectors")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { name in
                let vectors = try JSONValue(jsonUTF8Data: Data(contentsOf: directory.appendingPathComponent(name)))
                return (String(name.dropLast(".json".count)), vectors)
            }
    }

    /// The known failures of `language`, as `SCHEMA/VECTOR-ID`; `#` starts a comment line.
    static func knownFailures(_ language: String) throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("known-failures/\(language).txt"), encoding: .utf8)
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// A record vector's exact input bytes: `input` as UTF-8, or `input_hex`.
    static func input(_ vector: JSONValue) -> [UInt8] {
        if let text = vector["input"]?.stringValue { return Array(text.utf8) }
        let hex = Array((vector["input_hex"]?.stringValue ?? "").utf8)
        return stride(from: 0, to: hex.count - 1, by: 2).compactMap {
            UInt8(String(decoding: hex[$0...($0 + 1)], as: UTF8.self), radix: 16)
        }
    }
}
