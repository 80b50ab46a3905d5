internal import CJSONBlocks

extension JSONReader {
    /// ``skipValue()`` for a container, 64 bytes at a time, in simdjson's manner: `ec_scan_block_avx2` (CJSONBlocks,
    /// AVX2) turns each block into bit masks, which give where strings are with no loop over their
    /// text, and checks the text on them; only the block's tokens (structural characters outside strings, the
    /// quotes of strings, the first byte of each number or literal) are walked here, one bit at a time.
    /// Returns true after passing over a valid value, false (or throws) for any other, leaving `position` for the
    /// caller to reset, as ``skipValueInLocals()`` does; as there, the containers it opens are bits of a word. Each
    /// open object's keys are kept, in the short form of ``SkippedKey``, after a marker in memory of its own.
    ///
    /// What is checked, and where:
    /// - strings' text, in the masks: no control character, well-formed UTF-8 (simdjson's lookup algorithm, which
    ///   checks each byte with the 3 before it: no sequence cut short, no continuation byte too many, no overlong
    ///   form, surrogate or code point past U+10FFFF), and the four digits of each `\uXXXX` that is not a
    ///   surrogate's;
    /// - here, one by one: every other escape (``escapeEnd(at:)``), each string's length;
    /// - numbers without exponent that end in the block, in the masks (`numberEnds`: the run of bytes from the
    ///   number's first is `-?(0|[1-9][0-9]*)(.[0-9]+)?`, and ends at a separator); literals that end in the block,
    ///   here, from the length of their run of bytes and one word;
    /// - other numbers and literals, by ``skipNumber(checkingWhatFollows:)`` and ``consumeLiteral(_:length:)`` from
    ///   their first byte, which must then end where a separator begins (tested here, once);
    /// - the grammar, depth, the number of keys of each object and repeated keys, as the tokens are walked.
    ///
    /// Anything else (an object of more than ``localKeyLimit`` keys, nesting past 63 levels, open objects with more
    /// than ``SkippedKey/room`` keys and markers in all, a key that may repeat one, anything malformed, and any block
    /// where a check fails, even past the value's end) is left to the caller's full reading, which gives the verdict
    /// and the exact error.
    mutating func skipValueInBlocks() throws(JSONReadError) -> Bool {
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { (filters) throws(JSONReadError) -> Bool in
            try withUnsafeTemporaryAllocation(of: SkippedKey.self, capacity: SkippedKey.room) {
                (keys) throws(JSONReadError) -> Bool in
                try skipValueInBlocks(keyFilters: filters.baseAddress.unsafelyUnwrapped,
                                      keys: keys.baseAddress.unsafelyUnwrapped)
            }
        }
    }

    /// ``skipValueInBlocks()`` with room for the key filter of each open object, at its level, and for the
    /// keys of the open objects (``SkippedKey``).
    private mutating func skipValueInBlocks(keyFilters: UnsafeMutablePointer<UInt64>,
                                            keys: UnsafeMutablePointer<SkippedKey>) throws(JSONReadError) -> Bool {
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 &+ 64) { padded throws(JSONReadError) -> Bool in
            let count = input.count
            guard let base = input.baseAddress else { return false }
            let levels = Swift.min(63, limits.maxDepth &- frames.count)  // levels this value may open
            let keyLimit = Swift.min(Self.localKeyLimit, limits.maxKeysPerObject)
            let maxStringLength = limits.maxStringLength
            var objects: UInt64 = 0  // bit n: whether the container at local level n is an object
            var depth = 0
            // The open objects' keys are in `keys`, each object's after a marker that holds where the enclosing
            // object's keys start.
            var keyCount = 0
            var keysStart = 0  // the innermost open object's first key in `keys`
            var state = BlockState.value  // bits of `BlockState`
            var stringStart = 0  // the opening quote of the string being passed over
            var escapesEnd = 0  // where the last escape checked ends: escapes that start before are within it
            var carried = ec_scan_state()  // what one block hands to the next
            var scan = ec_block_scan()

            var blockStart = position
            while blockStart < count {
                // The block's bytes, with the 16 before readable for the UTF-8 check: in the input, or
                // copied, with spaces past its end and before its start.
                let block: UnsafePointer<UInt8>
                if blockStart >= 16 && blockStart &+ 64 <= count {
                    block = base + blockStart
                } else {
                    let paddedBase = padded.baseAddress.unsafelyUnwrapped
                    paddedBase.initialize(repeating: UInt8(ascii: " "), count: 80)
                    let from = Swift.max(0, blockStart &- 16), to = Swift.min(count, blockStart &+ 64)
                    (paddedBase + (from &- (blockStart &- 16))).update(from: base + from, count: to &- from)
                    block = UnsafePointer(paddedBase + 16)
                }
                ec_scan_block_avx2(block, &carried, &scan)  // only called where the processor has AVX2

                // The strings' text: no control character, and well-formed UTF-8 (in the block's masks).
                if scan.problem != 0 { return false }

                // The escapes the masks left (surrogates, two-byte escapes, `\uXXXX` cut by the block's end), in
                // order: one that starts within the one before (the second half of a surrogate pair) was checked
                // with it.
                var escapes = scan.escapes
                while escapes != 0 {
                    let at = blockStart &+ escapes.trailingZeroBitCount
                    escapes &= escapes &- 1
                    if at < escapesEnd { continue }
                    // A `\uXXXX` cut by the block's end by the branch-free check first: `escapeEnd(at:)` tests its
                    // digits one by one, and their branches, unpredictable in CJK text, cost 3.5 % of the time of
                    // escaped lines.
                    if at &+ 8 <= count, Self.plainUnicodeEscape(at: at, in: input) != nil {
                        escapesEnd = at &+ 6
                    } else {
                        escapesEnd = try escapeEnd(at: at)
                    }
                }

                // The tokens: structural characters outside strings, the quotes of strings, and the first byte of
                // each run of other bytes outside strings (a number or literal, or something wrong).
                var tokens = scan.tokens

                // One token at a time. The state is tested bit by bit, not by a `switch`: a jump table's
                // indirect branch, taken once a token, was mispredicted about every third time on escaped lines.
                while tokens != 0 {
                    var offset = tokens.trailingZeroBitCount
                    tokens &= tokens &- 1
                    var at = blockStart &+ offset
                    let byte = base[at]
                    var end: Int  // set when a value is complete: the offset after it
                    if state & BlockState.afterValue != 0 {
                        let isObject = objects &>> UInt64(depth &- 1) & 1 != 0
                        if byte == UInt8(ascii: ",") {
                            state = isObject ? BlockState.key : BlockState.value
                            continue
                        }
                        guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                        depth &-= 1
                        if isObject { SkippedKey.close(keys, count: &keyCount, start: &keysStart) }
                        end = at &+ 1
                    } else if state & BlockState.value != 0 {
                        if byte == UInt8(ascii: "\"") {
                            // A string that ends in this block is passed over at once: the next token is its
                            // closing quote.
                            guard tokens != 0 else {
                                stringStart = at
                                state = BlockState.inString
                                continue
                            }
                            let close = blockStart &+ tokens.trailingZeroBitCount
                            tokens &= tokens &- 1
                            guard close &- at &- 1 <= maxStringLength else { return false }
                            end = close &+ 1
                        } else if byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") {
                            // The run of bytes from here (up to a separator, or past the block's end), and whether
                            // the scan found it a number without exponent.
                            let length = (~(scan.scalar &>> UInt64(offset))).trailingZeroBitCount
                            if scan.numberEnds &>> UInt64(offset &+ length &- 1) & 1 != 0 {
                                end = at &+ length
                            } else {
                                position = at
                                try skipNumber(checkingWhatFollows: false)  // what follows is checked here
                                end = position
                                // A number or literal must end where its run of bytes ends: at a separator.
                                if end < count && !Self.isSeparator(base[end]) { return false }
                            }
                        } else if byte | 0x20 == UInt8(ascii: "{") {
                            guard depth < levels else { return false }
                            let isObject = byte == UInt8(ascii: "{")
                            objects = isObject ? objects | 1 &<< UInt64(depth) : objects & ~(1 &<< UInt64(depth))
                            depth &+= 1
                            if isObject {
                                guard keyCount < SkippedKey.room else { return false }
                                SkippedKey.open(keys, count: &keyCount, start: &keysStart)
                                keyFilters[depth &- 1] = 0
                                state = BlockState.keyOrClose
                            } else {
                                state = BlockState.valueOrClose
                            }
                            continue
                        } else if byte == UInt8(ascii: "]") && state & BlockState.mayClose != 0 {
                            depth &-= 1
                            end = at &+ 1
                        } else if let length = Self.literalRunLength(at: offset, in: scan.scalar) {
                            // A literal's run of bytes, which ends in the block (at a separator): exactly `true`,
                            // `null` or `false`, or not valid at all (`nul`, `truex`).
                            let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt32.self)
                            guard length == 4 ? word == Self.trueWord || word == Self.nullWord
                                : word == Self.falsWord && base[at &+ 4] == UInt8(ascii: "e")  // 5 bytes
                            else { return false }
                            end = at &+ length
                        } else {
                            position = at
                            switch byte {
                            case UInt8(ascii: "t"): try consumeLiteral(0x74_72_75_65, length: 4)
                            case UInt8(ascii: "f"): try consumeLiteral(0x66_61_6C_73_65, length: 5)
                            case UInt8(ascii: "n"): try consumeLiteral(0x6E_75_6C_6C, length: 4)
                            default: return false
                            }
                            end = position
                            if end < count && !Self.isSeparator(base[end]) { return false }
                        }
                    } else if state & BlockState.inString != 0 {  // a string value's closing quote
                        guard at &- stringStart &- 1 <= maxStringLength else { return false }
                        end = at &+ 1
                    } else if state & BlockState.key != 0 && byte != UInt8(ascii: "\"") {  // `}` right after `{`
                        guard byte == UInt8(ascii: "}") && state & BlockState.mayClose != 0 else { return false }
                        depth &-= 1
                        SkippedKey.close(keys, count: &keyCount, start: &keysStart)
                        end = at &+ 1
                    } else {
                        // A key: its opening quote (then, when the key ends in this block, its closing quote, the
                        // block's next token), or the closing quote of one that began in an earlier block; or the
                        // colon after a key, when it was not the key's next token.
                        if state & BlockState.key != 0 {
                            stringStart = at
                            guard tokens != 0 else {
                                state = BlockState.inKey
                                continue
                            }
                            offset = tokens.trailingZeroBitCount
                            tokens &= tokens &- 1
                            at = blockStart &+ offset
                        } else if state & BlockState.colon != 0 {
                            guard byte == UInt8(ascii: ":") else { return false }
                            state = BlockState.value
                            continue
                        }
                        // The key's closing quote is at `at`.
                        let length = at &- stringStart &- 1
                        guard length <= maxStringLength, keyCount &- keysStart < keyLimit,
                              keyCount < SkippedKey.room else { return false }
                        // A block without a backslash (most, in raw UTF-8 text) holds no escape.
                        let hasEscapes = stringStart >= blockStart
                            ? scan.backslash != 0
                                && scan.backslash & (UInt64(1) &<< UInt64(offset) &- 1) & ~(UInt64(2) &<< UInt64(stringStart &- blockStart) &- 1) != 0
                            : UnsafeBufferPointer(rebasing: input[(stringStart &+ 1)..<at]).contains(UInt8(ascii: "\\"))
                        let key: SkippedKey
                        if hasEscapes {
                            // Unescaped into `decodedKeyBytes` for as long as it takes to summarize it.
                            let decoded = decodedKey(StringToken(start: stringStart &+ 1, end: at, hasEscapes: true,
                                                                 isASCII: false))
                            key = SkippedKey(decodedKeyBytes.pointer(at: decoded.start), count: decoded.count,
                                             readable: decodedKeyBytes.capacity &- decoded.start)
                            decodedKeyBytes.truncate(to: decoded.start)
                        } else {
                            key = SkippedKey(base + (stringStart &+ 1), count: length,
                                             readable: count &- stringStart &- 1)
                        }
                        // A key the object may have had already is left to the full reading, which tells.
                        let bit = key.filterBit
                        if keyFilters[depth &- 1] & bit != 0 && key.isAmong(keys, from: keysStart, to: keyCount) {
                            return false
                        }
                        keyFilters[depth &- 1] |= bit
                        keys[keyCount] = key
                        keyCount &+= 1
                        // The colon, at once when it is the block's next token.
                        if tokens != 0 && base[blockStart &+ tokens.trailingZeroBitCount] == UInt8(ascii: ":") {
                            tokens &= tokens &- 1
                            state = BlockState.value
                        } else {
                            state = BlockState.colon
                        }
                        continue
                    }
                    if depth == 0 {
                        position = end
                        return true
                    }
                    state = BlockState.afterValue
                }
                blockStart &+= 64
            }
            return false
        }
    }

    /// Where ``skipValueInBlocks()`` is in the grammar, what the next token must be: bits, tested one by one.
    enum BlockState {
        /// A value (after a colon, or a comma in an array).
        static let value: UInt8 = 1
        /// With `value` or `key`: the container may end here (`]` after `[`, `}` after `{`).
        static let mayClose: UInt8 = 2
        static let valueOrClose: UInt8 = value | mayClose
        /// A key (after a comma in an object).
        static let key: UInt8 = 4
        static let keyOrClose: UInt8 = key | mayClose
        /// A comma or the end of the innermost container, after one of its values.
        static let afterValue: UInt8 = 8
        /// The closing quote of a string value that began in an earlier block.
        static let inString: UInt8 = 16
        /// The closing quote of a key that began in an earlier block.
        static let inKey: UInt8 = 32
        /// The colon after a key, when it was not the key's next token.
        static let colon: UInt8 = 64
    }

    /// A key of an object ``skipValueInBlocks()`` has open, in two words that equal keys share: its first 8 bytes and
    /// its last 8 (its bytes, and its length, when it is shorter than 8). Keys of the same length, at most 16 bytes,
    /// share them only when equal; other different keys may share them (two keys of more than 16 bytes with the same
    /// first and last 8, keys of 9 to 16 bytes of different lengths made of the same repeated bytes, or a key whose
    /// last 8 bytes are a shorter key's length, which takes escaped zero bytes). So a key whose words an earlier key
    /// of its object has is left to the full reading, which says whether it repeats. Nothing is kept of where its
    /// bytes are, so an escaped key's unescaped bytes need not be kept either.
    struct SkippedKey: Equatable {
        var first: UInt64
        var last: UInt64

        /// How many keys and markers fit (in 1,008 bytes, which `withUnsafeTemporaryAllocation` takes from the
        /// stack): a value whose open objects have more is left to the full reading.
        static let room = 63

        @inline(__always)
        init(first: UInt64, last: UInt64) {
            self.first = first
            self.last = last
        }

        /// The words of the `count` bytes at `bytes`, of which `readable` may be read (at least `count`).
        @inline(__always)
        init(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int) {
            first = UTF8Table.head(of: bytes, count: count, readable: readable)
            last = count >= 8
                ? UInt64(littleEndian: UnsafeRawPointer(bytes + (count &- 8)).loadUnaligned(as: UInt64.self))
                : UInt64(truncatingIfNeeded: count)
        }

        /// The key's bit in its object's filter.
        @inline(__always)
        var filterBit: UInt64 {
            UInt64(1) &<< (((first ^ (last &* 0x2545_F491_4F6C_DD1D)) &* 0x9E37_79B9_7F4A_7C15) &>> 58)
        }

        /// Whether one of the keys from `start` to `end` in `keys` has the same words.
        @inline(__always)
        func isAmong(_ keys: UnsafeMutablePointer<SkippedKey>, from start: Int, to end: Int) -> Bool {
            for index in start..<end where keys[index] == self { return true }
            return false
        }

        /// Starts the keys of an object that opens: a marker that holds where the enclosing object's keys start.
        /// There must be room for it.
        @inline(__always)
        static func open(_ keys: UnsafeMutablePointer<SkippedKey>, count: inout Int, start: inout Int) {
            keys[count] = SkippedKey(first: UInt64(truncatingIfNeeded: start), last: 0)
            count &+= 1
            start = count
        }

        /// Forgets the keys of the object that closes, and goes back to the enclosing object's.
        @inline(__always)
        static func close(_ keys: UnsafeMutablePointer<SkippedKey>, count: inout Int, start: inout Int) {
            count = start &- 1
            start = Int(truncatingIfNeeded: keys[count].first)
        }
    }

    /// The length of the run of scalar bytes (`scalar`, a block scan's mask) from bit `offset` when it is 4 or 5
    /// bytes and ends in the block (so the bytes after it were scanned: a separator follows); nil otherwise.
    @inline(__always)
    static func literalRunLength(at offset: Int, in scalar: UInt64) -> Int? {
        let length = (~(scalar &>> UInt64(offset))).trailingZeroBitCount
        return (length == 4 || length == 5) && offset &+ length < 64 ? length : nil
    }

    /// `true`, `null` and `fals`, as the 4 bytes loaded from where they are.
    static let trueWord = UInt32(littleEndian: 0x65_75_72_74), nullWord = UInt32(littleEndian: 0x6C_6C_75_6E),
               falsWord = UInt32(littleEndian: 0x73_6C_61_66)

    /// Whether `byte` may follow a number or literal: whitespace, a structural character or a quote.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "{"),
             UInt8(ascii: "\""):
            true
        default:
            isWhitespace(byte)
        }
    }
}
