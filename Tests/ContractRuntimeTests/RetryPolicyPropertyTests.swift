import ContractRuntime
import PropertyTesting
import Testing

/// RetryPolicy over random parameters and retry numbers up to `Int.max`: every delay is between zero
/// and the cap, delays never shrink without jitter, and a seed fixes the jittered sequence.
@Suite struct RetryPolicyPropertyTests {
    /// A policy with random delays (zero, tiny, ordinary, beyond what nanoseconds hold) and growth.
    static func policy(jitter: RetryPolicy.Jitter, using random: inout SplitMix64) -> RetryPolicy {
        func duration() -> Duration {
            switch random.int(in: 0...4) {
            case 0: return .zero
            case 1: return .nanoseconds(random.int(in: 1...1_000))
            case 2: return .milliseconds(random.int(in: 1...86_400_000))
            case 3: return .seconds(Int64(random.int(in: 1...Int(Int64.max / 2))))
            default: return .nanoseconds(Int64(random.int(in: 0...Int(Int64.max))))
            }
        }
        let multiplier = random.pick([1, 1 + 1e-15, 1.000001, 1.5, 2, 10, 100, 1e300, Double.random(in: 1...100, using: &random)])
        return RetryPolicy(maxRetries: random.int(in: 0...1000), initialDelay: duration(), multiplier: multiplier,
                           maxDelay: duration(), jitter: jitter)
    }

    /// Retry numbers: small, around where doubles overflow, and huge.
    static func retryNumbers(using random: inout SplitMix64) -> [Int] {
        var numbers = [0, 1, 2, random.int(in: 3...64), random.int(in: 1_000...1_100), random.int(in: 0...Int.max), Int.max]
        numbers += (0..<4).map { _ in random.int(in: 0...200) }
        return numbers.sorted()
    }

    @Test(arguments: RetryPolicy.Jitter.allCases)
    func everyDelayIsBetweenZeroAndTheCap(jitter: RetryPolicy.Jitter) {
        Property.check("\(#function) \(jitter)", iterations: 400) { random in
            let policy = Self.policy(jitter: jitter, using: &random)
            let cap = policy.maxDelay > .zero ? min(policy.maxDelay, .nanoseconds(Int64.max)) : .zero
            for n in Self.retryNumbers(using: &random) + [-1, Int.min] {
                let delay = policy.delay(beforeRetry: n, using: &random)
                try #require(delay >= .zero && delay <= cap, "retry \(n): \(delay) with \(policy)")
                try #require(delay <= policy.baseDelay(beforeRetry: n), "retry \(n): \(delay) with \(policy)")
            }
        }
    }

    @Test func withoutJitterDelaysNeverShrinkFromOneRetryToTheNext() {
        Property.check(iterations: 400) { random in
            let policy = Self.policy(jitter: .none, using: &random)
            let numbers = Self.retryNumbers(using: &random)
            let delays = numbers.map(policy.baseDelay(beforeRetry:))
            for i in delays.indices.dropFirst() {
                try #require(delays[i - 1] <= delays[i], "retry \(numbers[i - 1]) waits \(delays[i - 1]), retry \(numbers[i]) \(delays[i]) with \(policy)")
            }
        }
    }

    @Test func aZeroInitialDelayStaysZeroForEveryRetry() {
        Property.check(iterations: 200) { random in
            var policy = Self.policy(jitter: random.pick(RetryPolicy.Jitter.allCases), using: &random)
            policy.initialDelay = .zero
            for n in Self.retryNumbers(using: &random) {
                try #require(policy.delay(beforeRetry: n, using: &random) == .zero, "retry \(n) with \(policy)")
            }
        }
    }

    @Test(arguments: [RetryPolicy.Jitter.full, .equal])
    func theSameSeedGivesTheSameDelays(jitter: RetryPolicy.Jitter) {
        Property.check("\(#function) \(jitter)", iterations: 200) { random in
            let policy = Self.policy(jitter: jitter, using: &random)
            let numbers = Self.retryNumbers(using: &random)
            let seed = random.next()
            func delays() -> [Duration] {
                var generator = SplitMix64(seed: seed)
                return numbers.map { policy.delay(beforeRetry: $0, using: &generator) }
            }
            try #require(delays() == delays())
        }
    }
}
