/// A fixed list of distinct strings, such as a model's keys or an enumeration's wire values, found by
/// their UTF-8 bytes without making a `String` of the bytes looked up.
///
/// Each string's first 8 bytes are kept as one word (zero past its end) beside its length: a look-up
/// compares that word and the length with each entry, and only for a match compares the bytes past the
/// eighth, which most keys and values do not have. Strings are compared byte for byte, without Unicode
/// normalization.
public final class UTF8Table: @unchecked Sendable {
    // @unchecked: the storage is written once, in `init`, and only read afterwards.
    private struct Entry {
        var head: UInt64
        var length: Int
        /// Where the bytes past the eighth start in `tails`.
        var tailStart: Int
    }

    /// A string as it is written in JSON without escapes, quotes included, in two little-endian words with the masks
    /// of its bytes: for ``JSONReader/nextKeyIndex(in:expected:)``, which compares the key it expects with the input
    /// at once instead of scanning the key first, and ``quotedIndex(at:maxLength:)``.
    @usableFromInline
    struct QuotedPattern {
        @usableFromInline var low: UInt64, high: UInt64
        @usableFromInline var lowMask: UInt64, highMask: UInt64
        /// The string's length in bytes, quotes not included.
        @usableFromInline var count: Int
        @usableFromInline var isASCII: Bool

        /// The 16 bytes at `bytes` as two little-endian words, to compare with patterns.
        @inlinable @inline(__always)
        static func words(at bytes: UnsafeRawPointer) -> (low: UInt64, high: UInt64) {
            (UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)),
             UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }

        /// Whether the 16 bytes whose ``words(at:)`` are `words` begin with this string between quotes.
        @inlinable @inline(__always)
        func matches(_ words: (low: UInt64, high: UInt64)) -> Bool {
            (words.low ^ low) & lowMask | (words.high ^ high) & highMask == 0
        }
    }

    /// The strings, in the order given.
    public let strings: [String]
    private let entries: UnsafeMutableBufferPointer<Entry>
    private let tails: UnsafeMutableBufferPointer<UInt8>
    /// For each string, its quoted pattern when it has one (``quotedPattern(at:)``).
    @usableFromInline let patterns: UnsafeMutableBufferPointer<QuotedPattern?>
    /// The most strings a table may have for ``quotedIndex(at:maxLength:)``, which compares them one by one.
    static let quotedIndexLimit = 16

    /// A table of `strings`, which should be distinct: of two equal ones, a look-up may find either.
    public init(_ strings: [String]) {
        self.strings = strings
        let utf8 = strings.map { Array($0.utf8) }
        entries = .allocate(capacity: utf8.count)
        patterns = .allocate(capacity: utf8.count)
        for (index, bytes) in utf8.enumerated() { patterns.initializeElement(at: index, to: Self.quotedPattern(of: bytes)) }
        tails = .allocate(capacity: utf8.reduce(0) { $0 + Swift.max($1.count - 8, 0) })
        var tailCount = 0
        for (index, bytes) in utf8.enumerated() {
            let head = bytes.withUnsafeBufferPointer { Self.head(of: $0) }
            entries.initializeElement(at: index, to: Entry(head: head, length: bytes.count, tailStart: tailCount))
            for byte in bytes.dropFirst(8) {
                tails.initializeElement(at: tailCount, to: byte)
                tailCount += 1
            }
        }
    }

    deinit {
        entries.deallocate()
        tails.deallocate()
        patterns.deallocate()
    }

    /// The quoted pattern of the string at `index`; nil when there is no such index, or when the string is not
    /// written in JSON as its own bytes between quotes within 16 bytes (more than 14 bytes, or a quote, backslash or
    /// control character, which JSON escapes).
    @inlinable @inline(__always)
    func quotedPattern(at index: Int) -> QuotedPattern? {
        index >= 0 && index < patterns.count ? patterns[index] : nil
    }

    private static func quotedPattern(of bytes: [UInt8]) -> QuotedPattern? {
        guard bytes.count <= 14, !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return nil
        }
        let quoted = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
        var words: [UInt64] = [0, 0], masks: [UInt64] = [0, 0]
        for (offset, byte) in quoted.enumerated() {
            words[offset / 8] |= UInt64(byte) << UInt64(offset % 8 * 8)
            masks[offset / 8] |= 0xFF << UInt64(offset % 8 * 8)
        }
        return QuotedPattern(low: words[0], high: words[1], lowMask: masks[0], highMask: masks[1], count: bytes.count,
                             isASCII: bytes.allSatisfy { $0 < 0x80 })
    }

    /// The index of the string that the 16 bytes at `bytes` begin with, written in JSON as its own bytes between
    /// quotes (the opening quote first), and its length; nil when none is, when its length is over `maxLength`, or
    /// when the table has more than ``quotedIndexLimit`` strings. For a string value read where it lies: a match
    /// is the whole string, its closing quote included, with nothing to check (the table's strings are Swift
    /// strings, valid UTF-8, and none with a pattern has a character JSON escapes).
    @inline(__always)
    func quotedIndex(at bytes: UnsafeRawPointer, maxLength: Int) -> (index: Int, count: Int)? {
        guard patterns.count <= Self.quotedIndexLimit else { return nil }
        let words = QuotedPattern.words(at: bytes)
        for index in 0..<patterns.count {
            guard let pattern = patterns[index] else { continue }
            if pattern.matches(words) {
                return pattern.count <= maxLength ? (index, pattern.count) : nil
            }
        }
        return nil
    }

    /// How many strings the table holds.
    public var count: Int { entries.count }

    /// The index of the string whose UTF-8 bytes are `bytes`, or nil when there is none.
    public func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        index(head: Self.head(of: bytes), bytes: bytes.baseAddress, count: bytes.count, from: 0)
    }

    /// The index of the string of `count` bytes at `bytes` whose first 8 (zero past its end) are `head`,
    /// trying `first` before the others (the one a caller expects, say), or nil when there is none.
    @inline(__always)
    func index(head: UInt64, bytes: UnsafePointer<UInt8>?, count: Int, from first: Int) -> Int? {
        let total = entries.count
        var index = first >= 0 && first < total ? first : 0
        for _ in 0..<total {
            let entry = entries[index]
            if entry.head == head && entry.length == count
                && (count <= 8 || memoryEqual(UnsafePointer(tails.baseAddress.unsafelyUnwrapped + entry.tailStart),
                                              bytes.unsafelyUnwrapped + 8, count &- 8)) {
                return index
            }
            index &+= 1
            if index == total { index = 0 }
        }
        return nil
    }

    /// The first 8 bytes of `text` as a word, zero past its end (byte 0 in the low bits).
    @inline(__always)
    static func head(of text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let start = text.baseAddress else { return 0 }
        if text.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        for offset in 0..<text.count { word |= UInt64(start[offset]) &<< UInt64(offset &* 8) }
        return word
    }

    /// The first 8 of the `count` bytes at `bytes` as a word, zero past the `count`th; `readable` bytes
    /// from `bytes` may be read (when 8 or more, the word is read at once and masked).
    @inline(__always)
    static func head(of bytes: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
            return count >= 8 ? word : word & ((1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1)
        }
        return head(of: UnsafeBufferPointer(start: bytes, count: Swift.min(count, 8)))
    }
}
