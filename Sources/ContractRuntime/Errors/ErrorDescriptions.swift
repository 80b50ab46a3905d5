import Foundation

// The runtime's errors say what is wrong in `description`. `LocalizedError` makes `localizedDescription`
// say the same, instead of Foundation's "The operation could not be completed. (… error 1.)".

extension ValidationFailure: LocalizedError {
    /// The ``description``: the model and one line per broken rule.
    public var errorDescription: String? { description }
}

extension RecordError: LocalizedError {
    /// The ``description``: `[category] message at path`.
    public var errorDescription: String? { description }
}

extension JSONReadError: LocalizedError {
    /// The ``description``: the position, the category and the message.
    public var errorDescription: String? { description }
}

extension TransitionError: LocalizedError {
    /// The ``description``: the lifecycle, the refused move and what is allowed.
    public var errorDescription: String? { description }
}

extension FinishError: LocalizedError {
    /// The ``description``: why the record cannot finish in that state.
    public var errorDescription: String? { description }
}

extension ContractTimeoutError: LocalizedError {
    /// The ``description``: what timed out, and after how long when known.
    public var errorDescription: String? { description }
}

extension NormalizedError: LocalizedError {
    /// The ``userMessage``, never the original error's text: `localizedDescription` is what apps show.
    public var errorDescription: String? { userMessage }
}
