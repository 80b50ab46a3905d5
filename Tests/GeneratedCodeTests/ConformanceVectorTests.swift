import ContractRuntime
import Foundation
import Testing

/// The generated Swift code agrees with every checked-in conformance vector, except the ones
/// conformance/known-failures/swift.txt lists, and each of those still fails (so the list cannot go stale).
@Suite struct ConformanceVectorTests {
    static let result: (runner: SwiftConformanceRunner, files: Int) = {
        var runner = SwiftConformanceRunner()
        let files = (try? ConformanceVectorFiles.all()) ?? []
        for file in files { runner.run(stem: file.stem, vectors: file.vectors) }
        return (runner, files.count)
    }()

    /// The JSON suite's file is read too; its documents are for the other languages' readers, since Swift's
    /// strict reader is where their expected answers come from.
    @Test func theVectorsOfTheFourBundledSchemasAndTheJSONSuiteAreRead() {
        #expect(Self.result.files == 5)
        #expect(Self.result.runner.checked > 1000)
    }

    @Test func everyVectorPassesUnlessItIsAKnownFailure() throws {
        let known = try Self.knownFailures()
        let unexpected = Self.result.runner.failures.filter { !known.contains($0.key) }
        #expect(unexpected.isEmpty, "\(unexpected.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))")
    }

    /// The listed known failures that apply to the vectors read: seeded mutations are listed for the checked-in
    /// ones, so a run on other mutations (CONFORMANCE_VECTORS) leaves them out.
    static func knownFailures() throws -> Set<String> {
        let known = try ConformanceVectorFiles.knownFailures("swift")
        guard ProcessInfo.processInfo.environment["CONFORMANCE_VECTORS"] != nil else { return known }
        return known.filter { !$0.contains("/mutation/") }
    }

    @Test func everyKnownFailureStillFails() throws {
        let known = try Self.knownFailures()
        let fixed = known.subtracting(Self.result.runner.failures.keys)
        #expect(fixed.isEmpty, "passing now, remove from conformance/known-failures/swift.txt: \(fixed.sorted())")
    }
}
