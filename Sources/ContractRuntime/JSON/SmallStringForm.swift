/// Strings of up to 15 UTF-8 bytes built directly in the standard library's small-string form.
///
/// Most strings a record holds are that short (keys, codes, states). The standard library builds
/// them a byte at a time (about 75 instructions for a short key, a sixth of the generated decoder's
/// time on a typical line); here their two words are loaded and masked. The form is the standard
/// library's on 64-bit little-endian platforms: the bytes in order, then a last byte holding the
/// flags (immortal, small, and ASCII when it is) and the count. ``isAvailable`` checks that form once
/// against strings the standard library built, and callers use the library where it does not hold.
enum SmallStringForm {
    /// The most bytes a small string holds.
    static let capacity = 15

    /// Whether ``string(words:count:isASCII:)`` builds what the standard library would, on this platform.
    static let isAvailable: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples: [[UInt8]] = (0...capacity).map { count in (0..<count).map { UInt8(ascii: "a") + UInt8($0) } }
            + [Array("é".utf8), Array("任务失败".utf8), Array("abcdefghijkl€".utf8)]
        for sample in samples {
            let expected = String(decoding: sample, as: UTF8.self)
            let words = sample.withUnsafeBufferPointer { Self.words(of: $0) }
            let built = Self.build(words: words, count: sample.count, isASCII: sample.allSatisfy { $0 < 0x80 })
            guard unsafeBitCast(expected, to: (UInt64, UInt64).self) == built else { return false }
        }
        return true
        #else
        return false
        #endif
    }()

    /// The string of `bytes` (valid UTF-8, at most ``capacity`` of them) whose first 16 bytes, read from
    /// `bytes`' start, are `words` (what lies past `bytes` is masked off). Only when ``isAvailable``.
    @inline(__always)
    static func string(words: (UInt64, UInt64), count: Int, isASCII: Bool) -> String {
        // Written into a string's slot and moved out of it, rather than bit-cast: a cast value is copied (a call
        // to `swift_bridgeObjectRetain` for each string), a moved one is simply owned. A small string owns nothing.
        let built = build(words: words, count: count, isASCII: isASCII)
        return withUnsafeTemporaryAllocation(of: String.self, capacity: 1) { slot in
            let string = slot.baseAddress.unsafelyUnwrapped
            UnsafeMutableRawPointer(string).storeBytes(of: built.0, as: UInt64.self)
            UnsafeMutableRawPointer(string).storeBytes(of: built.1, toByteOffset: 8, as: UInt64.self)
            return string.move()
        }
    }

    /// The 16 bytes from `bytes`' start as two words, zero past its end; for bytes near the end of
    /// their buffer, where 16 cannot be read.
    @inline(__always)
    static func words(of bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        return words
    }

    /// The two words from 16 bytes at `start`.
    @inline(__always)
    static func words(at start: UnsafePointer<UInt8>) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(start)
        return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    @inline(__always)
    private static func build(words: (UInt64, UInt64), count: Int, isASCII: Bool) -> (UInt64, UInt64) {
        let lowMask: UInt64 = count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
        let highMask: UInt64 = count <= 8 ? 0 : (1 &<< UInt64(truncatingIfNeeded: (count &- 8) &* 8)) &- 1
        let flags: UInt64 = (isASCII ? 0xE0 : 0xA0) | UInt64(truncatingIfNeeded: count)
        return (words.0 & lowMask, (words.1 & highMask) | flags &<< 56)
    }
}
