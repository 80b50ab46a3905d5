import Foundation

/// The kinds of failure a catalog's `normalize:` table gives a code, and how a Swift error is sorted
/// into one of them.
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// Decoding, validation and transition failures: the input or the move was wrong, so retrying the
    /// same work fails again.
    case validation
    /// A deadline passed.
    case timeout
    /// The work was cancelled.
    case cancellation
    /// Retries were used up; only ``withRetry(policy:clock:random:isolation:operation:)`` produces it.
    case retryExhausted = "retry_exhausted"
    /// Anything else: the table's `default:` code.
    case other = "default"

    /// The kind of `error`:
    /// - ``cancellation``: `CancellationError`;
    /// - ``timeout``: ``ContractTimeoutError``, `URLError(.timedOut)` and POSIX `ETIMEDOUT`;
    /// - ``validation``: `DecodingError`, ``ValidationFailure``, ``TransitionError``, ``FinishError``, and the strict
    ///   decoders' ``RecordError`` and ``JSONReadError``;
    /// - ``other``: everything else.
    ///
    /// Errors that declare their own code (``ContractErrorConvertible``) are looked at before this.
    public init(classifying error: any Error) {
        switch error {
        case is CancellationError:
            self = .cancellation
        case is ContractTimeoutError:
            self = .timeout
        case let error as URLError where error.code == .timedOut:
            self = .timeout
        case let error as POSIXError where error.code == .ETIMEDOUT:
            self = .timeout
        case is DecodingError, is ValidationFailure, is TransitionError, is FinishError, is RecordError, is JSONReadError:
            self = .validation
        default:
            self = Self.bridgedTimeout(error) ? .timeout : .other
        }
    }

    /// Whether `error` is an `NSError` carrying a timeout code: on Linux an `NSError` in the POSIX or
    /// URL domain does not cast to `POSIXError` or `URLError`.
    private static func bridgedTimeout(_ error: any Error) -> Bool {
        let error = error as NSError
        switch error.domain {
        case NSPOSIXErrorDomain: return error.code == Int(ETIMEDOUT)
        case NSURLErrorDomain: return error.code == NSURLErrorTimedOut
        default: return false
        }
    }
}
