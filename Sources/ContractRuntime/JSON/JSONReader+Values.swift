extension JSONReader {
    /// An object whose members are still being read by ``readValue()``.
    private struct PartialObject {
        var members: [(key: String, value: JSONValue)] = []
        var pendingKey: String
        var start: Int
    }

    /// Reads the next value, of any kind, as a tree.
    ///
    /// Integers without a fraction or exponent that fit in 64 bits become `.int`, every other number
    /// `.double` (so `1` and `1.0` stay distinct, and `-0` is the double -0.0); keys keep their order
    /// and strings their exact code points. Nesting uses an explicit stack, not recursion.
    public mutating func readValue() throws(JSONReadError) -> JSONValue {
        // Containers being filled, innermost last. Arrays and objects live on separate stacks and are
        // appended to in place, so each stays uniquely referenced and never copied.
        var openIsObject: [Bool] = []
        var openArrays: [[JSONValue]] = []
        var openObjects: [PartialObject] = []
        nextValue: while true {
            skipWhitespace()
            guard position < input.count else { throw unexpected(expected: "a value") }
            var value: JSONValue
            switch input[position] {
            case UInt8(ascii: "{"):
                let start = position
                try push(isObject: true)
                guard let key = try nextKeyReference() else {
                    value = .object(JSONObject())
                    break
                }
                openIsObject.append(true)
                openObjects.append(PartialObject(pendingKey: string(of: key), start: start))
                continue nextValue
            case UInt8(ascii: "["):
                try push(isObject: false)
                guard try nextElement() else {
                    value = .array([])
                    break
                }
                openIsObject.append(false)
                openArrays.append([])
                continue nextValue
            default:
                value = try readScalar()
            }
            // The value is complete: add it to the innermost open container, closing as many as end here.
            while let isObject = openIsObject.last {
                if isObject {
                    let top = openObjects.count - 1
                    openObjects[top].members.append((key: openObjects[top].pendingKey, value: value))
                    if let next = try nextKeyReference() {
                        openObjects[top].pendingKey = string(of: next)
                        continue nextValue
                    }
                    let partial = openObjects.removeLast()
                    // `nextKeyReference()` already refused duplicate keys, byte for byte.
                    value = .object(JSONObject(uniqueMembers: partial.members))
                } else {
                    openArrays[openArrays.count - 1].append(value)
                    if try nextElement() { continue nextValue }
                    value = .array(openArrays.removeLast())
                }
                openIsObject.removeLast()
            }
            return value
        }
    }

    /// Passes over the next value, of any kind, validating it as fully as ``readValue()`` would,
    /// duplicate keys and number ranges included.
    public mutating func skipValue() throws(JSONReadError) {
        let outerDepth = frames.count
        nextValue: while true {
            skipWhitespace()
            guard position < input.count else { throw unexpected(expected: "a value") }
            switch input[position] {
            case UInt8(ascii: "{"):
                try push(isObject: true)
            case UInt8(ascii: "["):
                try push(isObject: false)
            case UInt8(ascii: "\""):
                _ = try scanString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let token = try scanNumber()
                if !token.isInteger || !token.isExact { _ = try doubleValue(token) }
            default:
                _ = try readScalar()
            }
            // Move on to the next value of the innermost container that has one, closing the ones that end.
            while frames.count > outerDepth {
                if frames[frames.count - 1].isObject {
                    if try nextKeyReference() != nil { continue nextValue }
                } else {
                    if try nextElement() { continue nextValue }
                }
            }
            return
        }
    }

    /// Reads a string, number, boolean or null.
    private mutating func readScalar() throws(JSONReadError) -> JSONValue {
        switch input[position] {
        case UInt8(ascii: "\""):
            return .string(makeString(try scanString()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try jsonValue(try scanNumber())
        case UInt8(ascii: "t"):
            try consumeLiteral(0x74_72_75_65, length: 4)
            return .bool(true)
        case UInt8(ascii: "f"):
            try consumeLiteral(0x66_61_6C_73_65, length: 5)
            return .bool(false)
        case UInt8(ascii: "n"):
            try consumeLiteral(0x6E_75_6C_6C, length: 4)
            return .null
        default:
            throw unexpected(expected: "a value")
        }
    }
}
