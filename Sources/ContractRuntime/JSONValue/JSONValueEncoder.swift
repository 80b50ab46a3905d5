/// Encodes any `Encodable` value into a ``JSONValue``, keeping the order in which keys were encoded.
///
/// Generated models encode their keys in schema order, so this is how `jsonUTF8Data()` writes them in
/// that order (Foundation's `JSONEncoder` does not keep it). Dictionaries with string keys are written
/// sorted by key, so the output is deterministic.
public struct JSONValueEncoder: Sendable {
    /// Values the encoded types may read from `Encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    /// Creates an encoder.
    public init() {}

    /// The JSON value `value` encodes to.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = EncodingNode()
        try node.encode(value, codingPath: [], userInfo: userInfo)
        return node.value
    }
}

/// A value under construction; containers hold child nodes so nested containers can be filled later.
private final class EncodingNode {
    enum Kind {
        case empty, single, object, array
    }

    var kind: Kind = .empty
    var single: JSONValue = .null
    var keys: [String] = []
    var children: [String: EncodingNode] = [:]
    var elements: [EncodingNode] = []

    var value: JSONValue {
        switch kind {
        case .empty: return .object(JSONObject())
        case .single: return single
        case .object:
            var object = JSONObject()
            for key in keys {
                if let child = children[key] { object[key] = child.value }
            }
            return .object(object)
        case .array: return .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) {
        kind = .single
        single = value
    }

    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) throws {
        if let json = value as? JSONValue {
            set(json)
        } else if let dictionary = value as? any StringKeyedEncodableDictionary {
            try dictionary.encodeSortedByKey(to: NodeEncoder(node: self, codingPath: codingPath, userInfo: userInfo))
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath, userInfo: userInfo))
        }
    }

    /// The child for `key`, creating the member as needed; a repeated key keeps its first position.
    func child(forKey key: String) -> EncodingNode {
        makeObject()
        if let existing = children[key] { return existing }
        let child = EncodingNode()
        keys.append(key)
        children[key] = child
        return child
    }

    func makeObject() {
        if kind != .object {
            kind = .object
            keys = []
            children = [:]
        }
    }

    func appendChild() -> EncodingNode {
        makeArray()
        let child = EncodingNode()
        elements.append(child)
        return child
    }

    func makeArray() {
        if kind != .array {
            kind = .array
            elements = []
        }
    }

    var arrayCount: Int { elements.count }
}

private protocol StringKeyedEncodableDictionary {
    func encodeSortedByKey(to encoder: any Encoder) throws
}

extension Dictionary: StringKeyedEncodableDictionary where Key == String, Value: Encodable {
    fileprivate func encodeSortedByKey(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}

private struct NodeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    let userInfoValues: [CodingUserInfoKey: any Sendable]

    init(node: EncodingNode, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.node = node
        self.codingPath = codingPath
        self.userInfoValues = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { userInfoValues }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer(node: node, codingPath: codingPath, userInfo: userInfoValues))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath, userInfo: userInfoValues)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath, userInfo: userInfoValues)
    }
}

private func nonFinite(_ value: Double, _ path: [any CodingKey]) -> EncodingError {
    EncodingError.invalidValue(value, EncodingError.Context(
        codingPath: path, debugDescription: "JSON cannot express the non-finite number \(value)"))
}

private func integer<T: BinaryInteger>(_ value: T, _ path: [any CodingKey]) throws -> JSONValue {
    guard let exact = Int64(exactly: value) else {
        throw EncodingError.invalidValue(value, EncodingError.Context(
            codingPath: path, debugDescription: "\(value) does not fit in a 64-bit signed integer"))
    }
    return .int(exact)
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws {
        guard value.isFinite else { throw nonFinite(value, codingPath) }
        node.set(.double(value))
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: Int8) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: Int16) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: Int32) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: Int64) throws { node.set(.int(value)) }
    mutating func encode(_ value: UInt) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: UInt8) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: UInt16) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: UInt32) throws { node.set(try integer(value, codingPath)) }
    mutating func encode(_ value: UInt64) throws { node.set(try integer(value, codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.encode(value, codingPath: codingPath, userInfo: userInfo)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]

    private func single(_ key: Key) -> SingleNodeContainer {
        SingleNodeContainer(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key], userInfo: userInfo)
    }

    mutating func encodeNil(forKey key: Key) throws { var c = single(key); try c.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var c = single(key); try c.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key], userInfo: userInfo))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key], userInfo: userInfo)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath + [AnyCodingKey("super")], userInfo: userInfo)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]

    var count: Int { node.arrayCount }

    private func next() -> (EncodingNode, [any CodingKey]) {
        let path = codingPath + [AnyIndexKey(node.arrayCount)]
        return (node.appendChild(), path)
    }

    private mutating func single() -> SingleNodeContainer {
        let (child, path) = next()
        return SingleNodeContainer(node: child, codingPath: path, userInfo: userInfo)
    }

    mutating func encodeNil() throws { var c = single(); try c.encodeNil() }
    mutating func encode(_ value: Bool) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: String) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Double) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Float) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int8) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int16) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int32) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int64) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt8) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt16) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt32) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt64) throws { var c = single(); try c.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { var c = single(); try c.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (child, path) = next()
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: path, userInfo: userInfo))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (child, path) = next()
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: path, userInfo: userInfo)
    }

    mutating func superEncoder() -> any Encoder {
        let (child, path) = next()
        return NodeEncoder(node: child, codingPath: path, userInfo: userInfo)
    }
}
