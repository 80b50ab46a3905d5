/// A problem found while reading JSON, with where it is in the bytes and in the document.
public struct JSONReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public var category: JSONErrorCategory
    /// A sentence describing the problem, without the location.
    public var message: String
    /// The problem's byte offset from the start of the input, counting from 0.
    public var offset: Int
    /// The line, counting from 1; only line feeds (U+000A) start a new line.
    public var line: Int
    /// The column in bytes (not characters), counting from 1.
    public var column: Int
    /// Where in the document the problem is, such as `$.result.items[3].name` or `$["a b"]`.
    public var path: String

    /// An error with every field given.
    public init(category: JSONErrorCategory, message: String, offset: Int, line: Int, column: Int, path: String) {
        self.category = category
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.path = path
    }

    /// `line 3, column 7 (byte 41) at $.items[2]: duplicate_key: the key "id" appears twice in this object`
    public var description: String {
        "line \(line), column \(column) (byte \(offset)) at \(path): \(category.rawValue): \(message)"
    }
}
