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
                frames.lastPointer.unsafelyUnwrapped.pointee.valuesStart = values.count
                guard let key = try nextKeyReference(TreeKeys.self) else {
                    value = .object(JSONObject())
                    break
                }
                values.append(.string(string(of: key)))
                continue nextValue
            case UInt8(ascii: "["):
                try push(isObject: false)
                frames.lastPointer.unsafelyUnwrapped.pointee.valuesStart = values.count
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
                let frame = frames.lastPointer.unsafelyUnwrapped  // `outerDepth` is at least 0
                let isObject = frame.pointee.isObject, valuesStart = frame.pointee.valuesStart
                values.append(consume value)  // moved, not copied: it is reassigned before the next use
                if isObject {
                    if let next = try nextKeyReference(TreeKeys.self) {
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
    private static func popMembers(of values: inout MoveStack<JSONValue>, from start: Int) -> JSONMembers {
        let count = (values.count &- start) &>> 1
        precondition(count > 0 && values.count &- start == count &* 2)
        let base = values.pointer(at: start)
        let members = JSONMembers(count: count) { members in
            for index in 0..<count {
                let pair = base + 2 &* index
                guard case .string(let key) = pair.move() else { preconditionFailure("a key is a string") }
                (members + index).initialize(to: JSONObject.Member(key: key, value: (pair + 1).move()))
            }
        }
        values.forgetMoved(from: start)
        return members
    }

    /// Passes over the next value, of any kind, validating it as fully as ``readValue()`` would,
    /// duplicate keys and number ranges included.
    ///
    /// A string, number or literal is passed over at once. An array or object is passed over by a fast path
    /// (64 bytes at a time where the processor has AVX2, with the state of the containers it opens in local
    /// variables elsewhere); a value that path cannot vouch for, valid or not, is passed over again from its start
    /// with a frame per container, which gives the verdict and the exact error.
    public mutating func skipValue() throws(JSONReadError) {
        skipWhitespace()
        // `[` and `{` differ in bit 5 only.
        guard position < input.count && input[position] | 0x20 == UInt8(ascii: "{") else { return try skipValueInFrames() }
        let start = position, keys = seenKeys.count, keyBytes = decodedKeyBytes.count
        do {
            if try skipContainerFast() { return }
        } catch {
            // Dropped: the reading below finds the same problem and reports it with its path.
        }
        position = start
        seenKeys.truncate(to: keys)
        decodedKeyBytes.truncate(to: keyBytes)
        try skipValueInFrames()
    }

    /// ``skipValue()`` for a value that starts with a quote, as one does once ``peekKind()`` said `.string`: the string
    /// is checked and passed over at once, without the general skip's dispatch (`validate` passes over most string
    /// fields of each record: it cost 130 instructions a line). Any other value goes to ``skipValue()``.
    package mutating func skipString() throws(JSONReadError) {
        skipWhitespace()
        guard position < input.count && input[position] == UInt8(ascii: "\"") else { return try skipValue() }
        _ = try scanString()
    }

    /// ``skipValueInBlocks()`` where the processor has the block scan's AVX2 kernel, ``skipValueInLocals()``
    /// elsewhere (the scan's other kernels cost more than the local skip: SSE2 measured +7 % a line).
    @inline(__always)
    mutating func skipContainerFast() throws(JSONReadError) -> Bool {
        fastPaths.blockScan ? skipValueInBlocks() : try skipValueInLocals()
    }

    /// ``skipValue()`` for values whose objects have at most ``localKeyLimit`` keys and that nest at most
    /// 63 levels: returns true after passing over a valid one, false (or throws) for any other, leaving
    /// `position` and the keys it remembered for the caller to reset.
    ///
    /// The containers it opens are bits of a word (1 for an object) rather than frames: no frame is
    /// written, and no key recorded for error paths, for each member. Each open object's keys are kept
    /// in `seenKeys` after a marker, a key whose `start` is where the enclosing object's keys start and
    /// whose negative `count` says where its unescaped keys start in `decodedKeyBytes` (-1 - that
    /// offset), so that a repeated key is found by comparing it with the object's keys; only a key whose
    /// filter bit (``keyFilterBit(of:)``) the object has seen is compared, as ``remember(_:in:at:)`` does.
    mutating func skipValueInLocals() throws(JSONReadError) -> Bool {
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { (filters) throws(JSONReadError) -> Bool in
            try skipValueInLocals(keyFilters: filters.baseAddress.unsafelyUnwrapped)
        }
    }

    /// ``skipValueInLocals()`` with room for the key filter of each open object, at its level.
    private mutating func skipValueInLocals(keyFilters: UnsafeMutablePointer<UInt64>) throws(JSONReadError) -> Bool {
        let count = input.count
        guard let base = input.baseAddress else { return false }
        let levels = Swift.min(63, limits.maxDepth &- frames.count)  // levels this value may open
        let keyLimit = Swift.min(Self.localKeyLimit, limits.maxKeysPerObject)
        var objects: UInt64 = 0  // bit n: whether the container at local level n is an object
        var depth = 0
        var keysStart = seenKeys.count  // the innermost open object's first key in `seenKeys`
        var index = position

        value: while true {
            index = Self.afterWhitespace(base, from: index, count: count)
            guard index < count else { return false }
            var byte = base[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < levels else { return false }
                index = Self.afterWhitespace(base, from: index &+ 1, count: count)
                guard index < count else { return false }
                let isObject = byte == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if base[index] == close {
                    index &+= 1  // empty: a complete value
                } else {
                    objects = isObject ? objects | 1 &<< UInt64(depth) : objects & ~(1 &<< UInt64(depth))
                    depth &+= 1
                    guard isObject else { continue value }
                    openLocalObject(keysStart: &keysStart, keyFilter: &keyFilters[depth &- 1])
                    guard try skipKeyInLocals(at: &index, keysStart: keysStart, keyLimit: keyLimit,
                                              filter: &keyFilters[depth &- 1]) else { return false }
                    continue value
                }
            case UInt8(ascii: "\""):
                position = index
                _ = try scanString()
                index = position
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                position = index
                try skipNumber()
                index = position
            // The literals one by one, not through `readScalar()` as the full reading does: that call cost
            // 1 % on lines with many nulls.
            case UInt8(ascii: "t"):
                position = index
                try consumeLiteral(0x74_72_75_65, length: 4)
                index = position
            case UInt8(ascii: "f"):
                position = index
                try consumeLiteral(0x66_61_6C_73_65, length: 5)
                index = position
            case UInt8(ascii: "n"):
                position = index
                try consumeLiteral(0x6E_75_6C_6C, length: 4)
                index = position
            default:
                return false
            }
            // A value is complete: on to the next member or element, closing the containers that end here.
            while depth > 0 {
                index = Self.afterWhitespace(base, from: index, count: count)
                guard index < count else { return false }
                byte = base[index]
                index &+= 1
                let isObject = objects &>> UInt64(depth &- 1) & 1 != 0
                if byte == UInt8(ascii: ",") {
                    if isObject {
                        index = Self.afterWhitespace(base, from: index, count: count)
                        guard try skipKeyInLocals(at: &index, keysStart: keysStart, keyLimit: keyLimit,
                                                  filter: &keyFilters[depth &- 1]) else { return false }
                    }
                    continue value
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                depth &-= 1
                if isObject { closeLocalObject(keysStart: &keysStart) }
            }
            position = index
            return true
        }
    }

    /// For ``skipValueInLocals()`` (the block skip keeps its keys in C, as two words): remembers where the
    /// enclosing object's keys start, in a marker, and starts the keys of an object that opens, with `keyFilter`
    /// (its level's, ``repeatsLocalKey(_:from:filter:)``) empty.
    @inline(__always)
    mutating func openLocalObject(keysStart: inout Int, keyFilter: inout UInt64) {
        seenKeys.append(KeyReference(start: keysStart, count: -1 &- decodedKeyBytes.count, isDecoded: false, isASCII: true))
        keysStart = seenKeys.count
        keyFilter = 0
    }

    /// For ``skipValueInLocals()``: forgets the keys of the object that closes, and goes back to the enclosing
    /// object's, from the marker ``openLocalObject(keysStart:)`` left.
    @inline(__always)
    mutating func closeLocalObject(keysStart: inout Int) {
        let marker = keysStart &- 1
        keysStart = seenKeys[marker].start
        decodedKeyBytes.truncate(to: -1 &- seenKeys[marker].count)
        seenKeys.truncate(to: marker)
    }

    /// For ``skipValueInLocals()``: whether `key` repeats one of the innermost object's keys, which start at
    /// `keysStart` in `seenKeys`. `filter` holds the object's key filter bits (``keyFilterBit(of:)``): a key
    /// whose bit is new is new, and only one whose bit was seen is compared with the object's keys. The
    /// key's bit is added to `filter`.
    @inline(__always)
    func repeatsLocalKey(_ key: KeyReference, from keysStart: Int, filter: inout UInt64) -> Bool {
        let bit = keyFilterBit(of: key)
        defer { filter |= bit }
        return filter & bit != 0 && isRepeated(key, amongKeysFrom: keysStart)
    }

    /// The most keys an object may have for the fast skip paths, which compare a key whose filter bit the
    /// object has seen with all the object's earlier keys.
    static let localKeyLimit = 16

    /// For ``skipValueInLocals()``: reads the key at `index` and the colon after it, and remembers the key
    /// among the innermost object's, whose keys start at `keysStart` in `seenKeys`. False for a key it
    /// leaves to the full reading: the object's key past `keyLimit`, or a repeated one. `filter` is the
    /// object's key filter (``repeatsLocalKey(_:from:filter:)``).
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    mutating func skipKeyInLocals(at index: inout Int, keysStart: Int, keyLimit: Int,
                                  filter: inout UInt64) throws(JSONReadError) -> Bool {
        guard index < input.count, input[index] == UInt8(ascii: "\"") else { return false }
        position = index
        let token = try scanString()
        index = position
        guard seenKeys.count &- keysStart < keyLimit else { return false }
        let key = token.hasEscapes
            ? decodedKey(token)
            : KeyReference(start: token.start, count: token.end &- token.start, isDecoded: false, isASCII: token.isASCII)
        if repeatsLocalKey(key, from: keysStart, filter: &filter) { return false }
        seenKeys.append(key)
        // The colon, at once in compact JSON.
        if index >= input.count || input[index] != UInt8(ascii: ":") {
            index = Self.afterWhitespace(input.baseAddress.unsafelyUnwrapped, from: index, count: input.count)
            guard index < input.count, input[index] == UInt8(ascii: ":") else { return false }
        }
        index &+= 1
        return true
    }

    /// ``skipValue()`` with a frame for each container, as ``readValue()`` reads: for any value, with the
    /// exact error for an invalid one.
    mutating func skipValueInFrames() throws(JSONReadError) {
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
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    mutating func readScalar() throws(JSONReadError) -> JSONValue {
        switch input[position] {
        case UInt8(ascii: "\""):
            return .string(try readStringValue())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let part = plainIntegerPart() {
                if let integer = plainInteger(part) { return .int(integer) }
                if let fraction = plainFraction(after: part) { return .double(fraction) }
            }
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
