import ContractRuntime
import ContractSchema

/// A lifecycle's `retry:` becomes a static `RetryPolicy`, and, when the contract has a catalog with a
/// `normalize:` table for it, a `CatalogRetryPolicy` of the same name, so consumers write
/// `try await withRetry(policy: .taskPipeline) { ... }`.
struct RetryPolicyEmitter {
    let lifecycle: Lifecycle
    let retry: RetryDeclaration
    let contract: Contract
    let access: String

    /// `taskPipeline` when the contract has one lifecycle with `retry:`, else `taskPipelineSubTaskStatus`.
    var memberName: String {
        let base = SwiftNaming.memberName(contract.name) ?? "contract"
        let retrying = contract.lifecycles.filter { $0.retry != nil }
        return retrying.count == 1 ? base : base + lifecycle.name
    }

    /// The catalog that decides what is retried: a catalog with `normalize:` naming this lifecycle
    /// (explicitly, or as the contract's only one), else the contract's only catalog with `normalize:`
    /// that names no lifecycle; nil when none fits or the choice is ambiguous.
    var catalog: ErrorCatalog? {
        let normalizing = contract.errorCatalogs.filter { $0.normalize != nil }
        let only = contract.lifecycles.count == 1
        if let named = normalizing.first(where: { $0.lifecycle == lifecycle.name || ($0.lifecycle == nil && only) }) {
            return named
        }
        let unbound = normalizing.filter { $0.lifecycle == nil }
        return unbound.count == 1 ? unbound[0] : nil
    }

    func emit(into w: inout SwiftWriter) {
        let member = memberName
        let declared = SwiftNaming.escaped(member)
        let policy = retry.policy
        let jitter = policy.jitter == .none ? "no jitter" : "\(policy.jitter.rawValue) jitter"
        let multiplier = SwiftSyntax.doubleLiteral(policy.multiplier)
        let retries = Plural.counted(policy.maxRetries, "retry", "retries")
        w.doc("The retry policy of \(lifecycle.name) in contract \(contract.name): \(retries), the first after \(retry.initialDelayMilliseconds) ms, each delay × \(multiplier) up to \(retry.maxDelayMilliseconds) ms, \(jitter).")
        let retryPolicy = SwiftSyntax.runtime("RetryPolicy")
        w.block("extension \(retryPolicy)") { w in
            w.doc("\(retries), \(retry.initialDelayMilliseconds) ms × \(multiplier)^n up to \(retry.maxDelayMilliseconds) ms, \(jitter).")
            w.block("\(access)static var \(declared): \(retryPolicy)") { w in
                w.line("\(retryPolicy)(maxRetries: \(policy.maxRetries), initialDelay: .milliseconds(\(retry.initialDelayMilliseconds)),")
                w.line("    multiplier: \(multiplier), maxDelay: .milliseconds(\(retry.maxDelayMilliseconds)), jitter: .\(policy.jitter.rawValue))")
            }
        }
        guard let catalog else { return }
        w.line()
        // `CatalogRetryPolicy<X>`, not `where Code == X`: in a where clause a catalog named `Code` would be
        // read as the generic parameter.
        w.block("extension \(SwiftSyntax.runtime("CatalogRetryPolicy"))<\(catalog.name)>") { w in
            let exhausted = catalog.normalize?.code(for: .retryExhausted) ?? catalog.normalize?.code(for: .default) ?? "?"
            w.doc("`RetryPolicy.\(member)` with \(catalog.name) deciding what is retried; exhaustion throws \(exhausted).")
            w.block("\(access)static var \(declared): Self") { w in
                w.line("Self(.\(member))")
            }
        }
    }
}
