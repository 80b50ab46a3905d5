/// A retry policy together with the error catalog that decides what is retried and names exhaustion,
/// so `withRetry(policy: .taskPipeline) { ... }` needs nothing else.
///
/// Generated for every lifecycle with `retry:` whose contract has a catalog with a `normalize:` table,
/// under the same name as the plain ``RetryPolicy``:
///
/// ```swift
/// extension CatalogRetryPolicy where Code == PipelineErrorCode {
///     public static var taskPipeline: Self { Self(.taskPipeline) }
/// }
/// ```
public struct CatalogRetryPolicy<Code: NormalizingErrorCatalog>: Sendable, Hashable {
    /// The delays and the number of retries.
    public var policy: RetryPolicy

    /// Binds `policy` to the catalog `Code`.
    public init(_ policy: RetryPolicy, catalog: Code.Type = Code.self) {
        self.policy = policy
    }
}
