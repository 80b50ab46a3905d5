extension Decoder {
    /// Reads a string wire value of a closed enum, lifecycle or error catalog.
    ///
    /// Unknown values are refused with a `DecodingError` that lists the allowed values. A value found in
    /// `legacyValues` is read as its current state only when ``acceptsLegacyContractValues`` is true;
    /// otherwise the error says how to accept it.
    public func decodeWireValue<Value>(
        _ type: Value.Type, typeName: String, legacyValues: [String: Value] = [:]
    ) throws -> Value where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
        let container = try singleValueContainer()
        let text: String
        do {
            text = try container.decode(String.self)
        } catch DecodingError.typeMismatch(_, let context) {
            // Named as the enum, not as the String it is written as.
            throw DecodingError.typeMismatch(Value.self, context)
        }
        if let value = Value(rawValue: text) {
            return value
        }
        if let current = legacyValues[text] {
            if acceptsLegacyContractValues {
                return current
            }
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(JSONFields.quoted(text)) is a legacy value of \(typeName) (read as "
                    + "\(JSONFields.quoted(current.rawValue))); set userInfo[.contractAcceptsLegacyValues] = true on "
                    + "the decoder to accept it")
        }
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
            in: container,
            debugDescription: "\(JSONFields.quoted(text)) is not a value of \(typeName); expected one of: \(allowed)")
    }
}
