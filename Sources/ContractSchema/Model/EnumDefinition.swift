/// A plain enum of string values, closed or open.
public struct EnumDefinition: Sendable, Hashable {
    /// One value of an enum.
    public struct Value: Sendable, Hashable {
        /// Wire value.
        public var name: String
        /// Prose.
        public var doc: String?
        /// Where the value was written.
        public var location: SourceLocation

        /// Creates a value.
        public init(name: String, doc: String?, location: SourceLocation) {
            self.name = name
            self.doc = doc
            self.location = location
        }
    }

    /// UpperCamelCase type name.
    public var name: String
    /// Prose.
    public var doc: String?
    /// The values, in source order.
    public var values: [Value]
    /// Whether unknown values from newer producers are kept (`unknown(String)`) instead of refused.
    public var isOpen: Bool
    /// Where the enum's name was written.
    public var location: SourceLocation

    /// Creates an enum.
    public init(name: String, doc: String?, values: [Value], isOpen: Bool, location: SourceLocation) {
        self.name = name
        self.doc = doc
        self.values = values
        self.isOpen = isOpen
        self.location = location
    }
}
