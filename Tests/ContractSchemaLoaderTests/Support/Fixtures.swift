import Foundation
import TestSupport

/// Locates files under Tests/Fixtures and compares output with expected files.
enum Fixtures {
    /// `Tests/Fixtures`, found from this source file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The package root.
    static let packageRoot: URL = root.deletingLastPathComponent().deletingLastPathComponent()

    /// Whether tests should rewrite expected files instead of comparing (`RECORD_FIXTURES=1`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

    /// The names (without extension) of files in `directory` ending in `.extension`, sorted.
    static func names(in directory: String, extension ext: String) -> [String] {
        let url = root.appendingPathComponent(directory)
        let items = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return items.filter { $0.hasSuffix("." + ext) }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    /// The bytes of a fixture file.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// The text of a fixture file, or nil when it does not exist.
    static func text(_ relativePath: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Writes a fixture file (record mode only).
    static func write(_ text: String, to relativePath: String) throws {
        try text.write(to: root.appendingPathComponent(relativePath), atomically: true, encoding: .utf8)
    }

    /// A readable line diff of two texts, or nil when they are equal.
    static func diff(expected: String, actual: String) -> String? {
        LineDiff.describe(expected: expected, actual: actual)
    }
}
