internal import CJSONBlocks

/// A strict pull reader over JSON text in UTF-8 (RFC 8259, with I-JSON's stricter rules: RFC 7493).
///
/// Generated decoders walk a document with it without building a tree:
///
/// ```swift
/// try reader.beginObject()
/// while let key = try reader.nextKey() {
///     if key.matches("step") { step = try reader.readString() }
///     else { try reader.skipValue() }
/// }
/// try reader.expectEnd()
/// ```
///
/// Everything it passes over is validated, skipped values included: UTF-8, escapes, surrogates,
/// number ranges, duplicate keys, depth and the ``JSONReaderLimits``. Nesting is tracked on an
/// explicit stack, never by recursion, so hostile depth produces ``JSONErrorCategory/tooDeep``.
///
/// The reader does not own its input: the buffer must outlive the reader and every ``JSONKey`` it
/// returns. ``withReader(reading:limits:_:)`` arranges that. It is non-copyable so its position and
/// stack are never duplicated by accident, and so access to them needs no runtime exclusivity checks.
public struct JSONReader: ~Copyable {
    /// The limits this reader enforces.
    public let limits: JSONReaderLimits
    /// Set once, or by ``restart(reading:)`` for each input of a reader that reads many.
    @usableFromInline var input: UnsafeBufferPointer<UInt8>
    /// The fast paths this process can take, copied from ``FastPaths/current`` once a reader.
    let fastPaths = FastPaths.current
    /// The offset of the next byte to read.
    @usableFromInline var position: Int = 0
    /// Where the key ``nextKey()`` returned last starts (its opening quote), for ``duplicateKeyError()``.
    @usableFromInline var lastKeyOffset: Int = 0
    /// One entry per open array or object, innermost last.
    // Records nest a few levels and have a few dozen keys: the stacks start at that size, not by doubling.
    @usableFromInline var frames = MoveStack<Frame>(initialCapacity: 8)
    /// The keys seen so far in each open object with few keys; `Frame.keysStart` marks each one's first.
    var seenKeys = MoveStack<KeyReference>(initialCapacity: 32)
    /// The unescaped bytes of keys that have escapes, for the open objects.
    var decodedKeyBytes = MoveStack<UInt8>(initialCapacity: 256)
    /// Sets of keys for open objects with many keys; `Frame.keySetIndex` says which is whose.
    var keySets: [Set<JSONKeyBytes>] = []

    /// An open array or object. It holds no references, so pushing and popping frames costs no
    /// reference counting.
    @usableFromInline
    struct Frame {
        @usableFromInline var isObject: Bool
        /// Elements or members started so far; the one being read is `count - 1`.
        @usableFromInline var count: Int = 0
        var keysStart: Int
        var decodedKeyBytesStart: Int
        /// The key of the member being read, for error paths.
        @usableFromInline var currentKey: KeyReference? = nil
        /// The index in `keySets` of this object's set, once it has too many keys for a linear scan.
        var keySetIndex: Int = -1
        /// One bit per key seen in this object (``keyFilterBit(of:)``): a key whose bit is clear is new,
        /// so the linear scan runs only for keys that share a bit with an earlier one.
        var keyFilter: UInt64 = 0
        /// False when the caller finds this object's duplicate keys itself (``beginObject(callerChecksDuplicateKeys:)``).
        @usableFromInline var checksDuplicateKeys = true
        /// Where ``readValue()`` keeps this container's elements or members on its stack.
        var valuesStart = 0
    }

    /// The fast paths the processor and the standard library allow, found once a process. Each reader
    /// keeps a copy: reading a `static let` costs a `swift_once` check, and a line has a dozen strings.
    struct FastPaths {
        /// Whether short strings are built in the standard library's small form (``SmallStringForm``).
        var smallStrings: Bool
        /// Whether ``scanStringInFull()`` starts with `ec_string_end` (CJSONBlocks), which needs AVX2.
        var stringEnd: Bool
        /// Whether the processor has the block scan's AVX2 kernel (`ec_scan_block_avx2`), for ``skipContainerFast()``.
        var blockScan: Bool

        static let current = FastPaths(smallStrings: SmallStringForm.isAvailable, stringEnd: ec_string_end_is_available() != 0,
                                       blockScan: ec_best_scan_kernel() != 0)
    }

    /// Where a key's unescaped bytes are: in the input, or in `decodedKeyBytes` when it has escapes.
    @usableFromInline
    struct KeyReference {
        @usableFromInline var start: Int
        @usableFromInline var count: Int
        @usableFromInline var isDecoded: Bool
        /// Whether the unescaped key is ASCII.
        @usableFromInline var isASCII: Bool

        @inlinable
        init(start: Int, count: Int, isDecoded: Bool, isASCII: Bool) {
            self.start = start
            self.count = count
            self.isDecoded = isDecoded
            self.isASCII = isASCII
        }
    }

    /// Objects with up to this many keys find duplicates by a linear scan; larger ones use a set.
    static let linearKeyScanLimit = 16

    /// A reader over `input`, which must stay valid and unchanged while the reader is used.
    ///
    /// Throws when the input is longer than `limits.maxInputLength` or starts with a byte-order mark.
    public init(unsafeBuffer input: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits = .init()) throws(JSONReadError) {
        self.input = input
        self.limits = limits
        if let (category, message, offset) = Self.startError(of: input, limits: limits) {
            throw makeError(category, message, at: offset)
        }
    }

    /// Why a reader refuses `input` before reading it: longer than `limits.maxInputLength`, or starting with
    /// a byte-order mark.
    @inline(__always)
    static func startError(of input: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits)
        -> (JSONErrorCategory, String, at: Int)? {
        if input.count > limits.maxInputLength {
            return (.tooLong, "the input is \(Plural.counted(input.count, "byte")), more than the limit of \(limits.maxInputLength)",
                    limits.maxInputLength)
        }
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            return (.byteOrderMark, "the input starts with a UTF-8 byte-order mark (EF BB BF), which JSON text must not have", 0)
        }
        if input.count >= 2, (input[0] == 0xFE && input[1] == 0xFF) || (input[0] == 0xFF && input[1] == 0xFE) {
            return (.byteOrderMark, "the input starts with a UTF-16 byte-order mark; JSON text must be UTF-8", 0)
        }
        return nil
    }

    /// A reader over raw bytes, which must stay valid and unchanged while the reader is used.
    public init(unsafeBytes input: UnsafeRawBufferPointer, limits: JSONReaderLimits = .init()) throws(JSONReadError) {
        try self.init(unsafeBuffer: input.assumingMemoryBound(to: UInt8.self), limits: limits)
    }

    /// A reader over no input yet, for ``withReusableReader(limits:_:)``, its stacks starting in the storage given.
    @usableFromInline
    init(limits: JSONReaderLimits, frameStorage: UnsafeMutableBufferPointer<Frame>, keyStorage: UnsafeMutableBufferPointer<KeyReference>) {
        input = UnsafeBufferPointer(start: nil, count: 0)
        self.limits = limits
        frames = MoveStack(startingIn: frameStorage)
        seenKeys = MoveStack(startingIn: keyStorage)
    }

    /// Calls `body` with a reader over no input, for reading many inputs one after another with
    /// ``restart(reading:)``: its set-up (the stacks in this thread's stack memory, as
    /// ``withReader(unsafeBuffer:limits:_:)`` places them, and its state) is paid once, not once an input.
    @inlinable
    package static func withReusableReader<Result, Failure: Error>(
        limits: JSONReaderLimits, _ body: (inout JSONReader) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withStackStorage { (frames, keys) throws(Failure) in
            var reader = JSONReader(limits: limits, frameStorage: frames, keyStorage: keys)
            return try body(&reader)
        }
    }

    /// Makes this reader read `input` from its start, as a new reader with the same limits would: whatever
    /// the input before left (open containers after an error, keys, a position) is forgotten, and the memory
    /// its stacks took is kept. `input` must stay valid and unchanged while it is read.
    ///
    /// Throws as ``init(unsafeBuffer:limits:)`` does.
    package mutating func restart(reading input: UnsafeBufferPointer<UInt8>) throws(JSONReadError) {
        self.input = input
        position = 0
        lastKeyOffset = 0
        frames.truncate(to: 0)
        seenKeys.truncate(to: 0)
        decodedKeyBytes.truncate(to: 0)
        if !keySets.isEmpty { keySets.removeAll(keepingCapacity: true) }
        if let (category, message, offset) = Self.startError(of: input, limits: limits) {
            throw makeError(category, message, at: offset)
        }
    }

    /// ``init(unsafeBuffer:limits:)`` with the stacks of open containers and of their keys starting in
    /// `frameStorage` and `keyStorage`, which must outlive the reader (see ``withReader(unsafeBuffer:limits:_:)``).
    @usableFromInline
    init(unsafeBuffer input: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits,
         frameStorage: UnsafeMutableBufferPointer<Frame>, keyStorage: UnsafeMutableBufferPointer<KeyReference>) throws(JSONReadError) {
        try self.init(unsafeBuffer: input, limits: limits)
        frames = MoveStack(startingIn: frameStorage)
        seenKeys = MoveStack(startingIn: keyStorage)
    }

    /// Calls `body` with a reader over `input`, valid for the duration of the call, whose stacks of open
    /// containers and keys start in stack memory: a record that nests a few levels and has a few dozen
    /// keys is read without allocating for them.
    @inlinable
    public static func withReader<Result>(
        unsafeBuffer input: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits = .init(),
        _ body: (inout JSONReader) throws -> Result
    ) throws -> Result {
        try withStackStorage { (frames, keys) throws in
            var reader = try JSONReader(unsafeBuffer: input, limits: limits, frameStorage: frames, keyStorage: keys)
            return try body(&reader)
        }
    }

    /// Calls `body` with room in this thread's stack for the first 8 open containers and 32 keys of a
    /// reader: for ``withReader(unsafeBuffer:limits:_:)``, and for readers whose errors are typed.
    @inlinable
    static func withStackStorage<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<Frame>, UnsafeMutableBufferPointer<KeyReference>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeTemporaryAllocation(of: Frame.self, capacity: 8) { (frames) throws(Failure) in
            try withUnsafeTemporaryAllocation(of: KeyReference.self, capacity: 32) { (keys) throws(Failure) in
                try body(frames, keys)
            }
        }
    }

    /// Calls `body` with a reader over `bytes`, valid for the duration of the call.
    ///
    /// Errors from the reader are ``JSONReadError``; `body` may throw its own.
    @inlinable
    public static func withReader<Bytes: Collection<UInt8>, Result>(
        reading bytes: Bytes, limits: JSONReaderLimits = .init(), _ body: (inout JSONReader) throws -> Result
    ) throws -> Result {
        if let result = try bytes.withContiguousStorageIfAvailable({ buffer in
            try withReader(unsafeBuffer: buffer, limits: limits, body)
        }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { buffer in
            try withReader(unsafeBuffer: buffer, limits: limits, body)
        }
    }

    /// The offset of the next byte the reader will look at, counting from 0.
    public var offset: Int { position }

    /// How many arrays and objects are open.
    public var depth: Int { frames.count }

    // MARK: Whitespace and structure

    // Inlinable with what it uses, as are `peekKind()` and `readNullIfPresent()`: generated decoders call those
    // once or twice a field, and a call to them cost more than their work.
    @inlinable @inline(__always)
    mutating func skipWhitespace() {
        // Not through `afterWhitespace`: assigning `position` on every call, whitespace or not, cost 1-3 %
        // of every reading.
        while position < input.count && Self.isWhitespace(input[position]) {
            position &+= 1
        }
    }

    /// The offset of the first byte at or after `index` that is not JSON whitespace (`count` when none is),
    /// for readings that keep their position in a local variable.
    @inlinable @inline(__always)
    static func afterWhitespace(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
        var index = index
        while index < count && isWhitespace(base[index]) {
            index &+= 1
        }
        return index
    }

    /// Whether `byte` is JSON whitespace: space, line feed, carriage return or tab.
    @inlinable @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        // Most calls find a token at once, and every token starts above 0x20: one comparison for them.
        byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09)
    }

    /// The kind of the next value, without consuming it.
    @inlinable @inline(__always)
    public mutating func peekKind() throws(JSONReadError) -> JSONValueKind {
        skipWhitespace()
        if position < input.count, let kind = Self.kind(startingWith: input[position]) { return kind }
        throw unexpected(expected: "a value")
    }

    // In line: callers test the kind it gives against one they expect, which folds most of the switch away; as a
    // call (the compiler kept it one) it cost each field of each record.
    @inlinable @inline(__always)
    static func kind(startingWith byte: UInt8) -> JSONValueKind? {
        switch byte {
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: nil
        }
    }

    /// Consumes the `{` that opens an object; read its members with ``nextKey()``.
    public mutating func beginObject() throws(JSONReadError) {
        try beginObject(callerChecksDuplicateKeys: false)
    }

    /// ``beginObject()`` for a caller that may find this object's duplicate keys itself, as a decoder
    /// that refuses every key but its fields can, with one flag per field: then the reader does not
    /// remember the object's keys (nested objects are still checked). On a repeated key the caller
    /// throws ``duplicateKeyError()``, which is the error the reader would have thrown.
    public mutating func beginObject(callerChecksDuplicateKeys: Bool) throws(JSONReadError) {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "{") else { throw mismatch(expected: "an object") }
        // The frame made with its flag: set after the push, through the stack's checked subscript, it cost each
        // model of each record a second write of the frame's flag and an index check.
        try push(isObject: true, checksDuplicateKeys: !callerChecksDuplicateKeys)
    }

    /// The ``JSONErrorCategory/duplicateKey`` error for the key ``nextKey()`` just returned, for objects
    /// opened with `beginObject(callerChecksDuplicateKeys: true)`.
    public func duplicateKeyError() -> JSONReadError {
        guard let top = frames.count > 0 ? frames[frames.count - 1] : nil, let key = top.currentKey else {
            return makeError(.duplicateKey, "a key appears more than once in this object", at: lastKeyOffset)
        }
        return duplicate(key, at: lastKeyOffset)
    }

    /// Consumes the `[` that opens an array; read its elements with ``nextElement()``.
    public mutating func beginArray() throws(JSONReadError) {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "[") else { throw mismatch(expected: "an array") }
        try push(isObject: false)
    }

    @inline(__always)
    mutating func push(isObject: Bool, checksDuplicateKeys: Bool = true) throws(JSONReadError) {
        if frames.count >= limits.maxDepth {
            throw makeError(.tooDeep, "arrays and objects nest more than \(Plural.counted(limits.maxDepth, "level")) deep", at: position)
        }
        position &+= 1
        frames.append(Frame(isObject: isObject, keysStart: seenKeys.count, decodedKeyBytesStart: decodedKeyBytes.count,
                            checksDuplicateKeys: checksDuplicateKeys))
    }

    @inline(__always)
    mutating func pop() {
        let frame = frames.removeLast()
        guard frame.isObject else { return }
        seenKeys.truncate(to: frame.keysStart)
        decodedKeyBytes.truncate(to: frame.decodedKeyBytesStart)
        if frame.keySetIndex >= 0 {
            keySets.removeLast()
        }
    }

    /// The next key of the innermost object, positioned at its value, or nil after consuming the `}`.
    ///
    /// Throws ``JSONErrorCategory/duplicateKey`` when the object already had the key. Keys are
    /// compared after unescaping and without Unicode normalization.
    public mutating func nextKey() throws(JSONReadError) -> JSONKey? {
        guard let key = try nextKeyReference() else { return nil }
        return JSONKey(storage: ownedBytes(of: key))
    }

    /// The next key of the innermost object as its index in `table`, positioned at its value: -1 for a
    /// key that is not in the table, nil after consuming the `}`. `expected`, the index the caller expects
    /// (the field after the last one, for keys in schema order), is tried first.
    ///
    /// Checks what ``nextKey()`` checks, without making a ``JSONKey``: the key is found by its unescaped
    /// bytes. ``currentKey`` gives it as a `String`, for a message about an unknown key.
    // In line, its common case (``expectedKeyIndex(in:expected:)``) with it: a call for each field of each record
    // cost more than that case's work.
    @inlinable @inline(__always)
    public mutating func nextKeyIndex(in table: UTF8Table, expected: Int = 0) throws(JSONReadError) -> Int? {
        if let index = expectedKeyIndex(in: table, expected: expected) { return index }
        return try nextKeyIndexInFull(in: table, expected: expected)
    }

    /// ``nextKeyIndex(in:expected:)`` for its common case, or nil with nothing read: the key expected, written as its
    /// own bytes within 16 (``UTF8Table/QuotedPattern``), after the comma (or first in its object) and followed at once
    /// by its colon, in an object whose repeated keys the caller finds (``beginObject(callerChecksDuplicateKeys:)``,
    /// as model decoders do with a flag per field). The reader is left as ``nextKeyIndexInFull(in:expected:)`` would
    /// leave it; every other case (the object's end, another key, whitespace before the colon, an error) is its.
    @inlinable @inline(__always)
    mutating func expectedKeyIndex(in table: UTF8Table, expected: Int) -> Int? {
        guard let pattern = table.quotedPattern(at: expected), let frame = frames.lastPointer,
              frame.pointee.isObject && !frame.pointee.checksDuplicateKeys,
              frame.pointee.count < limits.maxKeysPerObject, let base = input.baseAddress else {
            return nil
        }
        let count = input.count
        var at = Self.afterWhitespace(base, from: position, count: count)
        if frame.pointee.count > 0 {
            guard at < count && base[at] == UInt8(ascii: ",") else { return nil }
            at = Self.afterWhitespace(base, from: at &+ 1, count: count)
        }
        // The pattern holds the key's quotes; its colon follows the closing one.
        let colon = at &+ pattern.count &+ 2
        guard colon < count && base[colon] == UInt8(ascii: ":"), let key = quotedKey(pattern, at: at) else { return nil }
        frame.pointee.count &+= 1
        frame.pointee.currentKey = key
        lastKeyOffset = at
        position = colon &+ 1
        return expected
    }

    /// ``nextKeyIndex(in:expected:)`` for any key: out of line.
    @usableFromInline
    mutating func nextKeyIndexInFull(in table: UTF8Table, expected: Int) throws(JSONReadError) -> Int? {
        // The key expected is compared with the input first: when it is there, written as itself, it is neither
        // scanned nor looked up.
        var matched = false
        guard let key = try nextKeyReference(PlainKeys.self, expecting: table.quotedPattern(at: expected), matched: &matched) else {
            return nil
        }
        if matched { return expected }
        let bytes: UnsafePointer<UInt8>, readable: Int
        if key.isDecoded {
            bytes = UnsafePointer(decodedKeyBytes.pointer(at: key.start))
            readable = decodedKeyBytes.capacity &- key.start  // the room after the bytes is allocated
        } else {
            bytes = input.baseAddress.unsafelyUnwrapped + key.start  // a key was read: the input is not empty
            readable = input.count &- key.start
        }
        let head = UTF8Table.head(of: bytes, count: key.count, readable: readable)
        return table.index(head: head, bytes: bytes, count: key.count, from: expected) ?? -1
    }

    /// The key of the member being read in the innermost object (the one ``nextKey()`` or
    /// ``nextKeyIndex(in:expected:)`` returned last), unescaped; nil outside an object or before its first key.
    public var currentKey: String? {
        guard let top = frames.count > 0 ? frames[frames.count &- 1] : nil, top.isObject, let key = top.currentKey else {
            return nil
        }
        return string(of: key)
    }

    /// ``nextKey()`` without wrapping the key, for ``skipValue()`` and ``readValue()``.
    @inline(__always)
    mutating func nextKeyReference() throws(JSONReadError) -> KeyReference? {
        try nextKeyReference(PlainKeys.self)
    }

    /// ``nextKeyReference()`` with the key read as `Keys` says: ``TreeKeys`` for the tree reading, which
    /// reads the short Chinese keys `json.dumps` writes at once; the others would only pay for looking.
    @inline(__always)
    mutating func nextKeyReference<Keys: KeyScanning>(_ keys: Keys.Type) throws(JSONReadError) -> KeyReference? {
        var matched = false
        return try nextKeyReference(keys, expecting: nil, matched: &matched)
    }

    /// ``nextKeyReference(_:)`` that first compares the key with `pattern`, the key the caller expects: `matched`
    /// says whether it was that key, found without scanning it (the pattern holds its closing quote, and its bytes
    /// need no escapes, so they are the whole key).
    @inline(__always)
    mutating func nextKeyReference<Keys: KeyScanning>(_ keys: Keys.Type, expecting pattern: UTF8Table.QuotedPattern?,
                                                      matched: inout Bool) throws(JSONReadError) -> KeyReference? {
        // The frame through one pointer, checked once: each `frames[top]` would check its index again.
        guard let frame = frames.lastPointer, frame.pointee.isObject else {
            preconditionFailure("JSONReader.nextKey() called outside an object")
        }
        skipWhitespace()
        guard position < input.count else {
            throw unexpected(expected: frame.pointee.count == 0 ? "a key or '}'" : "',' or '}'")
        }
        var byte = input[position]
        if byte == UInt8(ascii: "}") {
            position &+= 1
            pop()
            return nil
        }
        if frame.pointee.count > 0 {
            guard byte == UInt8(ascii: ",") else { throw unexpected(expected: "',' or '}' after an object member") }
            position &+= 1
            skipWhitespace()
            guard position < input.count else { throw unexpected(expected: "a key") }
            byte = input[position]
            if byte == UInt8(ascii: "}") {
                throw makeError(.malformedJSON, "trailing comma before '}'", at: position)
            }
        }
        guard byte == UInt8(ascii: "\"") else { throw unexpected(expected: "a key in double quotes") }
        if frame.pointee.count >= limits.maxKeysPerObject {
            frame.pointee.currentKey = nil  // The error is about the object, not its last member.
            throw makeError(.tooLong, "the object has more than \(Plural.counted(limits.maxKeysPerObject, "key"))", at: position)
        }
        let keyOffset = position
        let key: KeyReference
        if let pattern, let found = keyMatching(pattern) {
            key = found
            matched = true
        } else {
            key = try scanKey(Keys.self)
        }
        frame.pointee.count &+= 1
        frame.pointee.currentKey = key
        lastKeyOffset = keyOffset
        if frame.pointee.checksDuplicateKeys {
            try remember(key, in: frame, at: keyOffset)
        }
        // Most keys are followed by the colon at once (compact JSON): one test for them.
        if position >= input.count || input[position] != UInt8(ascii: ":") {
            skipWhitespace()
            guard position < input.count, input[position] == UInt8(ascii: ":") else {
                throw unexpected(expected: "':' after the key")
            }
        }
        position &+= 1
        return key
    }

    /// The key whose opening quote is at `position` when it is the one `pattern` holds (within the limit on
    /// strings' length), positioned after its closing quote; nil, and the position unchanged, otherwise.
    @inline(__always)
    mutating func keyMatching(_ pattern: UTF8Table.QuotedPattern) -> KeyReference? {
        guard let key = quotedKey(pattern, at: position) else { return nil }
        position = key.start &+ key.count &+ 1
        return key
    }

    /// The key `pattern` holds when the input has it, quotes included, from `offset` (its opening quote) and it is
    /// within the limit on strings; nil otherwise. Reads 16 bytes, only where 16 remain; changes nothing.
    @inlinable @inline(__always)
    func quotedKey(_ pattern: UTF8Table.QuotedPattern, at offset: Int) -> KeyReference? {
        guard offset &+ 16 <= input.count, pattern.count <= limits.maxStringLength,
              pattern.matches(UTF8Table.QuotedPattern.words(at: input.baseAddress.unsafelyUnwrapped + offset)) else {
            return nil
        }
        return KeyReference(start: offset &+ 1, count: pattern.count, isDecoded: false, isASCII: pattern.isASCII)
    }

    /// Records `key` as seen in the innermost object, `frame` (a pointer into `frames`), throwing when it was
    /// seen before.
    ///
    /// In line: a key whose filter bit is new in an object with few keys is simply added. A key that may
    /// repeat one, or an object with many keys, goes to ``rememberComparing(_:inFrame:at:bit:)``.
    @inline(__always)
    mutating func remember(_ key: KeyReference, in frame: UnsafeMutablePointer<Frame>, at keyOffset: Int) throws(JSONReadError) {
        let bit = keyFilterBit(of: key)
        let filter = frame.pointee.keyFilter
        if filter & bit == 0 && frame.pointee.keySetIndex < 0
            && seenKeys.count &- frame.pointee.keysStart < Self.linearKeyScanLimit {
            frame.pointee.keyFilter = filter | bit
            seenKeys.append(key)
            return
        }
        // By index, not `frame`: passing the pointer on to this out-of-line call made `validate`'s key reading
        // 0.2 % dearer on escaped and raw lines (measured with count-instructions.sh).
        try rememberComparing(key, inFrame: frames.count &- 1, at: keyOffset, bit: bit)
    }

    /// ``remember(_:in:at:)`` for a key that may repeat one of the object's (its filter `bit` is set)
    /// or an object with too many keys for a linear scan, which keeps them in a set.
    @inline(never)
    mutating func rememberComparing(_ key: KeyReference, inFrame frameIndex: Int, at keyOffset: Int,
                                    bit: UInt64) throws(JSONReadError) {
        let setIndex = frames[frameIndex].keySetIndex
        if setIndex >= 0 {
            if !keySets[setIndex].insert(ownedBytes(of: key)).inserted {
                throw duplicate(key, at: keyOffset)
            }
            return
        }
        let start = frames[frameIndex].keysStart
        let end = seenKeys.count
        if frames[frameIndex].keyFilter & bit != 0 && isRepeated(key, amongKeysFrom: start) {
            throw duplicate(key, at: keyOffset)
        }
        frames[frameIndex].keyFilter |= bit
        if end - start < Self.linearKeyScanLimit {
            seenKeys.append(key)
        } else {
            var set = Set<JSONKeyBytes>(minimumCapacity: 2 * Self.linearKeyScanLimit)
            for index in start..<end { set.insert(ownedBytes(of: seenKeys[index])) }
            set.insert(ownedBytes(of: key))
            frames[frameIndex].keySetIndex = keySets.count
            keySets.append(set)
        }
    }

    /// Whether `key` (read last, not yet remembered) repeats one of the keys in `seenKeys` from `start` to
    /// the top, compared after unescaping: one pass over them; lengths differ for most pairs, so few bytes
    /// are compared.
    @inline(__always)
    func isRepeated(_ key: KeyReference, amongKeysFrom start: Int) -> Bool {
        let seen = seenKeys.pointer(at: 0)
        let decoded = decodedKeyBytes.elements  // empty (no address) unless a key had escapes
        let inputBase = input.baseAddress.unsafelyUnwrapped  // a key was read, so the input is not empty
        let keyBytes = (key.isDecoded ? decoded.baseAddress.unsafelyUnwrapped : inputBase) + key.start
        for index in start..<seenKeys.count where seen[index].count == key.count {
            let other = seen[index]
            let otherBytes = (other.isDecoded ? decoded.baseAddress.unsafelyUnwrapped : inputBase) + other.start
            if memoryEqual(otherBytes, keyBytes, key.count) { return true }
        }
        return false
    }

    /// The bit of a key in `Frame.keyFilter`, from its length and its first and last bytes (which tell
    /// apart most keys of the same length, like `min` and `max`).
    @inline(__always)
    func keyFilterBit(of key: KeyReference) -> UInt64 {
        guard key.count > 0 else { return 1 }
        let first: UInt8, last: UInt8
        if key.isDecoded {
            first = decodedKeyBytes[key.start]
            last = decodedKeyBytes[key.start &+ key.count &- 1]
        } else {
            first = input[key.start]
            last = input[key.start &+ key.count &- 1]
        }
        let mixed = (UInt64(truncatingIfNeeded: key.count) | UInt64(first) &<< 16 | UInt64(last) &<< 24) &* 0x9E37_79B9_7F4A_7C15
        return 1 &<< (mixed &>> 58)
    }

    /// The unescaped bytes of `key`, given the bytes of `decodedKeyBytes`.
    @inline(__always)
    func span(of key: KeyReference, decoded: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: (key.isDecoded ? decoded : input)[key.start..<key.start &+ key.count])
    }

    /// The bytes of a key in a form that stays valid: a span of the input, or a copy.
    @inline(__always)
    func ownedBytes(of key: KeyReference) -> JSONKeyBytes {
        key.isDecoded
            ? .decoded(Array(UnsafeBufferPointer(rebasing: decodedKeyBytes.elements[key.start..<key.start + key.count])))
            : .input(UnsafeBufferPointer(rebasing: input[key.start..<key.start + key.count]))
    }

    /// The key as a `String`, for messages and paths.
    @inline(__always)
    func string(of key: KeyReference) -> String {
        if !key.isDecoded {
            return Self.makeString(validatedUTF8: UnsafeBufferPointer(rebasing: input[key.start..<key.start &+ key.count]),
                                   isASCII: key.isASCII, in: input, smallForm: fastPaths.smallStrings)
        }
        // The room after the stack's bytes is read, not used: a short key's bytes are loaded as two words rather
        // than copied. Each decoded key has 16 bytes allocated from its start at least: ``decodedKey(_:)`` reserves
        // `EC_UNESCAPE_SLACK` bytes past the key, ``cjkKey(at:)`` ``cjkRoom`` bytes for it.
        return Self.makeString(validatedUTF8: span(of: key, decoded: decodedKeyBytes.elements), isASCII: key.isASCII,
                               in: decodedKeyBytes.elementsAndRoom, smallForm: fastPaths.smallStrings)
    }

    @inline(never)
    func duplicate(_ key: KeyReference, at keyOffset: Int) -> JSONReadError {
        makeError(.duplicateKey, "the key \(JSONPathRendering.quoted(string(of: key))) appears more than once in this object",
                  at: keyOffset)
    }

    /// Whether the innermost array has another element, positioned at it; false after consuming the `]`.
    // In line: the tree reading calls it for every element of every array.
    @inline(__always)
    public mutating func nextElement() throws(JSONReadError) -> Bool {
        let top = frames.count - 1
        precondition(top >= 0 && !frames[top].isObject, "JSONReader.nextElement() called outside an array")
        skipWhitespace()
        guard position < input.count else {
            throw unexpected(expected: frames[top].count == 0 ? "a value or ']'" : "',' or ']'")
        }
        let byte = input[position]
        if byte == UInt8(ascii: "]") {
            position &+= 1
            pop()
            return false
        }
        if frames[top].count > 0 {
            guard byte == UInt8(ascii: ",") else { throw unexpected(expected: "',' or ']' after an array element") }
            position &+= 1
            skipWhitespace()
            if position < input.count, input[position] == UInt8(ascii: "]") {
                throw makeError(.malformedJSON, "trailing comma before ']'", at: position)
            }
        }
        frames[top].count &+= 1
        return true
    }

    /// Checks that only whitespace follows the top-level value.
    public mutating func expectEnd() throws(JSONReadError) {
        precondition(frames.isEmpty, "JSONReader.expectEnd() called inside an array or object")
        skipWhitespace()
        if position < input.count {
            throw makeError(.trailingData, "unexpected \(describeByte(at: position)) after the top-level value", at: position)
        }
    }

    // MARK: Scalars

    /// Reads a string, unescaped.
    public mutating func readString() throws(JSONReadError) -> String {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "\"") else { throw mismatch(expected: "a string") }
        let token = try scanString()
        return makeString(token)
    }

    /// Reads a string and calls `body` with its unescaped UTF-8 bytes, without making a `String`: for
    /// matching against known values (enum wire values, for example) on the hot path.
    ///
    /// The bytes are valid only during the call. (Not generic, so a caller in another module makes a
    /// direct call rather than going through the unspecialized generic entry point.)
    public mutating func withStringBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(JSONReadError) {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "\"") else { throw mismatch(expected: "a string") }
        let token = try scanString()
        if !token.hasEscapes {
            body(UnsafeBufferPointer(rebasing: input[token.start..<token.end]))
            return
        }
        let input = self.input
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.unescapeRoom(token)) { buffer in
            let count = Self.unescape(token, in: input, into: buffer)
            body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Reads a string, checked as ``withStringBytes(_:)`` checks it, and finds it in `table` by its unescaped bytes:
    /// the index of the entry that holds them, or nil after calling `unmatched` with them when no entry does.
    ///
    /// For values of an enumeration: in a table of at most ``UTF8Table/quotedIndexLimit`` strings, each string JSON
    /// writes as itself within 16 bytes is first compared, quotes included, with the input (no scan); any other
    /// unescaped string is looked up where it lies, its first eight bytes read at once, without the closure call and
    /// the byte-by-byte read of a short string that ``withStringBytes(_:)`` and ``UTF8Table/index(of:)`` cost.
    package mutating func readStringIndex(in table: UTF8Table,
                                          unmatched: (UnsafeBufferPointer<UInt8>) -> Void) throws(JSONReadError) -> Int? {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "\"") else { throw mismatch(expected: "a string") }
        // One of the table's strings written as itself, found without scanning it.
        if position &+ 16 <= input.count, let found = table.quotedIndex(at: input.baseAddress.unsafelyUnwrapped + position,
                                                                         maxLength: limits.maxStringLength) {
            position &+= found.count &+ 2
            return found.index
        }
        let token = try scanString()
        if !token.hasEscapes {
            let count = token.end &- token.start
            let bytes = input.baseAddress.unsafelyUnwrapped + token.start  // a string was read: the input is not empty
            // The closing quote follows the bytes, so at least `count + 1` are readable.
            let head = UTF8Table.head(of: bytes, count: count, readable: input.count &- token.start)
            if let index = table.index(head: head, bytes: bytes, count: count, from: 0) { return index }
            unmatched(UnsafeBufferPointer(start: bytes, count: count))
            return nil
        }
        let input = self.input
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.unescapeRoom(token)) { buffer in
            let text = UnsafeBufferPointer(rebasing: buffer[0..<Self.unescape(token, in: input, into: buffer)])
            if let index = table.index(of: text) { return index }
            unmatched(text)
            return nil
        }
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard position < input.count else { throw unexpected(expected: "true or false") }
        switch input[position] {
        case UInt8(ascii: "t"):
            try consumeLiteral(0x74_72_75_65, length: 4)
            return true
        case UInt8(ascii: "f"):
            try consumeLiteral(0x66_61_6C_73_65, length: 5)
            return false
        default:
            throw mismatch(expected: "true or false")
        }
    }

    /// Consumes `null` and returns true if the next value is null; otherwise consumes nothing.
    @inlinable @inline(__always)
    public mutating func readNullIfPresent() throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "n") else { return false }
        try consumeNull()
        return true
    }

    /// Consumes the `null` that starts at `position`, or throws: out of line, for ``readNullIfPresent()``.
    @usableFromInline
    mutating func consumeNull() throws(JSONReadError) {
        try consumeLiteral(0x6E_75_6C_6C, length: 4)
    }

    /// Reads an integer written without a fraction or exponent; `1.0` and `1e2` are type mismatches.
    public mutating func readInt64() throws(JSONReadError) -> Int64 {
        skipWhitespace()
        guard position < input.count, Self.kind(startingWith: input[position]) == .number else {
            throw mismatch(expected: "an integer")
        }
        if let integer = plainInteger() { return integer }
        let token = try scanNumber()
        guard token.isInteger else {
            throw makeError(.typeMismatch, "expected an integer, found \(text(token))", at: token.start)
        }
        guard let value = token.int64Value else {
            throw makeError(.numberOutOfRange, "the integer \(text(token)) does not fit in 64 bits", at: token.start)
        }
        return value
    }

    /// Reads any number as a double; throws ``JSONErrorCategory/numberOutOfRange`` when its magnitude
    /// overflows (underflow to zero is accepted).
    public mutating func readDouble() throws(JSONReadError) -> Double {
        skipWhitespace()
        guard position < input.count, Self.kind(startingWith: input[position]) == .number else {
            throw mismatch(expected: "a number")
        }
        if let value = plainDouble() { return value }
        let token = try scanNumber()
        return try doubleValue(token)
    }

    /// Consumes a literal whose bytes, most significant first, are `word`; `length` is at most 8.
    ///
    /// The literal must end there: `nullx` and `true1` are malformed at their first extra byte, like
    /// `nul` and `trux` at their first wrong one, rather than a literal followed by something else.
    @inline(__always)
    mutating func consumeLiteral(_ word: UInt64, length: Int) throws(JSONReadError) {
        let end = position &+ length
        if end <= input.count {
            var actual: UInt64 = 0
            for index in 0..<length { actual = actual << 8 | UInt64(input[position &+ index]) }
            if actual == word && (end == input.count || !Self.continuesToken(input[end])) {
                position = end
                return
            }
        }
        throw invalidLiteral(word, length: length)
    }

    /// Whether `byte` may not directly follow a number or literal because it would continue the token:
    /// a letter, digit, `_`, `.`, `+`, `-` or any byte of a non-ASCII character.
    @inline(__always)
    static func continuesToken(_ byte: UInt8) -> Bool {
        // Bit n of `low` is ASCII n (+ - . 0-9); bit n of `high` is ASCII 64 + n (A-Z _ a-z).
        let low: UInt64 = 0x03FF_6800_0000_0000
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        if byte < 64 { return low &>> UInt64(byte) & 1 != 0 }
        return byte >= 128 || high &>> UInt64(byte &- 64) & 1 != 0
    }
}
