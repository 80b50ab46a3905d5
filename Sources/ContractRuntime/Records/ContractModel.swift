import Foundation

/// A generated model: a record on the wire with cross-field rules.
///
/// Generated structs provide `violations()` and strict `Codable`; validation and the JSON entry points
/// are shared here.
public protocol ContractModel: Sendable, Hashable, Codable, JSONFieldValue {
    /// The model's type name, used in errors.
    static var modelName: String { get }
    /// Every rule this value breaks, in schema order; empty when the value is valid.
    func violations() -> [RuleViolation]
    /// Reads a value with the strict pull reader, checking shape, types, enum values and rules; throws
    /// ``RecordError`` with the same categories `contractgen validate` reports.
    init(jsonReader reader: inout JSONReader, options: JSONDecodingOptions) throws
    /// Writes the value as JSON, keys in schema order and nulls explicit, without checking rules.
    func writeJSON(to output: inout JSONOutput)
}

extension ContractModel {
    /// "a TaskStepResult object".
    public static var jsonDescription: String { ValueWording.object(of: modelName) }

    /// A nested model's value: the model's own strict reader.
    @inlinable
    public static func readJSON(_ reader: inout JSONReader, options: JSONDecodingOptions) throws -> Self {
        try Self(jsonReader: &reader, options: options)
    }

    /// Throws ``ValidationFailure`` listing every broken rule, if any rule is broken.
    public func validate() throws(ValidationFailure) {
        let violations = violations()
        guard violations.isEmpty else {
            throw ValidationFailure(modelName: Self.modelName, violations: violations)
        }
    }

    /// Decodes a value from JSON text in UTF-8 with the strict fast decoder: JSON syntax (RFC 8259 and
    /// I-JSON: duplicate keys, bad UTF-8, lone surrogates, `NaN`, overflowing numbers are refused), shape,
    /// types, enum values and rules are all checked. Throws ``RecordError``.
    // Inlinable (as is the decoding they call) so each model's entry points are specialized for it.
    @inlinable
    public init(jsonUTF8Data: Data) throws {
        try self.init(jsonUTF8Data: jsonUTF8Data, options: JSONDecodingOptions())
    }

    /// As ``init(jsonUTF8Data:)``, with options (legacy values, limits).
    @inlinable
    public init(jsonUTF8Data: Data, options: JSONDecodingOptions) throws {
        try self.init(jsonUTF8Bytes: jsonUTF8Data, options: options)
    }

    /// As ``init(jsonUTF8Data:)`` for JSON text the caller already holds in memory, read in place: a
    /// reader of JSON Lines can pass each line as an `UnsafeRawBufferPointer` into its read buffer
    /// instead of copying it into a `Data` first. The bytes need to stay valid only during the call.
    @inlinable
    public init(jsonUTF8Bytes bytes: some ContiguousBytes, options: JSONDecodingOptions = JSONDecodingOptions()) throws {
        self = try JSONFields.decode(contiguousBytes: bytes, limits: options.limits) { reader in
            try Self(jsonReader: &reader, options: options)
        }
    }

    /// Decodes a value from JSON text.
    public init(jsonString: String) throws {
        try self.init(jsonUTF8Data: Data(jsonString.utf8))
    }

    /// The value as compact JSON in UTF-8: keys in schema order, nulls explicit, doubles in shortest
    /// round-trip form. Throws ``ValidationFailure`` when the value breaks a rule.
    public func jsonUTF8Data() throws -> Data {
        try validate()
        var output = JSONOutput()
        writeJSON(to: &output)
        return Data(output.bytes)
    }

    /// The value as compact JSON text; see ``jsonUTF8Data()``.
    public func jsonString() throws -> String {
        String(decoding: try jsonUTF8Data(), as: UTF8.self)
    }

    /// Throws `DecodingError.dataCorrupted` when a freshly decoded value breaks a rule; its
    /// `debugDescription` is the ``ValidationFailure``'s description, one line per broken rule.
    ///
    /// The failure is not attached again as the underlying error, which a printed `DecodingError` would
    /// show a second time; ``validate()`` gives the broken rules as values.
    public func checkRulesAfterDecoding(from decoder: any Decoder) throws {
        do {
            try validate()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Throws `EncodingError.invalidValue` when the value about to be encoded breaks a rule; its
    /// `debugDescription` is the ``ValidationFailure``'s description, as for decoding.
    public func checkRulesBeforeEncoding(to encoder: any Encoder) throws {
        do {
            try validate()
        } catch {
            throw EncodingError.invalidValue(self, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: error.description))
        }
    }
}
