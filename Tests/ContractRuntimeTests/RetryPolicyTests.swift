import ContractRuntime
import Testing

/// RetryPolicy's backoff: `initialDelay × multiplier^n`, capped, then jitter from a given generator.
@Suite struct RetryPolicyTests {
    static let doubling = RetryPolicy(maxRetries: 3, initialDelay: .seconds(1), multiplier: 2, maxDelay: .seconds(60))

    static func sequence(_ policy: RetryPolicy, seed: UInt64, count: Int = 8) -> [Duration] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { policy.delay(beforeRetry: $0, using: &generator) }
    }

    @Test func withoutJitterEachDelayDoublesUntilTheCap() {
        #expect(Self.sequence(Self.doubling, seed: 1)
                == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32), .seconds(60), .seconds(60)])
    }

    @Test func aFractionalMultiplierGrowsExactlyToTheNanosecond() {
        let policy = RetryPolicy(maxRetries: 5, initialDelay: .milliseconds(100), multiplier: 1.5, maxDelay: .seconds(10))
        #expect((0..<4).map(policy.baseDelay(beforeRetry:))
                == [.milliseconds(100), .milliseconds(150), .milliseconds(225), .microseconds(337_500)])
    }

    @Test func aMultiplierOfOneKeepsTheDelayConstant() {
        let policy = RetryPolicy(maxRetries: 5, initialDelay: .milliseconds(250), multiplier: 1, maxDelay: .seconds(10))
        #expect((0..<5).map(policy.baseDelay(beforeRetry:)) == Array(repeating: .milliseconds(250), count: 5))
    }

    @Test func anInitialDelayAboveTheCapIsCapped() {
        let policy = RetryPolicy(maxRetries: 1, initialDelay: .seconds(10), maxDelay: .seconds(5))
        #expect(policy.baseDelay(beforeRetry: 0) == .seconds(5))
    }

    @Test(arguments: [63, 64, 1_000, 1_000_000, Int.max])
    func aLargeRetryNumberGivesTheCapWithoutOverflowing(n: Int) {
        #expect(Self.doubling.baseDelay(beforeRetry: n) == .seconds(60))
        let steep = RetryPolicy(maxRetries: 1, initialDelay: .seconds(1), multiplier: 100, maxDelay: .seconds(86_400))
        #expect(steep.baseDelay(beforeRetry: n) == .seconds(86_400))
    }

    @Test func aCapBeyondWhatNanosecondsHoldIsClamped() {
        let policy = RetryPolicy(maxRetries: 1, initialDelay: .seconds(1), maxDelay: .seconds(Int64.max))
        #expect(policy.baseDelay(beforeRetry: 200) == .nanoseconds(Int64.max))
        #expect(policy.baseDelay(beforeRetry: 3) == .seconds(8))
    }

    @Test(arguments: [1, 1_024, Int.max])
    func aZeroInitialDelayStaysZeroHoweverLargeTheRetryNumber(n: Int) {
        let policy = RetryPolicy(maxRetries: 1, initialDelay: .zero, multiplier: 2, maxDelay: .seconds(60))
        #expect(policy.baseDelay(beforeRetry: n) == .zero)
    }

    @Test func aNegativeRetryNumberCountsAsTheFirstRetry() {
        #expect(Self.doubling.baseDelay(beforeRetry: -5) == .seconds(1))
    }

    @Test func fullJitterStaysBetweenZeroAndTheDelay() {
        var policy = Self.doubling
        policy.jitter = .full
        for seed in UInt64(0)..<50 {
            for (n, delay) in Self.sequence(policy, seed: seed).enumerated() {
                #expect(delay >= .zero && delay <= Self.doubling.baseDelay(beforeRetry: n))
            }
        }
    }

    @Test func equalJitterStaysBetweenHalfTheDelayAndTheDelay() {
        var policy = Self.doubling
        policy.jitter = .equal
        for seed in UInt64(0)..<50 {
            for (n, delay) in Self.sequence(policy, seed: seed).enumerated() {
                let base = Self.doubling.baseDelay(beforeRetry: n)
                #expect(delay >= base / 2 && delay <= base)
            }
        }
    }

    @Test(arguments: [RetryPolicy.Jitter.full, .equal])
    func jitterFromASeededGeneratorRepeats(jitter: RetryPolicy.Jitter) {
        var policy = Self.doubling
        policy.jitter = jitter
        #expect(Self.sequence(policy, seed: 42) == Self.sequence(policy, seed: 42))
        #expect(Self.sequence(policy, seed: 42) != Self.sequence(policy, seed: 43))
        #expect(Self.sequence(policy, seed: 42) != Self.sequence(Self.doubling, seed: 42))
    }

    @Test func fullJitterAveragesHalfTheDelay() {
        var policy = Self.doubling
        policy.jitter = .full
        var generator = SplitMix64(seed: 7)
        let samples = (0..<2_000).map { _ in policy.delay(beforeRetry: 3, using: &generator) / .milliseconds(1) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        #expect(abs(mean - 4_000) < 200)
    }

    @Test func theSystemGeneratorIsUsedWhenNoneIsGiven() {
        var policy = Self.doubling
        policy.jitter = .full
        #expect(policy.delay(beforeRetry: 2) <= .seconds(4))
        #expect(Self.doubling.delay(beforeRetry: 2) == .seconds(4))
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()]
                == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }
}
