/// Exponential backoff (指数退避重试): how many times failed work is retried and how long to wait
/// before each retry.
///
/// Retry `n` (0 for the first retry) waits `initialDelay × multiplier^n`, capped at `maxDelay`, then
/// spread by `jitter`. Schemas declare policies with `retry:` on a lifecycle, and the generated code
/// offers them as static members, e.g. `RetryPolicy.taskPipeline`.
public struct RetryPolicy: Sendable, Hashable {
    /// How jitter spreads a delay, so that many clients failing together do not retry together.
    public enum Jitter: String, Sendable, Hashable, CaseIterable {
        /// The computed delay exactly.
        case none
        /// A random delay between zero and the computed delay.
        case full
        /// Half the computed delay plus a random part of the other half.
        case equal
    }

    /// Retries after the first attempt; `maxRetries + 1` attempts in all.
    public var maxRetries: Int
    /// The delay before the first retry.
    public var initialDelay: Duration
    /// How much each delay grows over the one before (2 doubles it).
    public var multiplier: Double
    /// The longest any single delay may be, before jitter.
    public var maxDelay: Duration
    /// How each delay is spread.
    public var jitter: Jitter

    /// Creates a policy.
    public init(maxRetries: Int, initialDelay: Duration, multiplier: Double = 2, maxDelay: Duration,
                jitter: Jitter = .none) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The delay before retry `n` without jitter: `initialDelay × multiplier^n`, capped at `maxDelay`.
    /// Any `n` works: a product too large for `Duration` is the cap, and a negative `n` counts as 0.
    public func baseDelay(beforeRetry n: Int) -> Duration {
        let cap = Self.nanoseconds(maxDelay)
        let initial = Self.nanoseconds(initialDelay)
        // No delay grows into none, however large `n` is (0 × an infinite power would be NaN, read as the cap).
        guard initial > 0 else { return .zero }
        // Double keeps the growth finite or infinite instead of overflowing; the cap bounds the result.
        let scaled = Double(initial) * Self.power(multiplier, max(0, n))
        guard scaled < Double(cap) else { return .nanoseconds(cap) }
        return .nanoseconds(Int64(max(0, scaled.rounded())))
    }

    /// The delay before retry `n`: ``baseDelay(beforeRetry:)`` spread by ``jitter`` with numbers from
    /// `generator` (pass a seeded ``SplitMix64`` for a repeatable sequence).
    public func delay(beforeRetry n: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let base = Self.nanoseconds(baseDelay(beforeRetry: n))
        switch jitter {
        case .none:
            return .nanoseconds(base)
        case .full:
            return .nanoseconds(Int64.random(in: 0...base, using: &generator))
        case .equal:
            let half = base / 2
            return .nanoseconds(half + Int64.random(in: 0...(base - half), using: &generator))
        }
    }

    /// The delay before retry `n`, with jitter from the system's random number generator.
    public func delay(beforeRetry n: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(beforeRetry: n, using: &generator)
    }

    /// `base^exponent` by squaring; exact for integer bases while the result fits a `Double`, and
    /// infinite (not a crash) beyond it. Foundation's `pow` is avoided to keep the runtime's core free of it.
    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= factor }
            remaining >>= 1
            if remaining > 0 { factor *= factor }
        }
        return result
    }

    /// `duration` in whole nanoseconds, clamped to `0...Int64.max`.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (sum, overflowSum) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowSum ? .max : sum
    }
}
