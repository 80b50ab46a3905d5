/// A Swift error as one code of an error catalog: what callers store (`error_code`, `error_message`),
/// show and decide on (retry or not, which terminal state).
///
/// The user message is always the code's message: the original error's text may carry internals, so
/// it is kept only as ``detail`` for logs.
public struct NormalizedError<Code: ContractErrorCatalog>: Error, Hashable, Sendable, CustomStringConvertible {
    /// The catalog's code.
    public var code: Code
    /// What actually happened, for logs: the original error's description.
    public var detail: String

    /// Creates an error.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The message for users: the code's message, never the original error's text.
    public var userMessage: String { code.defaultMessage }

    /// Whether retrying the same work may succeed: the code's retryability.
    public var isRetryable: Bool { code.isRetryable }

    /// The state a record ends in when this error stops it; nil when the code names none.
    public var status: Code.Status? { code.status }

    /// `E002: tool pandas_tool.read_csv timed out after 30.0 seconds`.
    public var description: String { "\(code.rawValue): \(detail)" }
}

extension NormalizedError where Code: NormalizingErrorCatalog {
    /// `error` through the catalog's `normalize:` table, checked in this order:
    /// 1. a `NormalizedError` of this catalog is returned as it is;
    /// 2. an error that declares a code of this catalog (``ContractErrorConvertible``) gets that code;
    /// 3. otherwise its ``FailureKind`` picks the table's code: cancellation, timeout, validation
    ///    (decoding, validation and transition failures) or the `default:` code.
    public init(normalizing error: any Error) {
        if let normalized = error as? NormalizedError<Code> {
            self = normalized
            return
        }
        let detail = String(describing: error)
        if let declared = (error as? any ContractErrorConvertible)?.contractErrorCode as? Code {
            self.init(code: declared, detail: detail)
            return
        }
        self.init(code: Code.code(for: FailureKind(classifying: error)), detail: detail)
    }

    /// The catalog's code for `kind` with `detail`, e.g. the exhaustion error of ``withRetry(policy:clock:random:isolation:operation:)``.
    public init(_ kind: FailureKind, detail: String) {
        self.init(code: Code.code(for: kind), detail: detail)
    }
}
