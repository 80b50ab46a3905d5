/// An error catalog with a `normalize:` table, so every Swift error becomes one of its codes.
///
/// Generated for catalogs whose schema has `normalize:`; the table is the generated ``code(for:)``.
public protocol NormalizingErrorCatalog: ContractErrorCatalog {
    /// The code the schema's `normalize:` table gives `kind`; a kind the table leaves out gets the
    /// `default:` code.
    static func code(for kind: FailureKind) -> Self
}

extension NormalizingErrorCatalog {
    /// `error` as one of this catalog's codes, with the code's message for users and the error's own
    /// description as `detail`. See ``NormalizedError/init(normalizing:)`` for the order of the checks.
    public static func normalize(_ error: any Error) -> NormalizedError<Self> {
        NormalizedError(normalizing: error)
    }
}
