extension JSONReader {
    /// Reads the next value, of any kind, as a tree.
    ///
    /// Integers without a fraction or exponent that fit in 64 bits become `.int`, every other number
    /// `.double` (so `1` and `1.0` stay distinct, and `-0` is the double -0.0); keys keep their order
    /// and strings their exact code points. Nesting uses an explicit stack, not recursion.
    public mutating func readValue() throws(JSONReadError) -> JSONValue {
        // The elements and members of all open containers share two stacks; a container that closes
        // moves its own off the top into an array of exactly its size, so nothing regrows per container.
        // The last member of an open object holds its pending key, with a placeholder value until read.
        var open: [(isObject: Bool, start: Int)] = []
        var elements: [JSONValue] = []
        var members: [(key: String, value: JSONValue)] = []
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
                open.append((isObject: true, start: members.count))
                members.append((key: string(of: key), value: .null))
                continue nextValue
            case UInt8(ascii: "["):
                try push(isObject: false)
                guard try nextElement() else {
                    value = .array([])
                    break
                }
                open.append((isObject: false, start: elements.count))
                continue nextValue
            default:
                value = try readScalar()
            }
            // The value is complete: add it to the innermost open container, closing as many as end here.
            while let container = open.last {
                if container.isObject {
                    members[members.count - 1].value = value
                    if let next = try nextKeyReference() {
                        members.append((key: string(of: next), value: .null))
                        continue nextValue
                    }
                    // `nextKeyReference()` already refused duplicate keys, byte for byte.
                    value = .object(JSONObject(uniqueMembers: Self.takeSuffix(of: &members, from: container.start,
                                                                              placeholder: (key: "", value: .null))))
                } else {
                    elements.append(value)
                    if try nextElement() { continue nextValue }
                    value = .array(Self.takeSuffix(of: &elements, from: container.start, placeholder: .null))
                }
                open.removeLast()
            }
            return value
        }
    }

    /// Moves `stack[start...]` (not empty) into a new array of exactly that size and shortens `stack`.
    ///
    /// The moved-from slots get `placeholder`, which costs no reference counting to destroy, instead
    /// of a retain for the copy and a release for the removal of each element.
    @inline(__always)
    private static func takeSuffix<Element>(of stack: inout [Element], from start: Int, placeholder: Element) -> [Element] {
        let count = stack.count - start
        precondition(start >= 0 && count > 0)
        let taken = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            stack.withUnsafeMutableBufferPointer { all in
                let source = all.baseAddress! + start
                buffer.baseAddress!.moveInitialize(from: source, count: count)
                source.initialize(repeating: placeholder, count: count)
            }
            initialized = count
        }
        stack.removeLast(count)
        return taken
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
