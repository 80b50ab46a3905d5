import Foundation
import TestSupport
import Testing

/// docs/Architecture.md's table of targets and what each may depend on is the rule book: every target of
/// Package.swift must be in it, depend only on what it lists, and the rules of the page must hold for
/// the whole dependency graph, so the page and the package cannot drift apart.
@Suite struct ArchitectureTests {
    static let root = CLIRunner.packageRoot
    static let declared = (try? PackageManifest.targets(in: String(contentsOf: root.appendingPathComponent("Package.swift"),
                                                                        encoding: .utf8))) ?? [:]
    static let allowed = (try? ArchitecturePage.table(in: String(contentsOf: root.appendingPathComponent("docs/Architecture.md"),
                                                                     encoding: .utf8))) ?? [:]

    @Test func thePageListsExactlyThePackagesTargets() {
        #expect(!Self.declared.isEmpty && !Self.allowed.isEmpty)
        #expect(Set(Self.declared.keys).subtracting(Self.allowed.keys).sorted() == [], "targets missing from the page")
        #expect(Set(Self.allowed.keys).subtracting(Self.declared.keys).sorted() == [], "targets the package no longer has")
    }

    @Test func everyTargetDependsOnlyOnWhatThePageAllows() {
        for (target, dependencies) in Self.declared.sorted(by: { $0.key < $1.key }) {
            let extra = Set(dependencies).subtracting(Self.allowed[target] ?? [])
            #expect(extra.isEmpty, "\(target) depends on \(extra.sorted()), which docs/Architecture.md does not allow")
        }
    }

    /// Everything `target` reaches through its dependencies.
    static func closure(of target: String) -> Set<String> {
        var seen: Set<String> = [], stack = [target]
        while let next = stack.popLast() {
            for dependency in declared[next] ?? [] where seen.insert(dependency).inserted { stack.append(dependency) }
        }
        return seen
    }

    @Test(arguments: ["ContractRuntime", "ExecutionContracts", "ContractRunTracking"])
    func theRuntimeGeneratedCodeAndRunTrackingNeverReachTheSchemaOrLibyaml(target: String) {
        let reached = Self.closure(of: target)
        // CJSONBlocks: the runtime's C kernel for scanning JSON, with no dependency of its own (below).
        #expect(reached.isSubset(of: ["ContractRuntime", "CJSONBlocks"]), "\(target) reaches \(reached.sorted())")
    }

    @Test func theRuntimesCKernelDependsOnNothing() {
        #expect(Self.declared["CJSONBlocks"] == [], "CJSONBlocks depends on \(Self.declared["CJSONBlocks"] ?? [])")
    }

    @Test(arguments: ["ContractSchema", "ContractCodegen", "ContractEvolution", "ContractValidation"])
    func onlyTheLoaderLinksLibyaml(target: String) {
        let reached = Self.closure(of: target)
        #expect(!reached.contains("CYAML") && !reached.contains("ContractSchemaLoader"), "\(target) reaches \(reached.sorted())")
    }

    @Test(arguments: ["contractgen", "ContractGenPlugin", "GenerateContracts", "ContractCodegen"])
    func theCodeGeneratorNeverLinksDatabaseDrivers(target: String) {
        let drivers: Set<String> = ["ContractRunStoreSQLite", "ContractRunStorePostgres", "ContractRunStores", "SQLiteNIO",
                                    "PostgresNIO", "contractgen-runs"]
        let reached = Self.closure(of: target)
        #expect(reached.isDisjoint(with: drivers), "\(target) reaches \(reached.intersection(drivers).sorted())")
    }

    @Test func theGraphHasNoCycles() {
        for target in Self.declared.keys {
            #expect(!Self.closure(of: target).contains(target), "\(target) depends on itself")
        }
    }

    /// The reader the tests rely on: a known Package.swift shape gives the known edges.
    @Test func theManifestReaderFindsTargetsProductsAndFuzzTargets() {
        let text = """
            .target(name: "A", dependencies: ["B", .product(name: "P", package: "p-package")]),
            .testTarget(
                // comment
                name: "ATests",
                dependencies: ["A"]
            ),
            .library(name: "A", targets: ["A"]),
            ("FuzzA", ["A", "B"]),
            """
        #expect(PackageManifest.targets(in: text) == ["A": ["B", "P"], "ATests": ["A"], "FuzzA": ["A", "B"]])
    }
}

/// Targets and their dependencies, read from the text of a Package.swift written the way this one is.
enum PackageManifest {
    static func targets(in text: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        let calls = [".target(", ".testTarget(", ".executableTarget(", ".systemLibrary(", ".plugin("]
        var index = text.startIndex
        while let match = calls.compactMap({ text.range(of: $0, range: index..<text.endIndex) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let body = balanced(text, from: text.index(before: match.upperBound), open: "(", close: ")")
            index = body.upperBound
            let call = String(text[body])
            // A product (`.plugin(name:, targets:)`) is not a target.
            guard !call.contains("targets:"), let name = firstCapture(#"name:\s*"([^"]+)""#, in: call) else { continue }
            result[name] = dependencies(in: call)
        }
        // Fuzz targets are declared as ("Name", [dependencies]) pairs.
        let pair = try! NSRegularExpression(pattern: #"\(\s*"(Fuzz[A-Za-z]+)",\s*\[([^\]]*)\]\s*\)"#)
        for match in pair.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            result[name] = quoted(in: String(text[Range(match.range(at: 2), in: text)!]))
        }
        return result
    }

    private static func dependencies(in call: String) -> [String] {
        guard let start = call.range(of: "dependencies:") else { return [] }
        guard let open = call.range(of: "[", range: start.upperBound..<call.endIndex) else { return [] }
        var list = String(call[balanced(call, from: open.lowerBound, open: "[", close: "]")])
        var products: [String] = []
        let product = try! NSRegularExpression(pattern: #"\.product\(\s*name:\s*"([^"]+)"[^)]*\)"#)
        for match in product.matches(in: list, range: NSRange(list.startIndex..., in: list)).reversed() {
            products.insert(String(list[Range(match.range(at: 1), in: list)!]), at: 0)
            list.replaceSubrange(Range(match.range, in: list)!, with: "")
        }
        return quoted(in: list) + products
    }

    private static func quoted(in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #""([^"]+)""#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    private static func firstCapture(_ pattern: String, in text: String) -> String? {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return String(text[Range(match.range(at: 1), in: text)!])
    }

    /// The range from the bracket at `start` to its matching close, both included.
    private static func balanced(_ text: String, from start: String.Index, open: Character, close: Character) -> Range<String.Index> {
        var depth = 0, index = start
        while index < text.endIndex {
            if text[index] == open { depth += 1 }
            if text[index] == close { depth -= 1; if depth == 0 { return start..<text.index(after: index) } }
            index = text.index(after: index)
        }
        return start..<text.endIndex
    }
}

/// The page's table: `| \`target\` | \`dependency\`, … |`.
enum ArchitecturePage {
    static func table(in text: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        guard let heading = text.range(of: "## Targets and what each may depend on") else { return [:] }
        for line in text[heading.upperBound...].split(separator: "\n") {
            guard line.hasPrefix("| `") else { if line.hasPrefix("## ") { break } else { continue } }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            let names = { (cell: String) in cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
                .filter { !$0.isEmpty } }
            if let target = names(cells[1]).first { result[target] = Set(names(cells[2])) }
        }
        return result
    }
}
