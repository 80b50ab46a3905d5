import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Each `Tests/Fixtures/lint/NAME.yaml` is a broken schema; `NAME.expected` holds exactly the
/// diagnostics it must produce, rendered as `NAME.yaml:LINE:COLUMN: error: message`.
/// Re-record with `RECORD_FIXTURES=1 swift test --filter LintFixtureTests` and review the diff.
@Suite struct LintFixtureTests {
    static let names = Fixtures.names(in: "lint", extension: "yaml")

    @Test func thereAreAtLeastFortyBrokenSchemaFixtures() {
        #expect(Self.names.count >= 40)
    }

    @Test(arguments: names)
    func brokenSchemaProducesExactlyItsExpectedDiagnostics(name: String) throws {
        let bytes = try Fixtures.bytes("lint/\(name).yaml")
        let result = SchemaLoader().load(bytes: bytes, file: "\(name).yaml")
        let actual = DiagnosticRenderer.render(result.diagnostics)
        if Fixtures.isRecording {
            try Fixtures.write(actual, to: "lint/\(name).expected")
            return
        }
        let expected = try #require(Fixtures.text("lint/\(name).expected"), "missing lint/\(name).expected")
        #expect(!expected.isEmpty, "a broken-schema fixture must produce at least one diagnostic")
        if let diff = Fixtures.diff(expected: expected, actual: actual) {
            Issue.record("diagnostics of \(name).yaml differ from \(name).expected:\n\(diff)")
        }
    }
}
