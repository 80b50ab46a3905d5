import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// The one way an unknown name is answered: a close candidate, or the list of valid names.
@Suite struct SuggestionTests {
    @Test func aCloseCandidateIsSuggested() {
        #expect(Suggestion.hint(for: "runing", among: ["pending", "running"], noun: "states") == "; did you mean `running`?")
    }

    @Test func withNothingCloseTheValidNamesAreListedInOrder() {
        #expect(Suggestion.hint(for: "zzz", among: ["pending", "running", "done"], noun: "states")
            == "; valid states are `pending`, `running`, `done`")
    }

    @Test func anAliasIsSuggestedWhateverItsLetterCase() {
        let types = ["string", "bool", "int"]
        #expect(Suggestion.hint(for: "Integer", among: types, noun: "types", aliases: ["integer": "int"]) == "; did you mean `int`?")
    }

    @Test func anAliasToANameThatIsNotACandidateIsIgnored() {
        #expect(Suggestion.hint(for: "integer", among: ["string"], noun: "types", aliases: ["integer": "int"])
            == "; valid types are `string`")
    }

    @Test func theListStopsAtTenNamesAndCountsTheRest() {
        let names = (1...13).map { "s\($0)" }
        #expect(Suggestion.list(names, noun: "states")
            == "valid states are `s1`, `s2`, `s3`, `s4`, `s5`, `s6`, `s7`, `s8`, `s9`, `s10` and 3 more")
    }

    @Test func exactlyTenNamesAreAllListed() {
        let names = (1...10).map { "s\($0)" }
        #expect(Suggestion.list(names, noun: "states") == "valid states are " + names.map { "`\($0)`" }.joined(separator: ", "))
    }

    @Test func aLimitBelowOneStillListsOneName() {
        #expect(Suggestion.list(["a", "b"], noun: "keys", limit: 0) == "valid keys are `a` and 1 more")
        #expect(Suggestion.list(["a", "b"], noun: "keys", limit: Int.min) == "valid keys are `a` and 1 more")
        #expect(Suggestion.list(["a", "b"], noun: "keys", limit: Int.max) == "valid keys are `a`, `b`")
    }

    @Test func repeatedNamesAreListedOnce() {
        #expect(Suggestion.list(["a", "b", "a"], noun: "keys") == "valid keys are `a`, `b`")
    }

    @Test func anEmptyListSaysThereAreNone() {
        #expect(Suggestion.hint(for: "Job", among: [], noun: "models") == "; there are no models")
    }

    @Test func aListedNameMayDifferFromTheCandidates() {
        #expect(Suggestion.hint(for: "zzz", among: ["outcome"], listing: ["doc", "terminal", "outcome"], noun: "keys")
            == "; valid keys are `doc`, `terminal`, `outcome`")
    }
}
