/// An object key returned by ``JSONReader/nextKey()``, unescaped, without allocating a `String` when the
/// key has no escapes.
///
/// A key without escapes points into the reader's input, so it is valid only while that input is.
/// Generated decoders compare it against their field names with `matches(_:)`.
public struct JSONKey {
    @usableFromInline let storage: JSONKeyBytes

    @inlinable init(storage: JSONKeyBytes) {
        self.storage = storage
    }

    /// The key as a `String`.
    public var string: String {
        storage.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The key's length in UTF-8 bytes, after unescaping.
    public var utf8Count: Int { storage.count }

    /// Whether the key is exactly `literal`, byte for byte (no Unicode normalization).
    // Inlinable so generated decoders (another module) compare against their literals without a call.
    @inlinable
    public func matches(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { literalBytes in storage.withBytes { JSONKeyBytes.equal($0, literalBytes) } }
    }

    /// Whether the key's UTF-8 bytes are exactly `bytes`.
    @inlinable
    public func matches(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { other in storage.withBytes { JSONKeyBytes.equal($0, other) } }
    }

    /// Calls `body` with the key's unescaped UTF-8 bytes.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withBytes(body)
    }
}

/// A key's unescaped bytes: a span of the input when it has no escapes, a decoded copy otherwise.
///
/// Equality and hashing are by bytes, which is how duplicate keys are found.
@usableFromInline
enum JSONKeyBytes: Hashable {
    case input(UnsafeBufferPointer<UInt8>)
    case decoded([UInt8])

    @inlinable
    var count: Int {
        switch self {
        case .input(let span): span.count
        case .decoded(let bytes): bytes.count
        }
    }

    @inlinable @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch self {
        case .input(let span): try body(span)
        case .decoded(let bytes): try bytes.withUnsafeBufferPointer(body)
        }
    }

    @inlinable
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memoryEqual(pa, pb, a.count)
    }

    @usableFromInline
    static func == (lhs: JSONKeyBytes, rhs: JSONKeyBytes) -> Bool {
        lhs.withBytes { a in rhs.withBytes { b in equal(a, b) } }
    }

    @usableFromInline
    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Byte-wise equality of two runs of `count` bytes; keys are short, so a plain loop beats a libc call.
@inlinable @inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i &+ 8 <= count {
        let x = UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
        let y = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
        if x != y { return false }
        i &+= 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i &+= 1
    }
    return true
}
