import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Schema files are UTF-8. A leading UTF-8 byte-order mark is allowed (YAML 1.2 allows it); any other mark,
/// and UTF-16 or UTF-32 text, is refused by name.
@Suite struct TextEncodingTests {
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func rendered(_ bytes: [UInt8]) -> String {
        DiagnosticRenderer.render(YAMLReader().read(bytes: bytes, file: "t.yaml").diagnostics)
    }

    @Test func aLeadingByteOrderMarkIsSkipped() throws {
        let doc = YAMLReader().read(bytes: Self.bom + Array("a: 1\n".utf8), file: "t.yaml")
        #expect(doc.diagnostics.isEmpty)
        guard case .mapping(let m)? = doc.root else { Issue.record("expected a mapping"); return }
        #expect(m.entries.map(\.key.value) == ["a"])
    }

    @Test func columnsOnTheFirstLineCountFromTheTextAfterTheMark() throws {
        let doc = YAMLReader().read(bytes: Self.bom + Array("key: [x, y]\n".utf8), file: "t.yaml")
        guard case .mapping(let m)? = doc.root, case .sequence(let list) = m.entries[0].value else {
            Issue.record("unexpected shape"); return
        }
        #expect(m.entries[0].key.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
        #expect(list.items[1].location == SourceLocation(file: "t.yaml", line: 1, column: 10))
    }

    @Test func aSeedSchemaWithAByteOrderMarkLoadsClean() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/execution.yaml").path
        let bytes = Self.bom + [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let result = SchemaLoader().load(bytes: bytes, file: "execution.yaml")
        #expect(DiagnosticRenderer.render(result.diagnostics) == "")
        #expect(result.isValid)
    }

    @Test func textThatStartsWithAByteOrderMarkCharacterLoadsLikeBytes() {
        let doc = YAMLReader().read(text: "\u{FEFF}a: 1\n", file: "t.yaml")
        #expect(doc.diagnostics.isEmpty)
        #expect(doc.root != nil)
    }

    @Test(arguments: [
        ([], "t.yaml:1:1: error: the schema is empty; a schema is a mapping that starts with `contract:` and `version:`\n"),
        (Array("\n\n".utf8), "t.yaml:1:1: error: the schema is empty; a schema is a mapping that starts with `contract:` and `version:`\n"),
        (Array("# note\n".utf8), "t.yaml:1:1: error: the schema is empty; a schema is a mapping that starts with `contract:` and `version:`\n"),
    ] as [([UInt8], String)])
    func aByteOrderMarkWithNothingAfterItIsAnEmptySchema(rest: [UInt8], expected: String) {
        let result = SchemaLoader().load(bytes: Self.bom + rest, file: "t.yaml")
        #expect(DiagnosticRenderer.render(result.diagnostics) == expected)
    }

    @Test func aByteOrderMarkAfterTheStartIsRefusedWhereItStands() {
        #expect(rendered(Array("a: x".utf8) + Self.bom + Array("y\n".utf8)) == "t.yaml:1:5: error: byte-order mark (U+FEFF) inside "
            + "the file; a byte-order mark may only stand at the very start of a schema file, so remove it\n")
    }

    @Test func aByteOrderMarkInsideQuotesIsRefusedToo() {
        #expect(rendered(Array("a: 1\nb: \"".utf8) + Self.bom + Array("\"\n".utf8)).hasPrefix("t.yaml:2:5: error: byte-order mark"))
    }

    @Test func aSecondByteOrderMarkRightAfterTheFirstIsRefusedAtColumnOne() {
        #expect(rendered(Self.bom + Self.bom + Array("a: 1\n".utf8)).hasPrefix("t.yaml:1:1: error: byte-order mark (U+FEFF) inside"))
    }

    /// Every UTF-16 and UTF-32 form YAML 1.2 recognises, with and without its mark.
    static let foreign: [(encoding: String.Encoding, mark: [UInt8], expected: String)] = [
        (.utf16LittleEndian, [0xFF, 0xFE], "starts with a UTF-16 (little-endian) byte-order mark; schema files must be UTF-8: convert it, for example with `iconv -f UTF-16LE -t UTF-8`"),
        (.utf16BigEndian, [0xFE, 0xFF], "starts with a UTF-16 (big-endian) byte-order mark; schema files must be UTF-8: convert it, for example with `iconv -f UTF-16BE -t UTF-8`"),
        (.utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00], "starts with a UTF-32 (little-endian) byte-order mark; schema files must be UTF-8: convert it, for example with `iconv -f UTF-32LE -t UTF-8`"),
        (.utf32BigEndian, [0x00, 0x00, 0xFE, 0xFF], "starts with a UTF-32 (big-endian) byte-order mark; schema files must be UTF-8: convert it, for example with `iconv -f UTF-32BE -t UTF-8`"),
        (.utf16LittleEndian, [], "is UTF-16 (little-endian) text; schema files must be UTF-8: convert it, for example with `iconv -f UTF-16LE -t UTF-8`"),
        (.utf16BigEndian, [], "is UTF-16 (big-endian) text; schema files must be UTF-8: convert it, for example with `iconv -f UTF-16BE -t UTF-8`"),
        (.utf32LittleEndian, [], "is UTF-32 (little-endian) text; schema files must be UTF-8: convert it, for example with `iconv -f UTF-32LE -t UTF-8`"),
        (.utf32BigEndian, [], "is UTF-32 (big-endian) text; schema files must be UTF-8: convert it, for example with `iconv -f UTF-32BE -t UTF-8`"),
    ]

    @Test(arguments: foreign.indices)
    func utf16AndUTF32TextIsRefusedNamingItsEncoding(index: Int) throws {
        let (encoding, mark, expected) = Self.foreign[index]
        let body = try #require("contract: Demo\nversion: 1.0.0\n".data(using: encoding))
        #expect(rendered(mark + [UInt8](body)) == "t.yaml:1:1: error: the schema file \(expected)\n")
    }

    @Test func aLoneUTF16MarkIsRefusedByName() {
        #expect(rendered([0xFF, 0xFE]).contains("UTF-16 (little-endian) byte-order mark"))
    }

    @Test func aControlCharacterIsRefusedAtItsLineAndColumn() {
        #expect(rendered(Array("a: 1\nb: x\u{7}y\n".utf8))
            == "t.yaml:2:5: error: control character U+0007 is not allowed in a schema file; remove it, or write it as an "
            + "escape inside double quotes\n")
    }

    @Test func aControlCharacterAfterChineseTextIsLocatedInCharactersNotBytes() {
        #expect(rendered(Array("doc: 任务\u{1}\n".utf8)).hasPrefix("t.yaml:1:8: error: control character U+0001"))
    }
}
