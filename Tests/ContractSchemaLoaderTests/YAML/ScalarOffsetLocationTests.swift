import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// `YAMLScalar.location(ofOffset:)` finds the column of a character inside a scalar where the source
/// shows it exactly, and falls back to the scalar's start where escapes or folding shift columns.
@Suite struct ScalarOffsetLocationTests {
    /// The value of `key` in a one-mapping document.
    static func scalar(_ yaml: String, key: String = "p") throws -> YAMLScalar {
        let document = YAMLReader().read(text: yaml, file: "t.yaml")
        guard case .mapping(let mapping)? = document.root, case .scalar(let scalar)? = mapping[key] else {
            throw ShapeError()
        }
        return scalar
    }

    struct ShapeError: Error {}

    static func column(_ yaml: String, offset: Int) throws -> Int {
        let scalar = try scalar(yaml)
        return scalar.location(ofOffset: offset).column
    }

    @Test func aPlainScalarMapsOffsetsToColumns() throws {
        #expect(try Self.column("p: E[0-9{3}\n", offset: 1) == 5)
        #expect(try Self.column("p: E[0-9{3}\n", offset: 0) == 4)
    }

    @Test func aQuotedScalarWithoutEscapesMapsOffsetsPastItsQuote() throws {
        #expect(try Self.column("p: \"E[0-9{3}\"\n", offset: 1) == 6)
        #expect(try Self.column("p: 'E[0-9{3}'\n", offset: 1) == 6)
    }

    @Test func aScalarInAFlowMappingMapsOffsetsToColumns() throws {
        let document = YAMLReader().read(text: "m: { p: 'ab(c', q: 1 }\n", file: "t.yaml")
        guard case .mapping(let root)? = document.root, case .mapping(let inner)? = root["m"],
              case .scalar(let scalar)? = inner["p"] else { throw ShapeError() }
        #expect(scalar.location(ofOffset: 2).column == 12)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        #expect(try Self.column("p: 日本(x\n", offset: 2) == 6)
        #expect(try Self.column("p: \"éé(\"\n", offset: 2) == 7)
    }

    @Test(arguments: ["p: \"E\\\\d(\"\n", "p: 'it''s('\n", "p: \"\\u0041(\"\n"])
    func aQuotedScalarWithEscapesFallsBackToItsStart(_ yaml: String) throws {
        #expect(try Self.column(yaml, offset: 2) == 4)
    }

    @Test(arguments: ["p: E[0-9]\n  (x\n", "p: |\n  E(x\n", "p: >\n  E(x\n", "p: \"E(\n  x\"\n"])
    func aScalarWrittenOverSeveralLinesFallsBackToItsStart(_ yaml: String) throws {
        let scalar = try Self.scalar(yaml)
        #expect(scalar.location(ofOffset: 1) == scalar.location)
    }

    @Test func anOffsetOutsideTheValueFallsBackToTheStart() throws {
        let scalar = try Self.scalar("p: abc\n")
        #expect(scalar.location(ofOffset: -1) == scalar.location)
        #expect(scalar.location(ofOffset: 4) == scalar.location)
        #expect(scalar.location(ofOffset: 3).column == 7)
    }

    @Test func aScalarMadeInCodeWithoutAnEndFallsBackToItsStart() {
        let start = SourceLocation(file: "t.yaml", line: 1, column: 4)
        #expect(YAMLScalar(value: "abc", style: .plain, location: start).location(ofOffset: 2) == start)
    }
}
