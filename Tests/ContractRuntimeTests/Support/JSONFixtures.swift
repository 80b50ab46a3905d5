import ContractRuntime
import Foundation
import Testing

/// Locates the strict JSON reader's fixture files under `Tests/Fixtures/json`.
enum JSONFixtures {
    /// `Tests/Fixtures/json/suite`, found from this source file's path.
    static let suite: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/json/suite")

    /// The names of the suite's `.json` files that start with `prefix`, sorted.
    static func suiteFiles(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suite.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of a suite file.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: suite.appendingPathComponent(name)))
    }

    /// The text of a suite file.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: suite.appendingPathComponent(name), encoding: .utf8)
    }

    /// What `n_categories.txt` says each `n_` file must fail with.
    static func expectedCategories() throws -> [String: String] {
        var categories: [String: String] = [:]
        for line in try text("n_categories.txt").split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            categories[String(fields[0])] = String(fields[1])
        }
        return categories
    }

    /// The policy table in the suite's README: file name to (accept?, category when rejected).
    static func implementationDefinedPolicy() throws -> [String: (accept: Bool, category: String)] {
        var policy: [String: (accept: Bool, category: String)] = [:]
        for line in try text("README.md").split(separator: "\n") where line.hasPrefix("| i_") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            policy[cells[1]] = (accept: cells[2] == "accept", category: cells[3])
        }
        return policy
    }
}

/// Parses `text` strictly and returns the error, or nil if it parsed.
func readError(_ text: String, limits: JSONReaderLimits = .init()) -> JSONReadError? {
    readError(Array(text.utf8), limits: limits)
}

/// Parses `bytes` strictly and returns the error, or nil if they parsed.
func readError(_ bytes: [UInt8], limits: JSONReaderLimits = .init()) -> JSONReadError? {
    do {
        _ = try JSONValue(strictUTF8: bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// Runs `body` over `bytes` with a pull reader, then `expectEnd()`, and returns the reader error, if any.
func pullError(_ bytes: [UInt8], _ body: (inout JSONReader) throws -> Void) -> JSONReadError? {
    do {
        try JSONReader.withReader(reading: bytes) { reader in
            try body(&reader)
            try reader.expectEnd()
        }
        return nil
    } catch let error as JSONReadError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// `pullError` over the UTF-8 of `text`.
func pullError(_ text: String, _ body: (inout JSONReader) throws -> Void) -> JSONReadError? {
    pullError(Array(text.utf8), body)
}

/// The byte offset of the first occurrence of `needle` in `text`.
func byteOffset(of needle: String, in text: String) -> Int {
    let haystack = Array(text.utf8), pattern = Array(needle.utf8)
    for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
        return start
    }
    return -1
}

