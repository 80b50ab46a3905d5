/// A coding key for any string; used to find the keys a JSON object actually holds.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key.
    public var stringValue: String
    /// Always nil: JSON object keys are strings.
    public var intValue: Int? { nil }

    /// Creates a key.
    public init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    /// Creates a key.
    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Integer keys are not used.
    public init?(intValue: Int) {
        return nil
    }
}

extension Decoder {
    /// Throws `DecodingError.dataCorrupted` naming every key of the current object that is not a case of
    /// `Keys` (sorted by their UTF-8 bytes, since decoders do not report key order; quoted as JSON strings,
    /// so control characters show escaped), and the keys that are expected.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, in modelName: String) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { Keys(stringValue: $0) == nil }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !unknown.isEmpty else { return }
        let expected = Keys.allCases.map(\.stringValue).joined(separator: ", ")
        let listed = unknown.map(JSONFields.quoted).joined(separator: ", ")
        let noun = unknown.count == 1 ? "key" : "keys"
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: codingPath,
            debugDescription: "unknown \(noun) \(listed) in \(modelName); expected keys: \(expected)"))
    }
}
