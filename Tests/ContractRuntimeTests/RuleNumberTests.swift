import ContractRuntime
import Testing

@Suite struct RuleNumberTests {
    @Test func intsAndDoublesCompareExactly() {
        #expect(RuleNumber(Int64(1)) == RuleNumber(1.0))
        #expect(RuleNumber(Int64(9_007_199_254_740_993)) > RuleNumber(9_007_199_254_740_992.0))
        #expect(RuleNumber(Int64(2)) < RuleNumber(2.5))
        #expect(RuleNumber(Int64.max) < RuleNumber(9_223_372_036_854_775_808.0))
    }

    @Test func nanIsUnorderedAndUnequal() {
        #expect(!(RuleNumber(Int64(1)) <= RuleNumber(Double.nan)))
        #expect(RuleNumber(Double.nan) != RuleNumber(Double.nan))
    }

    @Test func anOrderingWithNilIsFalse() {
        #expect(!RuleOperators.less(nil, Int64(1)))
        #expect(!RuleOperators.greaterOrEqual(Int64(1), nil))
        #expect(RuleOperators.greaterOrEqual(Int64(1), 1))
    }
}
