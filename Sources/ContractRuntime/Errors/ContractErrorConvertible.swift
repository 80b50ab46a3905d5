/// An error that says which code of one catalog it is, so normalizing it into that catalog keeps the
/// code instead of sorting the error by kind.
///
/// The code is a case of the catalog, so the compiler checks it:
///
/// ```swift
/// struct DatabaseUnavailable: Error, ContractErrorConvertible {
///     var contractErrorCode: ErrorCode { .databaseError }
/// }
/// ErrorCode.normalize(DatabaseUnavailable()).code  // .databaseError (E006), retryable
/// ```
///
/// Normalized into any other catalog, the error is sorted by kind like any other error (usually the
/// `default:` code). Its `description` becomes the normalized error's `detail`, never its user message.
public protocol ContractErrorConvertible: Error {
    /// The catalog this error's code belongs to.
    associatedtype ContractCode: ContractErrorCatalog
    /// The code this error is in ``ContractCode``.
    var contractErrorCode: ContractCode { get }
}
