import ContractRuntime
import Foundation
import Testing

/// Runs a property over many random cases, each generated from its own seed, so that a failure
/// names the one seed that reproduces it.
///
/// Every property has a fixed base seed (by default derived from the test's name), so a run is the
/// same every time. Property bodies check with `try #require(...)`: the first failing case stops the
/// run and records its seed. To rerun only that case:
///
/// ```sh
/// PROPERTY_SEED=0x… swift test --filter <test name>
/// ```
///
/// `PROPERTY_ITERATIONS=N` runs N cases of every property instead of its own count (for long soak runs).
public enum Property {
    /// Runs `body` on `iterations` cases (or only the case `PROPERTY_SEED` names) and records an issue
    /// naming the seed of the first case that throws.
    public static func check(_ name: String = #function, iterations: Int, seed: UInt64? = nil,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation,
                             _ body: (inout SplitMix64) throws -> Void) {
        for (index, caseSeed) in caseSeeds(name: name, iterations: iterations, seed: seed).enumerated() {
            var random = SplitMix64(seed: caseSeed)
            do {
                try body(&random)
            } catch {
                let hex = "0x" + String(caseSeed, radix: 16, uppercase: true)
                // A failed `#require` has already recorded its own issue; any other error is shown here.
                let cause = error is ExpectationFailedError ? "" : ": \(error)"
                let message = "property \(name) failed on case \(index) with seed \(hex)\(cause)\n"
                    + "rerun this case: PROPERTY_SEED=\(hex) swift test --filter \(testName(name))"
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// The seed of every case: the one `PROPERTY_SEED` names, or `iterations` seeds drawn from the base seed.
    static func caseSeeds(name: String, iterations: Int, seed: UInt64?) -> [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["PROPERTY_SEED"], let only = parseSeed(text) {
            return [only]
        }
        let count = environment["PROPERTY_ITERATIONS"].flatMap { Int($0) } ?? iterations
        var seeds = SplitMix64(seed: seed ?? fnv1a(name))
        return (0..<count).map { _ in seeds.next() }
    }

    /// `0x`-prefixed hexadecimal or decimal.
    static func parseSeed(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("0x") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    /// A stable hash of the test's name (Swift's `hashValue` changes from run to run).
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// `someTest(argument:)` → `someTest`, the form `--filter` matches.
    static func testName(_ function: String) -> String {
        String(function.prefix { $0 != "(" })
    }
}

extension SplitMix64 {
    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// A uniformly chosen integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// A uniformly chosen element of a non-empty collection.
    public mutating func pick<C: Collection>(_ items: C) -> C.Element {
        items.randomElement(using: &self)!
    }

    /// Between `range.lowerBound` and `range.upperBound` elements made by `make`.
    public mutating func list<T>(_ range: ClosedRange<Int>, _ make: (inout SplitMix64) -> T) -> [T] {
        var items: [T] = []
        for _ in 0..<int(in: range) { items.append(make(&self)) }
        return items
    }
}
