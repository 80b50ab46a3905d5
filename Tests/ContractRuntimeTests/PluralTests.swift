import ContractRuntime
import Testing

/// Counts for people agree with their noun.
@Suite struct PluralTests {
    @Test(arguments: [(0, "0 records"), (1, "1 record"), (2, "2 records"), (-1, "-1 records")])
    func aCountTakesTheSingularOnlyForOne(_ count: Int, _ phrase: String) {
        #expect(Plural.counted(count, "record") == phrase)
    }

    @Test(arguments: [(0, "0 matches"), (1, "1 match"), (2, "2 matches")])
    func anIrregularPluralIsUsedForEveryCountButOne(_ count: Int, _ phrase: String) {
        #expect(Plural.counted(count, "match", "matches") == phrase)
    }

    @Test func theNounAloneAgreesToo() {
        #expect(Plural.noun(1, "schema") == "schema")
        #expect(Plural.noun(0, "schema") == "schemas")
        #expect(Plural.noun(2, "schema") == "schemas")
    }
}
