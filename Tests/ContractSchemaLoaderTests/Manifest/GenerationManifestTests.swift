import ContractSchema
import ContractSchemaLoader
import Foundation
import Testing

/// `contractgen.yaml`: its entries, and each kind of mistake in it reported once, where it was made.
@Suite struct GenerationManifestTests {
    private func load(_ text: String) throws -> (GenerationManifest?, String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (manifest, diagnostics) = GenerationManifest.load(contentsOf: url.path)
        return (manifest, DiagnosticRenderer.render(diagnostics).replacingOccurrences(of: url.path, with: "m.yaml"))
    }

    @Test func entriesKeepTheirOrderAndDefaults() throws {
        let (manifest, findings) = try load("""
            generated:
              - { schema: a.yaml, output: Gen }
              - { schema: b.yaml, output: Tests/Gen, access: internal, language: swift }
            """)
        #expect(findings == "")
        let entries = try #require(manifest).entries
        #expect(entries.map(\.schema) == ["a.yaml", "b.yaml"])
        #expect(entries.map(\.access) == ["public", "internal"])
        #expect(entries.map(\.language) == ["swift", "swift"])
    }

    @Test(arguments: [
        ("generated:\n  - { schema: a.yaml, outptu: Gen }\n",
         "m.yaml:2:23: error: unknown key `outptu` in an entry of `generated`; did you mean `output`?\n"),
        ("generated:\n  - { schema: a.yaml }\n",
         "m.yaml:2:5: error: an entry of `generated` is missing the required key `output`\n"),
        ("generated:\n  - { schema: a.yaml, output: Gen, access: privat }\n",
         "m.yaml:2:44: error: `privat` is not an access level; valid access levels are `public`, `package`, `internal`\n"),
        ("generated: a.yaml\n",
         "m.yaml:1:12: error: `generated` must be a list of `{ schema, output }` entries, found a scalar\n"),
    ])
    func aMistakeIsReportedOnceWhereItWasMade(text: String, expected: String) throws {
        let (manifest, findings) = try load(text)
        #expect(manifest == nil)
        #expect(findings == expected)
    }
}
