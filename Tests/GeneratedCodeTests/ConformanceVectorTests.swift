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

    @Test func theVectorsOfTheFourBundledSchemasAreRead() {
        #expect(Self.result.files == 4)
        #expect(Self.result.runner.checked > 1000)
    }

    @Test func everyVectorPassesUnlessItIsAKnownFailure() throws {
        let known = try ConformanceVectorFiles.knownFailures("swift")
        let unexpected = Self.result.runner.failures.filter { !known.contains($0.key) }
        #expect(unexpected.isEmpty, "\(unexpected.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))")
    }

    @Test func everyKnownFailureStillFails() throws {
        let known = try ConformanceVectorFiles.knownFailures("swift")
        let fixed = known.subtracting(Self.result.runner.failures.keys)
        #expect(fixed.isEmpty, "passing now, remove from conformance/known-failures/swift.txt: \(fixed.sorted())")
    }
}
