import Foundation

/// A generated model: a record on the wire with cross-field rules.
///
/// Generated structs provide `violations()` and strict `Codable`; validation and the JSON entry points
/// are shared here.
public protocol ContractModel: Sendable, Hashable, Codable {
    /// The model's type name, used in errors.
    static var modelName: String { get }
    /// Every rule this value breaks, in schema order; empty when the value is valid.
    func violations() -> [RuleViolation]
}

extension ContractModel {
    /// Throws ``ValidationFailure`` listing every broken rule, if any rule is broken.
    public func validate() throws(ValidationFailure) {
        let violations = violations()
        guard violations.isEmpty else {
            throw ValidationFailure(modelName: Self.modelName, violations: violations)
        }
    }

    /// Decodes a value from JSON text in UTF-8: shape, types and rules are all checked.
    ///
    /// Decoding goes through Foundation's `JSONDecoder` for now; it reads `1.0` as an integer where an
    /// integer is expected and keeps the last of duplicate keys.
    public init(jsonUTF8Data: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: jsonUTF8Data)
    }

    /// Decodes a value from JSON text.
    public init(jsonString: String) throws {
        try self.init(jsonUTF8Data: Data(jsonString.utf8))
    }

    /// The value as compact JSON in UTF-8, keys in schema order and nulls explicit.
    ///
    /// Throws `EncodingError.invalidValue` when the value breaks a rule.
    public func jsonUTF8Data() throws -> Data {
        try JSONValueEncoder().encode(self).jsonUTF8Data()
    }

    /// The value as compact JSON text; see ``jsonUTF8Data()``.
    public func jsonString() throws -> String {
        String(decoding: try jsonUTF8Data(), as: UTF8.self)
    }

    /// Throws `DecodingError.dataCorrupted`, whose underlying error is the ``ValidationFailure``, when
    /// a freshly decoded value breaks a rule.
    public func checkRulesAfterDecoding(from decoder: any Decoder) throws {
        do {
            try validate()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    /// Throws `EncodingError.invalidValue`, whose underlying error is the ``ValidationFailure``, when
    /// the value about to be encoded breaks a rule.
    public func checkRulesBeforeEncoding(to encoder: any Encoder) throws {
        do {
            try validate()
        } catch {
            throw EncodingError.invalidValue(self, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}
