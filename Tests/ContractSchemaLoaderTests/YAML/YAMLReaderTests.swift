import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

@Suite struct YAMLReaderTests {
    private func read(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
        YAMLReader(limits: limits).read(text: text, file: "t.yaml")
    }

    private func rendered(_ document: YAMLDocument) -> String {
        DiagnosticRenderer.render(document.diagnostics)
    }

    @Test func scalarsStayTextAsWritten() throws {
        let doc = read("a: no\nb: on\nc: off\nd: 1.10\ne: E001\nf: 'null'\ng: null\n")
        guard case .mapping(let m)? = doc.root else { Issue.record("expected a mapping"); return }
        let values = m.entries.map { entry -> String in
            guard case .scalar(let s) = entry.value else { return "?" }
            return "\(s.value):\(s.style.rawValue)"
        }
        #expect(values == ["no:plain", "on:plain", "off:plain", "1.10:plain", "E001:plain", "null:singleQuoted", "null:plain"])
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func everyNodeCarriesItsLineAndColumn() throws {
        let doc = read("top:\n  inner: [x, y]\n")
        guard case .mapping(let m)? = doc.root, case .mapping(let inner) = m.entries[0].value,
              case .sequence(let list) = inner.entries[0].value else { Issue.record("unexpected shape"); return }
        #expect(m.entries[0].key.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
        #expect(inner.entries[0].key.location == SourceLocation(file: "t.yaml", line: 2, column: 3))
        #expect(list.items[1].location == SourceLocation(file: "t.yaml", line: 2, column: 14))
    }

    @Test func anchorsAndAliasesAreRefused() {
        let doc = read("a: &x 1\nb: *x\n")
        #expect(rendered(doc) == """
            t.yaml:1:4: error: anchors (`&x`) are not allowed in schemas; write the value out
            t.yaml:2:4: error: aliases (`*name`) are not allowed in schemas; write the value out

            """)
    }

    @Test func tagsAreRefused() {
        #expect(rendered(read("a: !!str 1\n")) ==
            "t.yaml:1:4: error: tags (`!!str`) are not allowed in schemas; a value's type comes from where it stands\n")
    }

    @Test func mergeKeysAreRefused() {
        #expect(rendered(read("a:\n  <<: {b: 1}\n")) ==
            "t.yaml:2:3: error: merge keys (`<<`) are not allowed in schemas; write the keys out\n")
    }

    @Test func duplicateKeysReportBothLocations() {
        #expect(rendered(read("a: 1\nb: 2\na: 3\n")) == """
            t.yaml:3:1: error: duplicate key `a`
            t.yaml:1:1: note: `a` first defined here

            """)
    }

    @Test func complexKeysAreRefused() {
        #expect(rendered(read("? [a, b]\n: 1\nc: 2\n")) ==
            "t.yaml:1:3: error: keys must be plain text; a mapping or list cannot be a key\n")
    }

    @Test func aSecondDocumentIsRefused() {
        #expect(rendered(read("a: 1\n---\nb: 2\n")) ==
            "t.yaml:2:1: error: a schema file holds one YAML document; remove the second `---` document\n")
    }

    @Test func tabIndentationIsRefusedWithItsOwnMessageNamingTheEnclosingBlock() {
        #expect(rendered(read("a:\n  b:\n    c: 1\n\td: 2\n")) ==
            "t.yaml:4:1: error: tab character in indentation; YAML indents with spaces only, so replace it with spaces "
            + "(the enclosing mapping of `b` that begins at line 3 has its keys at column 5)\n")
    }

    @Test func unterminatedQuotesPointAtTheOpeningQuote() {
        #expect(rendered(read("a: 1\nb: \"open\nc: 2\n")) ==
            "t.yaml:2:4: error: unterminated quoted string; add the closing quote\n")
    }

    @Test func invalidUTF8IsRefusedAtItsPosition() {
        let bytes: [UInt8] = Array("a: ok\nb: x".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let doc = YAMLReader().read(bytes: bytes, file: "t.yaml")
        #expect(rendered(doc) ==
            "t.yaml:2:5: error: invalid UTF-8: byte 0xC0 cannot start a UTF-8 character; schema files must be UTF-8 text\n")
    }

    @Test func surrogateCodePointsEncodedAsUTF8AreRefused() {
        let bytes: [UInt8] = Array("a: ".utf8) + [0xED, 0xA0, 0x80]
        let doc = YAMLReader().read(bytes: bytes, file: "t.yaml")
        #expect(doc.root == nil)
        #expect(rendered(doc).contains("malformed UTF-8 sequence starting with byte 0xED"))
    }

    @Test func anEmptyFileHasNoRootAndNoError() {
        let doc = read("")
        #expect(doc.root == nil)
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func aTenMegabyteFileIsRefusedFastBeforeParsing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).yaml").path
        let big = String(repeating: "# padding\n", count: 1_048_576)
        try big.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let start = ContinuousClock.now
        let doc = YAMLReader().read(contentsOf: path)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(rendered(doc) ==
            "\(path):1:1: error: schema file is 10485760 bytes; the limit is 4194304 bytes (raise it with --max-schema-bytes)\n")
    }

    @Test func bytesInMemoryOverTheSizeLimitAreRefused() {
        let doc = read(String(repeating: "#\n", count: 600), limits: YAMLLimits(maxBytes: 1000))
        #expect(rendered(doc) ==
            "t.yaml:1:1: error: schema file is 1200 bytes; the limit is 1000 bytes (raise it with --max-schema-bytes)\n")
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let doc = read("a: " + deep + "\n")
        #expect(doc.root == nil)
        #expect(rendered(doc) == "t.yaml:1:67: error: nesting is deeper than the limit of 64 levels (raise it with --max-schema-depth)\n")
    }

    @Test func nestingPastAConfiguredDepthIsRefusedWithTheDepthMessage() {
        #expect(read("a: {b: [c]}\n", limits: YAMLLimits(maxDepth: 3)).diagnostics.isEmpty)
        let doc = read("a: {b: [[c]]}\n", limits: YAMLLimits(maxDepth: 3))
        #expect(doc.root == nil)
        #expect(rendered(doc) == "t.yaml:1:9: error: nesting is deeper than the limit of 3 levels (raise it with --max-schema-depth)\n")
    }

    @Test func nodeCountIsBounded() {
        let list = "[" + Array(repeating: "x", count: 50).joined(separator: ",") + "]"
        let doc = read("a: \(list)\n", limits: YAMLLimits(maxNodes: 20))
        #expect(doc.root == nil)
        #expect(rendered(doc) == "t.yaml:1:39: error: the file holds more than the limit of 20 YAML nodes (raise it with --max-schema-nodes)\n")
    }

    @Test func exactlyTheConfiguredNumberOfNodesIsAccepted() {
        // The root mapping, the key and a list of 18 scalars: 21 nodes.
        let list = "[" + Array(repeating: "x", count: 18).joined(separator: ",") + "]"
        #expect(read("a: \(list)\n", limits: YAMLLimits(maxNodes: 21)).diagnostics.isEmpty)
        #expect(!read("a: \(list)\n", limits: YAMLLimits(maxNodes: 20)).diagnostics.isEmpty)
    }

    @Test func billionLaughsIsRefusedAtTheFirstAlias() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let start = ContinuousClock.now
        let doc = read(text)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(doc.root == nil)
        #expect(rendered(doc).contains("error: aliases (`*name`) are not allowed"))
    }

    @Test func aMissingFileIsUnreadable() {
        let doc = YAMLReader().read(contentsOf: "/nonexistent/schema.yaml")
        #expect(doc.isUnreadable)
        #expect(rendered(doc) == "error: cannot read /nonexistent/schema.yaml: no such file or not readable\n")
    }
}
