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
        // The stack of values starts in stack memory: a small tree allocates only its own arrays and strings.
        return try withUnsafeTemporaryAllocation(of: JSONValue.self, capacity: 32) { (storage) throws(JSONReadError) in
            var values = MoveStack<JSONValue>(startingIn: storage)
            return try readContainer(using: &values)
        }
    }

    /// ``readValue()`` for an array or object, which starts at `position`; `values` is empty.
    // The elements of all open arrays and the keys and values of all open objects (a key as a `.string`,
    // then its value) share one stack, whose start for each container is kept in its frame; a container
    // that closes moves its own off the top into an array of exactly its size, so nothing regrows per
    // container and nothing is copied twice.
    private mutating func readContainer(using values: inout MoveStack<JSONValue>) throws(JSONReadError) -> JSONValue {
        let outerDepth = frames.count
        nextValue: while true {
            skipWhitespace()
            guard position < input.count else { throw unexpected(expected: "a value") }
            var value: JSONValue
            switch input[position] {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                frames[frames.count &- 1].valuesStart = values.count
                guard let key = try nextKeyReference() else {
                    value = .object(JSONObject())
                    break
                }
                values.append(.string(string(of: key)))
                continue nextValue
            case UInt8(ascii: "["):
                try push(isObject: false)
                frames[frames.count &- 1].valuesStart = values.count
                guard try nextElement() else {
                    value = .array([])
                    break
                }
                continue nextValue
            default:
                value = try readScalar()
            }
            // The value is complete: add it to the innermost open container, closing as many as end here.
            while frames.count > outerDepth {
                let top = frames.count &- 1
                let isObject = frames[top].isObject
                let valuesStart = frames[top].valuesStart
                values.append(consume value)  // moved, not copied: it is reassigned before the next use
                if isObject {
                    if let next = try nextKeyReference() {
                        values.append(.string(string(of: next)))
                        continue nextValue
                    }
                    // `nextKeyReference()` already refused duplicate keys, byte for byte.
                    value = .object(JSONObject(uniqueMembers: Self.popMembers(of: &values, from: valuesStart)))
                } else {
                    if try nextElement() { continue nextValue }
                    value = .array(values.popArray(from: valuesStart))
                }
            }
            return value
        }
    }

    /// Moves the keys and values from `start` to the top of the stack (a key as a `.string`, then its
    /// value) into the members of one object.
    @inline(__always)
    private static func popMembers(of values: inout MoveStack<JSONValue>, from start: Int) -> [JSONObject.Member] {
        let count = (values.count &- start) &>> 1
        precondition(count > 0 && values.count &- start == count &* 2)
        let base = values.pointer(at: start)
        var members: [JSONObject.Member] = []
        members.reserveCapacity(count)
        for index in 0..<count {
            let pair = base + 2 &* index
            guard case .string(let key) = pair.move() else { preconditionFailure("a key is a string") }
            members.append(JSONObject.Member(key: key, value: (pair + 1).move()))
        }
        values.forgetMoved(from: start)
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
                try skipNumber()
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
    mutating func readScalar() throws(JSONReadError) -> JSONValue {
        switch input[position] {
        case UInt8(ascii: "\""):
            return .string(makeString(try scanString()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let integer = plainInteger() { return .int(integer) }
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
