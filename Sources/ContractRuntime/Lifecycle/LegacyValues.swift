extension CodingUserInfoKey {
    /// A `Bool` in a decoder's `userInfo`: when `true`, lifecycles also read the schema's legacy wire
    /// values (for `TaskStatus`, `success` as `completed` and `error` as `failed`).
    ///
    /// Legacy values are refused by default, and are never written.
    ///
    /// ```swift
    /// let decoder = JSONDecoder()
    /// decoder.userInfo[.contractAcceptsLegacyValues] = true
    /// ```
    public static let contractAcceptsLegacyValues: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "ContractRuntime.acceptsLegacyValues") else {
            preconditionFailure("a non-empty raw value always makes a key")
        }
        return key
    }()
}

extension Decoder {
    /// Whether `userInfo[.contractAcceptsLegacyValues]` is `true`.
    public var acceptsLegacyContractValues: Bool {
        userInfo[.contractAcceptsLegacyValues] as? Bool == true
    }
}
