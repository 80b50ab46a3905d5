import ContractRuntime
import Foundation
import Testing

/// Decoding and encoding through Foundation, the way consumers use the generated `Codable`.
enum JSON {
    static func decode<T: Decodable>(_ type: T.Type, _ text: String, legacy: Bool = false) throws -> T {
        let decoder = JSONDecoder()
        if legacy { decoder.userInfo[.contractAcceptsLegacyValues] = true }
        return try decoder.decode(type, from: Data(text.utf8))
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONEncoder().encode(value)
    }

    /// The debug description of the `DecodingError` that decoding `text` throws, or nil if it decodes.
    static func decodingFailure<T: Decodable>(_ type: T.Type, _ text: String) -> String? {
        do {
            _ = try decode(type, text)
            return nil
        } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
                 .valueNotFound(_, let context):
                let key = (error.keyNotFoundKey.map { "missing key '\($0)': " }) ?? ""
                return key + context.debugDescription
            @unknown default:
                return "\(error)"
            }
        } catch {
            return "\(error)"
        }
    }
}

extension DecodingError {
    var keyNotFoundKey: String? {
        if case .keyNotFound(let key, _) = self { return key.stringValue }
        return nil
    }
}
