import ContractRuntime
import ContractSchema

/// The vectors of error catalogs and retry policies: each code's facts, the normalize mapping with every
/// failure kind filled in, and the delays a policy gives.
enum CatalogVectors {
    /// One catalog: its codes' facts and, when it has `normalize:`, the code for every failure kind.
    static func catalog(_ catalog: ErrorCatalog) -> JSONValue {
        let codes: [JSONValue] = catalog.codes.map { code in
            .object(JSONObject([
                ("code", .string(code.code)), ("name", .string(code.name)), ("category", .string(code.category.rawValue)),
                ("retryable", .bool(code.isRetryable)), ("message", .string(code.message ?? derivedMessage(code.name))),
                ("status", code.status.map { .string($0) } ?? .null),
            ]))
        }
        var normalize: JSONValue = .null
        if let table = catalog.normalize {
            // Kinds the schema leaves out get the `default:` code, as every generated catalog does.
            let fallback = table.code(for: .default)
            normalize = .object(JSONObject(NormalizeTable.Kind.allCases.map { kind in
                (kind.rawValue, (table.code(for: kind) ?? fallback).map { .string($0) } ?? .null)
            }))
        }
        return .object(JSONObject([("id", .string(catalog.name)), ("catalog", .string(catalog.name)),
                                   ("lifecycle", catalog.lifecycle.map { .string($0) } ?? .null),
                                   ("codes", .array(codes)), ("normalize", normalize)]))
    }

    /// The message of a code the schema gives none: its name humanized (`too_slow` → `Too slow.`), as
    /// the generators write it; the runners hold generated code to this, so the two cannot drift apart.
    static func derivedMessage(_ name: String) -> String {
        let words = name.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst() + "."
    }

    /// The retries for which delays are listed: every retry of the policy, two beyond it, and large ones
    /// where the power overflows to the cap.
    static func retries(_ policy: RetryPolicy) -> [Int] {
        Array(0...min(max(policy.maxRetries, 0) + 2, 40)) + [62, 63, 64, 1000]
    }

    /// The seed of the jittered delays; a runner with `SplitMix64` reproduces them.
    static let jitterSeed: UInt64 = 42

    /// A lifecycle's retry policy: its parameters, the base delay before each listed retry, and the
    /// jittered delays drawn in order from one `SplitMix64(seed: 42)`.
    static func retryPolicy(_ lifecycle: Lifecycle, _ declaration: RetryDeclaration) -> JSONValue {
        let policy = declaration.policy
        let retries = retries(policy)
        var generator = SplitMix64(seed: jitterSeed)
        let base = retries.map { JSONValue.int(nanoseconds(policy.baseDelay(beforeRetry: $0))) }
        let jittered = retries.map { JSONValue.int(nanoseconds(policy.delay(beforeRetry: $0, using: &generator))) }
        return .object(JSONObject([
            ("id", .string("\(lifecycle.name)/retry")),
            ("lifecycle", .string(lifecycle.name)),
            ("max_retries", .int(Int64(policy.maxRetries))),
            ("initial_delay_ms", .int(Int64(declaration.initialDelayMilliseconds))),
            ("max_delay_ms", .int(Int64(declaration.maxDelayMilliseconds))),
            ("multiplier", .double(policy.multiplier)),
            ("jitter", .string(policy.jitter.rawValue)),
            ("counter", declaration.counterField.map { .string($0) } ?? .null),
            ("retries", .array(retries.map { .int(Int64($0)) })),
            ("base_delays_ns", .array(base)),
            ("jitter_seed", .int(Int64(jitterSeed))),
            ("seeded_delays_ns", .array(jittered)),
        ]))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
