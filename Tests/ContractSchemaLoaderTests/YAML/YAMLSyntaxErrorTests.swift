import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// libyaml's parser errors, translated into what the user most likely did, one finding each.
@Suite struct YAMLSyntaxErrorTests {
    private func rendered(_ text: String) -> String {
        DiagnosticRenderer.render(YAMLReader().read(text: text, file: "t.yaml").diagnostics)
    }

    @Test func aLineBetweenTwoBlocksNamesBothAndTheirColumns() {
        #expect(rendered("a:\n  b: 1\n c: 2\n") == "t.yaml:3:2: error: wrong indentation: `c` at column 2 lines up with no "
            + "enclosing block (keys of the mapping of `a` that begins at line 2 are at column 3 and keys of the mapping "
            + "that begins at line 1 are at column 1)\n")
    }

    @Test func aKeyDeeperThanItsSiblingsAfterAValueIsIndentedTooFar() {
        #expect(rendered("a:\n  b: \"x\"\n    c: 1\n") == "t.yaml:3:5: error: wrong indentation: `c` at column 5 is indented "
            + "more than the other keys of the mapping of `a` that begins at line 2 (column 3); is it indented too far?\n")
    }

    @Test func aKeyBelowAPlainValueReadsAsMoreOfThatValue() {
        #expect(rendered("a: b\n  c: d\n") == "t.yaml:2:3: error: wrong indentation: `c` at column 3 is indented more than "
            + "`a` at line 1 (column 1), so it reads as more of the value of `a`; is it indented too far?\n")
    }

    @Test func anOutDentedLineThatClosesABlockIsBlamedForTheLineAfterIt() {
        #expect(rendered("top:\n  states:\n    p: 1\n  q:\n      x: 1\n    r: 1\n") == "t.yaml:4:3: error: wrong indentation: "
            + "`q` at column 3 closes the mapping of `states` that begins at line 3, whose keys are at column 5, so `r` at "
            + "line 6, column 5 fits nowhere; is `q` indented too little?\n")
    }

    @Test func aClosingLineWhoseOwnBlockSitsElsewhereIsNotBlamed() {
        #expect(rendered("top:\n  states:\n    p: 1\n  q:\n     x: 1\n    r: 1\n") == "t.yaml:6:5: error: wrong indentation: "
            + "`r` at column 5 lines up with no enclosing block (keys of the mapping of `q` that begins at line 5 are at "
            + "column 6 and keys of the mapping of `top` that begins at line 2 are at column 3)\n")
    }

    @Test func aListItemAmongKeysNamesTheListItWasMeantFor() {
        #expect(rendered("a:\n  l:\n    - x\n  - y\n") == "t.yaml:4:3: error: wrong indentation: the list item at column 3 "
            + "lines up with the keys of the mapping of `a` that begins at line 2, not with the items of the list of `l` that "
            + "begins at line 3 (column 5); is it indented too little?\n")
    }

    @Test func aKeyAmongListItemsNamesTheItemsMapping() {
        #expect(rendered("rules:\n  - id: x\n  check: y\n") == "t.yaml:3:3: error: wrong indentation: `check` at column 3 "
            + "lines up with the items of the list of `rules` that begins at line 2, not with the keys of the mapping that "
            + "begins at line 2 (column 5); is it indented too little?\n")
    }

    @Test func aListItemWithoutASpaceAfterTheDashSaysSo() {
        #expect(rendered("a:\n  - b\n  -c: d\n") == "t.yaml:3:3: error: a list item needs a space after `-`: write `- c: d`\n")
    }

    @Test func aKeyWithoutAColonIsNamed() {
        #expect(rendered("a: 1\nb 2\nc: 3\n")
            == "t.yaml:2:1: error: `b 2` has no `:` after it; a key in the mapping that begins at line 1 is written `key: value`\n")
    }

    @Test func aKeyWithoutAColonBeforeItsChildrenIsNamed() {
        #expect(rendered("a:\n  b\n    c: 1\n")
            == "t.yaml:2:3: error: `b` has no `:` after it, so line 3 reads as more of its text; is the `:` missing?\n")
    }

    @Test func aSecondKeyOnOneLineSaysToQuoteOrSplit() {
        #expect(rendered("a: b: c\n") == "t.yaml:1:5: error: a second `key:` on one line: the value of `a` cannot contain `: ` "
            + "unless it is quoted; put each key on its own line, or quote the value\n")
    }

    @Test func anUnclosedBracketIsReportedAtTheBracket() {
        #expect(rendered("a: [x, y\nb: 1\n") == "t.yaml:1:4: error: this `[` is never closed (line 2 is still read as part of "
            + "its list); add the `]` that ends it\n")
    }

    @Test func anUnclosedBraceAtTheEndOfTheFileIsReportedAtTheBrace() {
        #expect(rendered("a: {x: 1\n") == "t.yaml:1:4: error: this `{` is never closed (the end of the file is read as part "
            + "of its mapping); add the `}` that ends it\n")
    }

    @Test func aWrongClosingBracketIsNamed() {
        #expect(rendered("a: [x, y}\n")
            == "t.yaml:1:9: error: expected `,` or `]` in the list that opens with `[` at column 4, found `}`\n")
    }

    @Test func aMissingCommaInAFlowMappingIsNamed() {
        #expect(rendered("a: {x: 1 y: 2}\n") == "t.yaml:1:11: error: expected `,` or `}` in the mapping that opens with `{` at "
            + "column 4, found a second `:`; is a `,` missing before the key?\n")
    }

    @Test func aQuoteThatRunsOnToALaterLineIsReportedWhereItOpens() {
        #expect(rendered("a: \"x\nb: \"y\"\n")
            == "t.yaml:1:4: error: unterminated quoted string; add the closing quote (as written, the string runs on to line 2)\n")
    }

    @Test func anUnknownEscapeInDoubleQuotesSuggestsDoublingTheBackslash() {
        #expect(rendered("pattern: \"E\\d{3}\"\n") == "t.yaml:1:12: error: unknown escape `\\d` in a double-quoted string; "
            + "write `\\\\d` for a backslash, or use single quotes, in which a backslash is plain text\n")
    }

    @Test func aListOnTheLineOfItsKeyIsRefusedWithTheWayToWriteIt() {
        #expect(rendered("a: - b\n") == "t.yaml:1:4: error: a list cannot start on the line of its key `a`; put each `- ` item "
            + "on its own line below it, indented, or write the list as `[a, b]`\n")
    }

    @Test(arguments: [
        ("a: @x\n", "t.yaml:1:4: error: `@` cannot start a value that is not quoted (YAML reserves it); quote the text\n"),
        ("a: `x`\n", "t.yaml:1:4: error: a backtick cannot start a value that is not quoted (YAML reserves it); quote the text\n"),
        ("a: * x\n", "t.yaml:1:4: error: `*` at the start of a value begins an alias in YAML; quote text that starts with `*`\n"),
        ("a: & x\n", "t.yaml:1:4: error: `&` at the start of a value begins an anchor in YAML; quote text that starts with `&`\n"),
        ("a: ]\n", "t.yaml:1:4: error: a value is missing here; found `]`\n"),
        ("a: 1\n]\n", "t.yaml:2:1: error: expected a key of the mapping that begins at line 1, found `]`\n"),
    ])
    func aValueThatCannotStartLikeThisIsExplained(text: String, expected: String) {
        #expect(rendered(text) == expected)
    }

    @Test func textAfterTheEndOfTheDocumentIsRefused() {
        #expect(rendered("a: 1\n...\nb: 2\n") == "t.yaml:3:1: error: text after the end of the YAML document (a `...` line or a "
            + "directive such as `%YAML` ends it); a schema file holds one document, so remove what ends it before this line\n")
    }

    @Test func duplicateKeysFoundBeforeASyntaxErrorAreWithdrawn() {
        let text = "a:\n  b:\n  b: 1\n    c: 2\n"
        #expect(!rendered(text).contains("duplicate key"))
        #expect(YAMLReader().read(text: text, file: "t.yaml").diagnostics.count == 1)
    }

    @Test func aDuplicateKeyIsKeptAsideInTheMapping() throws {
        let doc = YAMLReader().read(text: "a: 1\nb: 2\na: 3\n", file: "t.yaml")
        guard case .mapping(let m)? = doc.root else { Issue.record("expected a mapping"); return }
        #expect(m.entries.map(\.key.value) == ["a", "b"])
        #expect(m.duplicates.map(\.key.value) == ["a"])
        #expect(m.duplicates.first?.key.location == SourceLocation(file: "t.yaml", line: 3, column: 1))
    }
}
