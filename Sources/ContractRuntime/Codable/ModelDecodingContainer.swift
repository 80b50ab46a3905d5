import Foundation

/// The container a generated model's `init(from:)` reads its fields from: it reads like
/// `KeyedDecodingContainer`, and its errors say each problem once.
///
/// A printed `DecodingError` already names the case, the expected type and the path ("expected value of
/// type Bool. Path: completed"), and Foundation's own descriptions repeat that ("Expected to decode Bool
/// but found a string instead."). The errors thrown here keep what prints and add only what is missing:
/// which model needs a missing key, what was found instead of the expected type.
public struct ModelDecodingContainer<Key: CodingKey> {
    /// The container of the model's object.
    let container: KeyedDecodingContainer<Key>
    /// The model's type name, for errors.
    public let modelName: String

    /// Wraps the container of a model's object.
    init(_ container: KeyedDecodingContainer<Key>, modelName: String) {
        self.container = container
        self.modelName = modelName
    }

    /// The path of the model's object.
    public var codingPath: [any CodingKey] { container.codingPath }

    /// Whether the object has `key`.
    public func contains(_ key: Key) -> Bool {
        container.contains(key)
    }

    /// The value of the required key `key`; throws `DecodingError.keyNotFound` when it is absent.
    public func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        guard container.contains(key) else {
            // A nullable field (or a `json` one, where null is a value) is written as null, never left out.
            let null = type is any ExpressibleByNilLiteral.Type ? " (null when there is no value)" : ""
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "required by \(modelName)\(null)"))
        }
        let value: Value
        do {
            value = try container.decode(type, forKey: key)
        } catch {
            throw clarified(error, decoding: type, at: key)
        }
        if type is any IntegerWireValue.Type { try refuseNonIntegers(at: key, decoding: type) }
        return value
    }

    /// The value of the optional key `key`; nil when it is absent or `null`.
    public func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        let value: Value?
        do {
            value = try container.decodeIfPresent(type, forKey: key)
        } catch {
            throw clarified(error, decoding: type, at: key)
        }
        if value != nil, type is any IntegerWireValue.Type { try refuseNonIntegers(at: key, decoding: type) }
        return value
    }

    /// Throws when a number of an `int` field shows a fraction or an exponent, as the strict reader does.
    ///
    /// Foundation reads `0.0`, `1e-400` or `1.0000000000000001` as an `Int64`; ``JSONValue``'s reading tells
    /// them from integers (all but whole numbers such as `1.0` or `1e2`, which Foundation reports exactly
    /// as it reports the integer).
    private func refuseNonIntegers(at key: Key, decoding type: Any.Type) throws {
        guard let wire = try? container.decode(JSONValue.self, forKey: key),
              let path = wire.pathToFirstNonInteger() else { return }
        throw DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: codingPath + [key] + path, debugDescription: "found a number that is not an integer"))
    }

    /// `error`, thrown while reading the value at `key`, as a `DecodingError` whose description adds to
    /// what the printed error says instead of repeating it.
    private func clarified(_ error: any Error, decoding type: Any.Type, at key: Key) -> any Error {
        switch error {
        case DecodingError.typeMismatch(_, let context) where Self.isClarified(context):
            return error  // from a nested model's container, which knew more
        case DecodingError.valueNotFound(_, let context) where Self.isClarified(context):
            return error
        case DecodingError.typeMismatch(let expected, let context):
            let found = JSONValue.kindDescription(at: context.codingPath.dropFirst(codingPath.count + 1),
                                                  in: try? container.decode(JSONValue.self, forKey: key))
            return DecodingError.typeMismatch(expected, DecodingError.Context(
                codingPath: context.codingPath, debugDescription: "found " + (found ?? "a value of another type")))
        case DecodingError.valueNotFound(let expected, let context):
            return DecodingError.valueNotFound(expected, DecodingError.Context(
                codingPath: context.codingPath, debugDescription: Self.nullNotAllowed))
        case is DecodingError:
            return error
        default:
            // Foundation throws its own error, which it would report as "not valid JSON", for a number
            // that does not fit the type (1.5 or 1e30 for an Int64).
            let value = try? container.decode(JSONValue.self, forKey: key)
            let found = value.flatMap { $0.containsNumber ? "a number that does not fit" : nil }
            return DecodingError.typeMismatch(type, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "found " + (found ?? "a value it cannot read")))
        }
    }

    /// What a null where the type allows none is told.
    static var nullNotAllowed: String { "null is not allowed here" }

    /// Whether `context` is one these containers wrote (each says what was found, or that null is not
    /// allowed; Foundation's start "Expected" or "Cannot").
    static func isClarified(_ context: DecodingError.Context) -> Bool {
        context.debugDescription.hasPrefix("found ") || context.debugDescription == nullNotAllowed
    }
}

extension Decoder {
    /// The container of a generated model's object, whose errors say each problem once; throws
    /// `DecodingError.typeMismatch` when the value is not an object, and, unless `allowingUnknownKeys`,
    /// `DecodingError.dataCorrupted` naming every key that is not a case of `Keys`.
    public func modelContainer<Keys: CodingKey & CaseIterable, Model: ContractModel>(
        keyedBy keys: Keys.Type, for model: Model.Type, allowingUnknownKeys: Bool = false
    ) throws -> ModelDecodingContainer<Keys> {
        let container: KeyedDecodingContainer<Keys>
        do {
            container = try self.container(keyedBy: keys)
        } catch DecodingError.typeMismatch(_, let context) {
            let found = JSONValue.kindDescription(at: [], in: try? JSONValue(from: self))
            throw DecodingError.typeMismatch(model, DecodingError.Context(
                codingPath: context.codingPath, debugDescription: "found " + (found ?? "a value of another type")))
        } catch DecodingError.valueNotFound(_, let context) {
            throw DecodingError.valueNotFound(model, DecodingError.Context(
                codingPath: context.codingPath, debugDescription: ModelDecodingContainer<Keys>.nullNotAllowed))
        }
        if !allowingUnknownKeys {
            try rejectUnknownKeys(keys, in: model.modelName)
        }
        return ModelDecodingContainer(container, modelName: model.modelName)
    }
}

/// A type whose wire form holds only integers among its numbers: a schema `int` (`Int64`), and lists,
/// maps and optionals of it. Their numbers are checked as the strict reader would read them.
protocol IntegerWireValue {}

extension Int64: IntegerWireValue {}
extension Optional: IntegerWireValue where Wrapped: IntegerWireValue {}
extension Array: IntegerWireValue where Element: IntegerWireValue {}
extension Dictionary: IntegerWireValue where Value: IntegerWireValue {}

extension JSONValue {
    /// The path (array indexes and object keys) of the first number, depth first, that an `int` field
    /// refuses; nil when there is none.
    ///
    /// That is every `.double` but -0.0: a JSONValue reads `-0` as the double -0.0 to keep its sign, but
    /// an `int` field reads it as 0, and Foundation reports `-0.0` exactly as it reports `-0`.
    func pathToFirstNonInteger() -> [any CodingKey]? {
        switch self {
        case .double(let double):
            return double == 0 && double.sign == .minus ? nil : []
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let path = element.pathToFirstNonInteger() { return [AnyIndexKey(index)] + path }
            }
            return nil
        case .object(let object):
            for (key, value) in object {
                if let path = value.pathToFirstNonInteger() { return [AnyCodingKey(key)] + path }
            }
            return nil
        default:
            return nil
        }
    }

    /// How messages name the kind of the value at `path` (array indexes and object keys) inside
    /// `value`, such as "a string"; nil when there is no such value.
    static func kindDescription(at path: some Collection<any CodingKey>, in value: JSONValue?) -> String? {
        var current = value
        for component in path {
            if let index = component.intValue {
                current = current?[index]
            } else {
                current = current?[component.stringValue]
            }
        }
        return current.map { JSONFields.describe($0.kind) }
    }

    /// The kind of the value, as the reader names kinds.
    var kind: JSONValueKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int, .double: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// Whether the value is a number or holds one at any depth.
    var containsNumber: Bool {
        switch self {
        case .int, .double: true
        case .array(let elements): elements.contains { $0.containsNumber }
        case .object(let object): object.contains { $0.value.containsNumber }
        default: false
        }
    }
}
