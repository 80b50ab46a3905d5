/// The kind of the next JSON value, as told by its first byte; see ``JSONReader/peekKind()``.
public enum JSONValueKind: String, Sendable, Hashable, CaseIterable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool
    /// A number.
    case number
    /// A string.
    case string
    /// An array.
    case array
    /// An object.
    case object
}
