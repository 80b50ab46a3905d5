import ContractRuntime
import ContractSchema

/// A lifecycle's `retry:` becomes a module constant `rt.RetryPolicy`: `RETRY_POLICY` when the contract has one
/// lifecycle that retries, else `<LIFECYCLE>_RETRY_POLICY`; its docstring names the catalog whose `normalize`
/// decides what is retried (the same catalog the Swift emitter picks) and the code exhaustion raises.
struct PythonRetryPolicyEmitter {
    let lifecycle: Lifecycle
    let retry: RetryDeclaration
    let contract: Contract
    let naming: PythonNaming

    /// The constant's name.
    var constantName: String {
        contract.lifecycles.filter { $0.retry != nil }.count == 1
            ? "RETRY_POLICY" : naming.upperSnake(lifecycle.name) + "_RETRY_POLICY"
    }

    func emit(into w: inout PythonWriter) {
        let policy = retry.policy
        let multiplier = PythonSyntax.doubleLiteral(policy.multiplier)
        let arguments = ["max_retries=\(policy.maxRetries)", "initial_delay_ms=\(retry.initialDelayMilliseconds)",
                         "max_delay_ms=\(retry.maxDelayMilliseconds)", "multiplier=\(multiplier)",
                         "jitter=rt.Jitter.\(policy.jitter.rawValue.uppercased())"]
        w.list("\(constantName): typing.Final = rt.RetryPolicy(", arguments, ")")
        let jitter = policy.jitter == .none ? "no jitter" : "\(policy.jitter.rawValue) jitter"
        var doc = "The retry policy of \(lifecycle.name): \(Plural.counted(policy.maxRetries, "retry", "retries")), "
            + "the first after \(retry.initialDelayMilliseconds) ms, each delay × \(multiplier) up to "
            + "\(retry.maxDelayMilliseconds) ms, \(jitter)."
        let swift = RetryPolicyEmitter(lifecycle: lifecycle, retry: retry, contract: contract, access: "")
        if let catalog = swift.catalog, let table = catalog.normalize {
            let catalogName = naming.type(catalog.name)
            doc += " ``rt.with_retry(operation, policy=\(constantName), normalize=\(catalogName).normalize)`` retries what "
                + "\(catalogName) calls retryable; exhaustion raises "
            if let code = table.code(for: .retryExhausted) {
                doc += "\(code)."
            } else {
                doc += "\(table.code(for: .default) ?? "its default code") (the table has no ``retry_exhausted``, so its ``default``)."
            }
        }
        w.docstring(doc)
    }
}
