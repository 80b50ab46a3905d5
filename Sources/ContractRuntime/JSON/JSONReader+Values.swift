extension JSONReader {
    /// Reads the next value, of any kind, as a tree.
    ///
    /// Integers without a fraction or exponent that fit in 64 bits become `.int`, every other number
    /// `.double` (so `1` and `1.0` stay distinct, and `-0` is the double -0.0); keys keep their order
    /// and strings their exact code points. Nesting uses an explicit stack, not recursion.
    public mutating func readValue() throws(JSONReadError) -> JSONValue {
        skipWhitespace()
        guard position < input.count else { throw unexpected(expected: "a value") }
        let first = input[position]
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return try readScalar() }
        // The elements and member values of all open containers share one stack, and the keys of all
        // open objects another; a container that closes moves its own off the top into an array of
        // exactly its size, so nothing regrows per container and nothing is copied twice.
        var open = MoveStack<OpenContainer>(initialCapacity: 8)
        var values = MoveStack<JSONValue>(initialCapacity: 16)
        var keys = MoveStack<String>(initialCapacity: 16)
        nextValue: while true {
            skipWhitespace()
            guard position < input.count else { throw unexpected(expected: "a value") }
            var value: JSONValue
            switch input[position] {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                guard let key = try nextKeyReference() else {
                    value = .object(JSONObject())
                    break
                }
                open.append(OpenContainer(isObject: true, valuesStart: values.count, keysStart: keys.count))
                keys.append(string(of: key))
                continue nextValue
            case UInt8(ascii: "["):
                try push(isObject: false)
                guard try nextElement() else {
                    value = .array([])
                    break
                }
                open.append(OpenContainer(isObject: false, valuesStart: values.count, keysStart: keys.count))
                continue nextValue
            default:
                value = try readScalar()
            }
            // The value is complete: add it to the innermost open container, closing as many as end here.
            while open.count > 0 {
                let container = open[open.count &- 1]
                values.append(value)
                if container.isObject {
                    if let next = try nextKeyReference() {
                        keys.append(string(of: next))
                        continue nextValue
                    }
                    // `nextKeyReference()` already refused duplicate keys, byte for byte.
                    value = .object(JSONObject(uniqueMembers: Self.popMembers(keys: &keys, from: container.keysStart,
                                                                              values: &values, from: container.valuesStart)))
                } else {
                    if try nextElement() { continue nextValue }
                    value = .array(values.popArray(from: container.valuesStart))
                }
                open.removeLast()
            }
            return value
        }
    }

    /// Where an open array's elements, or an open object's keys and values, start on the shared stacks.
    struct OpenContainer {
        var isObject: Bool
        var valuesStart: Int
        var keysStart: Int
    }

    /// Moves the keys and values from the given starts to the tops of their stacks (as many of each)
    /// into the members of one object.
    @inline(__always)
    private static func popMembers(keys: inout MoveStack<String>, from keysStart: Int,
                                   values: inout MoveStack<JSONValue>, from valuesStart: Int) -> [JSONObject.Member] {
        let count = keys.count &- keysStart
        precondition(count >= 0 && values.count &- valuesStart == count)
        let keyBase = keys.pointer(at: keysStart)
        let valueBase = values.pointer(at: valuesStart)
        var members: [JSONObject.Member] = []
        members.reserveCapacity(count)
        for index in 0..<count {
            members.append(JSONObject.Member(key: (keyBase + index).move(), value: (valueBase + index).move()))
        }
        keys.forgetMoved(from: keysStart)
        values.forgetMoved(from: valuesStart)
        return members
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
                try checkRange(try scanNumber())
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
