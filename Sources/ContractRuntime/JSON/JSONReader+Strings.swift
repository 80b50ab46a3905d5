internal import CJSONBlocks

extension JSONReader {
    /// A validated string in the input: its content between the quotes, whether it has escapes, and
    /// whether its unescaped text is ASCII.
    struct StringToken {
        var start: Int
        var end: Int
        var hasEscapes: Bool
        var isASCII: Bool
    }

    /// Validates the string whose opening quote is at `position` and moves past its closing quote.
    ///
    /// In line for a string of fewer than 16 bytes, all ASCII, without escapes (most keys and many
    /// values): the first of the 16 bytes read that is not plain ASCII text is its closing quote. Any
    /// other string, and one that starts within 16 bytes of the input's end, goes to ``scanStringInFull()``.
    @inline(__always)
    mutating func scanString() throws(JSONReadError) -> StringToken {
        let start = position &+ 1
        if let length = Self.shortPlainLength(in: input, from: start, limit: limits.maxStringLength) {
            position = start &+ length &+ 1
            return StringToken(start: start, end: start &+ length, hasEscapes: false, isASCII: true)
        }
        return try scanStringInFull()
    }

    /// The length of the string whose text starts at `start` when it is shorter than 16 bytes, all ASCII,
    /// without escapes, and within `limit`: the first of the 16 bytes read that is not plain ASCII text is its
    /// closing quote. Nil for any other string, and one that starts within 16 bytes of the input's end.
    @inline(__always)
    static func shortPlainLength(in input: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        guard start &+ 16 <= input.count, let base = input.baseAddress else { return nil }
        let length = firstAttention(in: UnsafeRawPointer(base + start))
        return length < 16 && base[start &+ length] == UInt8(ascii: "\"") && length <= limit ? length : nil
    }

    /// ``scanString()`` for any string: checks UTF-8, control characters, escapes, surrogate pairs and
    /// the length limit.
    ///
    /// Where the processor has AVX2, `ec_string_end` (CJSONBlocks) makes every check 32 bytes at a time; a
    /// string it does not vouch for, valid or not, goes to ``scanStringInSwift()``, which gives the verdict and
    /// the exact error.
    @inline(never)
    mutating func scanStringInFull() throws(JSONReadError) -> StringToken {
        if fastPaths.stringEnd, let base = input.baseAddress {
            let open = position
            let found = ec_string_end(base + (open &+ 1), input.count &- open &- 1)  // the length times 4, and flags
            let length = found &>> 2
            if found >= 0 && length <= limits.maxStringLength {
                position = open &+ length &+ 2
                return StringToken(start: open &+ 1, end: open &+ 1 &+ length, hasEscapes: found & 1 != 0, isASCII: found & 2 == 0)
            }
        }
        return try scanStringInSwift()
    }

    /// ``scanStringInFull()`` in Swift, 16 bytes at a time: for every processor, and for the strings
    /// `ec_string_end` leaves.
    @inline(never)
    mutating func scanStringInSwift() throws(JSONReadError) -> StringToken {
        let open = position
        let count = input.count
        var index = open &+ 1
        var hasEscapes = false
        var isASCII = true
        while true {
            // Sixteen bytes at a time while none is a quote, backslash, control character or non-ASCII,
            // then straight to the first one that is; eight at a time in the input's last 16 bytes, and
            // byte by byte in its last 8.
            if let base = input.baseAddress {
                while index &+ 16 <= count {
                    let offset = Self.firstAttention(in: UnsafeRawPointer(base + index))
                    index &+= offset
                    if offset < 16 { break }
                }
                while index &+ 16 > count && index &+ 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    let attention = Self.attentionMask(word)
                    if attention != 0 {
                        index &+= attention.trailingZeroBitCount &>> 3
                        break
                    }
                    index &+= 8
                }
            }
            if index &+ 8 > count {
                while index < count {
                    let byte = input[index]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x80 { break }
                    index &+= 1
                }
            }
            guard index < count else {
                // Where the text stops being JSON: the end, which names where the string began.
                throw makeError(.malformedJSON, "unexpected end of input in the string that starts at byte \(open); expected its closing quote",
                                at: count)
            }
            let byte = input[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                // Escapes often come in runs (`json.dumps` writes every non-ASCII character as one): the
                // next is checked here, without another scan for it.
                repeat {
                    // Two `\uXXXX` at once from one 16-byte read, as `json.dumps` writes Chinese text; one
                    // that is not a surrogate from an 8-byte read; any other escape, and one near the
                    // input's end, below.
                    if index &+ 16 <= count, Self.twoNonASCIIEscapes(at: UnsafeRawPointer(input.baseAddress.unsafelyUnwrapped + index)) {
                        isASCII = false
                        index &+= 12
                        continue
                    }
                    if index &+ 8 <= count, let unit = Self.plainUnicodeEscape(at: index, in: input) {
                        if unit >= 0x80 { isASCII = false }
                        index &+= 6
                        continue
                    }
                    let escape = index
                    index = try escapeEnd(at: index)
                    // `\uXXXX` is 6 bytes (a surrogate pair 12) and stands for ASCII only from `\u0000` to
                    // `\u007F`; the two-byte escapes all stand for ASCII.
                    if index &- escape != 2 && !(index &- escape == 6 && input[escape &+ 2] == UInt8(ascii: "0")
                        && input[escape &+ 3] == UInt8(ascii: "0") && input[escape &+ 4] < UInt8(ascii: "8")) {
                        isASCII = false
                    }
                } while index < count && input[index] == UInt8(ascii: "\\")
            } else if byte < 0x20 {
                throw makeError(.controlCharacter,
                                "control character U+\(hex(UInt32(byte), width: 4)) must be escaped in a string", at: index)
            } else {
                isASCII = false
                index = try nonASCIITextEnd(at: index, contentStart: open &+ 1)
            }
        }
        position = index &+ 1
        if index &- open &- 1 > limits.maxStringLength {
            throw makeError(.tooLong, "the string is \(Plural.counted(index - open - 1, "byte")), more than the limit of \(limits.maxStringLength)",
                            at: open)
        }
        return StringToken(start: open &+ 1, end: index, hasEscapes: hasEscapes, isASCII: isASCII)
    }

    /// The offset of the first of the 16 bytes at `bytes` that is a quote, a backslash, below 0x20 or at
    /// least 0x80, or 16 when none is (the bytes must be readable).
    @inline(__always)
    static func firstAttention(in bytes: UnsafeRawPointer) -> Int {
        // The vectors' type is spelled out: inferred from `UInt8(ascii:)`, the comparisons resolve to the
        // generic operators, which compile to a loop over the lanes instead of a few vector instructions.
        let block = bytes.loadUnaligned(as: SIMD16<UInt8>.self)
        return firstLane(of: (block .== SIMD16<UInt8>(repeating: 0x22)) .| (block .== SIMD16<UInt8>(repeating: 0x5C))
            .| (block .< SIMD16<UInt8>(repeating: 0x20)) .| (block .> SIMD16<UInt8>(repeating: 0x7F)))
    }

    /// The index of the first lane of `mask` that is set, or 16 when none is.
    @inline(__always)
    static func firstLane(of mask: SIMDMask<SIMD16<Int8>>) -> Int {
        // Each byte of the mask is 0 or 0xFF: read as two words, the lowest set bit locates the first.
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let low = UInt64(littleEndian: words[0]), high = UInt64(littleEndian: words[1])
        if low != 0 { return low.trailingZeroBitCount &>> 3 }
        return 8 &+ high.trailingZeroBitCount &>> 3  // 16 when `high` is 0 too
    }

    /// The high bit of each byte of `word` (byte 0 in the low bits) that is a quote, a backslash, below
    /// 0x20 or at least 0x80; zero when there is none. Bits above the lowest set one may be spurious
    /// (a borrow carries into the next byte), so only the lowest locates a byte.
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        // A byte below 0x20 borrows into its high bit; bytes already at 0x80 or above are caught by `word`.
        let below20 = word &- (ones &* 0x20)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        return (below20 | hasQuote | hasBackslash | word) & high
    }

    /// How ``scanKey(_:)`` reads keys, decided when it is compiled (each kind gets its own copy).
    protocol KeyScanning {
        /// Whether a key of one to five CJK escapes and nothing else is read and unescaped at once.
        static var readsCJK: Bool { get }
    }

    /// Keys of records and of skipped values: short Chinese keys are rare there.
    enum PlainKeys: KeyScanning {
        static var readsCJK: Bool { false }
    }

    /// Keys of the tree ``readValue()`` builds, where tables keep Chinese column names.
    enum TreeKeys: KeyScanning {
        static var readsCJK: Bool { true }
    }

    /// Reads a key whose opening quote is at `position`: in place unless it has escapes, in which
    /// case its unescaped bytes go to `decodedKeyBytes`.
    ///
    /// With ``TreeKeys``, a key of one to five CJK escapes (how `json.dumps` writes a Chinese column name) is
    /// read and unescaped at once (``cjkKey(at:)``). (Only there: where such keys are rare, the look costs more
    /// than it saves, 0.5 % of the instructions a line when measured on all keys.)
    @inline(__always)
    mutating func scanKey<Keys: KeyScanning>(_ keys: Keys.Type) throws(JSONReadError) -> KeyReference {
        // ``scanString()``, with the CJK path after its path for short ASCII keys.
        let start = position &+ 1
        if let length = Self.shortPlainLength(in: input, from: start, limit: limits.maxStringLength) {
            position = start &+ length &+ 1
            return KeyReference(start: start, count: length, isDecoded: false, isASCII: true)
        }
        if Keys.readsCJK && start < input.count && input[start] == UInt8(ascii: "\\"), let key = cjkKey(at: start) {
            return key
        }
        let token = try scanStringInFull()
        if !token.hasEscapes {
            return KeyReference(start: token.start, count: token.end &- token.start, isDecoded: false, isASCII: token.isASCII)
        }
        return decodedKey(token)
    }

    /// The key whose text starts at `start` with a backslash when it is one to five CJK escapes and nothing else
    /// (`ec_cjk_escapes`), unescaped into `decodedKeyBytes`, positioned after it; nil for any other key.
    @inline(never)
    mutating func cjkKey(at start: Int) -> KeyReference? {
        guard let count = cjkEscapes(at: start, into: decodedKeyBytes.reserve(Self.cjkRoom)) else { return nil }
        let keyStart = decodedKeyBytes.count
        decodedKeyBytes.didAppend(count)
        return KeyReference(start: keyStart, count: count, isDecoded: true, isASCII: false)
    }

    /// The string whose text starts at `start` with a backslash when it is one to five CJK escapes and nothing
    /// else (`ec_cjk_escapes`), positioned after it; nil for any other string. Only with ``FastPaths/smallStrings``:
    /// its at most 15 bytes are built in the small form.
    @inline(never)
    mutating func cjkString(at start: Int) -> String? {
        var words: (UInt64, UInt64) = (0, 0)
        let count = withUnsafeMutableBytes(of: &words) { cjkEscapes(at: start, into: $0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self)) }
        guard let count else { return nil }
        return SmallStringForm.string(words: words, count: count, isASCII: false)
    }

    /// The room `ec_cjk_escapes` writes in: 16 bytes (five escapes of three, and a fourth byte for the last).
    static let cjkRoom = 16

    /// How many bytes `ec_cjk_escapes` wrote at `out` (``cjkRoom`` bytes) for the string whose text starts at
    /// `start`, after moving past it; nil, not moving, when it is not one to five CJK escapes, or when that needs
    /// more than the processor has or the input holds (32 bytes are read), or is longer than the limit.
    @inline(__always)
    mutating func cjkEscapes(at start: Int, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard fastPaths.stringEnd, start &+ 32 <= input.count, let base = input.baseAddress else { return nil }
        let escapes = ec_cjk_escapes(base + start, out)
        guard escapes > 0, escapes &* 6 <= limits.maxStringLength else { return nil }
        position = start &+ escapes &* 6 &+ 1
        return escapes &* 3
    }

    /// ``scanKey()`` for a key with escapes: its unescaped bytes are appended to `decodedKeyBytes`. Out of
    /// line, so that the path of plain keys stays short.
    @inline(never)
    mutating func decodedKey(_ token: StringToken) -> KeyReference {
        let start = decodedKeyBytes.count
        // Unescaped straight into the stack of key bytes (no escape is shorter than what it stands for):
        // an array per key would cost an allocation, and a look-up of the array's generic storage type,
        // for every escaped key (json.dumps escapes every Chinese key).
        let room = decodedKeyBytes.reserve(Self.unescapeRoom(token))
        let count = Self.unescape(token, in: input, into: UnsafeMutableBufferPointer(start: room, count: Self.unescapeRoom(token)))
        decodedKeyBytes.didAppend(count)
        return KeyReference(start: start, count: count, isDecoded: true, isASCII: token.isASCII)
    }

    /// Reads the string at `position` as a `String`: ``makeString(_:)`` of ``scanString()``, with one to five
    /// CJK escapes read and built at once (``cjkString(at:)``).
    @inline(__always)
    mutating func readStringValue() throws(JSONReadError) -> String {
        let start = position &+ 1
        if let length = Self.shortPlainLength(in: input, from: start, limit: limits.maxStringLength) {
            position = start &+ length &+ 1
            return makeString(StringToken(start: start, end: start &+ length, hasEscapes: false, isASCII: true))
        }
        if start < input.count && input[start] == UInt8(ascii: "\\") && fastPaths.smallStrings, let string = cjkString(at: start) {
            return string
        }
        return makeString(try scanStringInFull())
    }

    /// The string a validated token stands for.
    // Helpers the mutating scanners call are inlined, static or mutating: calling a non-mutating
    // method of the reader from a mutating one copies the whole reader first.
    @inline(__always)
    func makeString(_ token: StringToken) -> String {
        if !token.hasEscapes {
            return Self.makeString(validatedUTF8: UnsafeBufferPointer(rebasing: input[token.start..<token.end]),
                                   isASCII: token.isASCII, in: input, smallForm: fastPaths.smallStrings)
        }
        let input = self.input, smallForm = fastPaths.smallStrings  // The closure captures these, not the whole reader.
        // At least 16 bytes (`unescapeRoom` is), so that a short string's bytes are read as two words.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.unescapeRoom(token)) { buffer in
            let count = Self.unescape(token, in: input, into: buffer)
            return Self.makeString(validatedUTF8: UnsafeBufferPointer(rebasing: buffer[0..<count]), isASCII: token.isASCII,
                                   in: UnsafeBufferPointer(buffer), smallForm: smallForm)
        }
    }

    /// A `String` of bytes the reader has already validated as UTF-8, which lie in `region` (the
    /// bytes after them up to its end may be read, not used); `isASCII` says whether they are all
    /// ASCII, which the string records (it speeds up later comparing and hashing).
    ///
    /// Up to 15 bytes are built in place (``SmallStringForm``) when `smallForm` (``FastPaths/smallStrings``).
    /// Longer ones, where `UTF8Span` exists, are copied without the standard library validating them a second time.
    @inline(__always)
    static func makeString(validatedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool,
                           in region: UnsafeBufferPointer<UInt8>, smallForm: Bool) -> String {
        // Debug builds (tests, the fuzzers) check what release builds trust.
        assert(String(validating: bytes, as: UTF8.self) != nil, "the reader passed on invalid UTF-8")
        assert(isASCII == bytes.allSatisfy { $0 < 0x80 }, "the reader's ASCII flag is wrong")
        guard let source = bytes.baseAddress, bytes.count > 0 else { return "" }
        if bytes.count <= SmallStringForm.capacity && smallForm {
            let readable = region.baseAddress.unsafelyUnwrapped + region.count - source
            let words = readable >= 16 ? SmallStringForm.words(at: source) : SmallStringForm.words(of: bytes)
            return SmallStringForm.string(words: words, count: bytes.count, isASCII: isASCII)
        }
        if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        if bytes.count <= 15 {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                buffer.baseAddress!.initialize(from: source, count: bytes.count)
                return bytes.count
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The room ``unescape(_:in:into:)`` needs: the token's length (no escape is shorter than what it stands
    /// for), and `EC_UNESCAPE_SLACK` bytes the vector stores may write past the text.
    @inline(__always)
    static func unescapeRoom(_ token: StringToken) -> Int {
        token.end &- token.start &+ Int(EC_UNESCAPE_SLACK)
    }

    /// Writes the unescaped bytes of a validated token into `output` (``unescapeRoom(_:)`` bytes at least)
    /// and returns how many were written. The input after the token may be read, not used.
    @inline(__always)
    static func unescape(_ token: StringToken, in input: UnsafeBufferPointer<UInt8>,
                         into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        precondition(output.count >= unescapeRoom(token) && token.start >= 0 && token.end <= input.count)
        return ec_unescape(input.baseAddress.unsafelyUnwrapped + token.start, token.end &- token.start,
                           input.count &- token.start, output.baseAddress.unsafelyUnwrapped)
    }

    /// The offset after the escape whose backslash is at `index`, after checking it.
    ///
    /// The usual escapes are checked here, in line; surrogates and anything wrong go to
    /// ``checkedEscapeEnd(at:)``.
    @inline(__always)
    mutating func escapeEnd(at index: Int) throws(JSONReadError) -> Int {
        if index &+ 6 <= input.count {
            let kind = input[index &+ 1]
            if kind == UInt8(ascii: "u") {
                if let unit = Self.fourHexDigits(in: input, at: index &+ 2), unit < 0xD800 || unit >= 0xE000 {
                    return index &+ 6
                }
            } else if Self.isTwoByteEscape(kind) {
                return index &+ 2
            }
        }
        return try checkedEscapeEnd(at: index)
    }

    /// Whether a backslash followed by `byte` is one of the two-byte escapes: `\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t`.
    @inline(__always)
    static func isTwoByteEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            true
        default:
            false
        }
    }

    /// ``escapeEnd(at:)`` for every escape, with its errors: surrogate pairs, lone surrogates, bad escapes.
    @inline(never)
    mutating func checkedEscapeEnd(at index: Int) throws(JSONReadError) -> Int {
        guard index &+ 1 < input.count else {
            throw makeError(.malformedJSON, "unexpected end of input after '\\' in a string; expected an escape and the closing quote",
                            at: input.count)
        }
        if Self.isTwoByteEscape(input[index &+ 1]) { return index &+ 2 }
        switch input[index &+ 1] {
        case UInt8(ascii: "u"):
            let unit = try hexEscapeValue(at: index)
            if unit >= 0xDC00 && unit < 0xE000 {
                throw makeError(.loneSurrogate,
                                "\\u\(hex(UInt32(unit), width: 4)) is a low surrogate without a high surrogate before it",
                                at: index)
            }
            guard unit >= 0xD800 && unit < 0xDC00 else { return index &+ 6 }
            let next = index &+ 6
            guard next &+ 1 < input.count, input[next] == UInt8(ascii: "\\"), input[next &+ 1] == UInt8(ascii: "u") else {
                throw makeError(.loneSurrogate,
                                "\\u\(hex(UInt32(unit), width: 4)) is a high surrogate not followed by a low surrogate escape",
                                at: index)
            }
            let low = try hexEscapeValue(at: next)
            guard low >= 0xDC00 && low < 0xE000 else {
                throw makeError(.loneSurrogate,
                                "\\u\(hex(UInt32(unit), width: 4)) is a high surrogate followed by \\u\(hex(UInt32(low), width: 4)), not a low surrogate",
                                at: index)
            }
            return next &+ 6
        default:
            throw makeError(.invalidEscape, "\\\(describeByte(at: index &+ 1)) is not a JSON escape; "
                            + "valid ones are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", at: index)
        }
    }

    /// The code unit of the `\uXXXX` escape whose backslash is at `index`, after checking its digits.
    @inline(__always)
    mutating func hexEscapeValue(at index: Int) throws(JSONReadError) -> UInt16 {
        if index &+ 6 <= input.count, let value = Self.fourHexDigits(in: input, at: index &+ 2) { return value }
        throw invalidUnicodeEscape(at: index)
    }

    @inline(never)
    func invalidUnicodeEscape(at index: Int) -> JSONReadError {
        makeError(.invalidEscape, "\\u must be followed by four hexadecimal digits", at: index)
    }

    /// The value of the four hex digits at `index` (which must be in the input), or nil when one is not.
    @inline(__always)
    static func fourHexDigits(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
        let a = hexDigit(input[index]), b = hexDigit(input[index &+ 1])
        let c = hexDigit(input[index &+ 2]), d = hexDigit(input[index &+ 3])
        guard a | b | c | d < 16 else { return nil }
        return UInt16(a) &<< 12 | UInt16(b) &<< 8 | UInt16(c) &<< 4 | UInt16(d)
    }

    /// The value of a hex digit, or 0xFF for any other byte; branch-light for escape-heavy text.
    @inline(__always)
    static func hexDigit(_ byte: UInt8) -> UInt8 {
        let decimal = byte &- UInt8(ascii: "0")
        if decimal < 10 { return decimal }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter &+ 10 : 0xFF
    }

    /// Whether the 16 bytes at `bytes` start with two `\uXXXX` escapes whose first digits are neither `0`
    /// nor `d`/`D`: neither stands for ASCII nor is a surrogate (CJK text is `\u4e00` to `\u9fff`).
    @inline(__always)
    static func twoNonASCIIEscapes(at bytes: UnsafeRawPointer) -> Bool {
        // Types spelled out, as in ``firstAttention(in:)``.
        typealias Block = SIMD16<UInt8>
        let block = bytes.loadUnaligned(as: Block.self)
        let lowered = block | Block(repeating: 0x20)
        let isHex = ((block &- Block(repeating: 0x30)) .< Block(repeating: 10))
            .| ((lowered &- Block(repeating: 0x61)) .< Block(repeating: 6))
        let isLeading = isHex .& (block .!= Block(repeating: 0x30)) .& (lowered .!= Block(repeating: 0x64))
        let isPattern = block .== Block(0x5C, 0x75, 0, 0, 0, 0, 0x5C, 0x75, 0, 0, 0, 0, 0, 0, 0, 0)
        // Each lane's test, 0xFF where it holds, kept only in the lanes it is for; the last 4 lanes are free.
        let holds = unsafeBitCast(isPattern, to: Block.self) & Block(0xFF, 0xFF, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0)
            | unsafeBitCast(isLeading, to: Block.self) & Block(0, 0, 0xFF, 0, 0, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0)
            | unsafeBitCast(isHex, to: Block.self) & Block(0, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0)
            | Block(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF)
        let words = unsafeBitCast(holds, to: SIMD2<UInt64>.self)
        return words[0] & words[1] == UInt64.max
    }

    /// The code unit of the `\uXXXX` escape at `index` when it is one and not a surrogate (`index + 8`
    /// must be within the input); nil for anything else, which the callers' general paths handle.
    ///
    /// All from one 8-byte read: each of the four digits is checked a byte per lane (below 0x80, then
    /// '0'...'9' or, with bit 5 set, 'a'...'f'), without a branch per digit.
    @inline(__always)
    static func plainUnicodeEscape(at index: Int, in input: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let word = UInt64(littleEndian: UnsafeRawPointer(input.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self))
        guard word & 0xFFFF == 0x755C else { return nil }  // `\u`, the backslash lowest
        let digits = UInt32(truncatingIfNeeded: word &>> 16)
        let high: UInt32 = 0x8080_8080, ones: UInt32 = 0x0101_0101
        guard digits & high == 0 else { return nil }
        // With each lane's high bit set, subtracting n leaves it set exactly in the lanes of at least n;
        // no lane borrows from the next.
        func atLeast(_ n: UInt32, _ lanes: UInt32) -> UInt32 { ((lanes | high) &- ones &* n) & high }
        let lowered = digits | ones &* 0x20
        let isDigit = atLeast(0x30, digits) & ~atLeast(0x3A, digits)
        let isLetter = atLeast(0x61, lowered) & ~atLeast(0x67, lowered)
        guard isDigit | isLetter == high else { return nil }
        let unit = hexValue(ofDigits: digits)
        return unit & 0xF800 == 0xD800 ? nil : unit
    }

    /// The value of the four hex digits of `word`, known to be valid, the first in the low byte.
    @inline(__always)
    static func hexValue(ofDigits word: UInt32) -> UInt32 {
        let digits = (word & 0x0F0F_0F0F) &+ (word &>> 6 & 0x0101_0101) &* 9  // one digit per byte, the first lowest
        return (digits & 0xFF) &<< 12 | (digits &>> 8 & 0xFF) &<< 8 | (digits &>> 16 & 0xFF) &<< 4 | digits &>> 24
    }

    /// The offset of the first quote, backslash or control character at or after `start` (a byte of
    /// at least 0x80 at a character's start), after checking the UTF-8 before it; or an offset at which
    /// ``scanStringInFull()`` carries on, after well-formed text.
    ///
    /// Text goes 16 bytes at a time (ASCII and non-ASCII mixed), each block checked with the bytes before
    /// it, as simdjson checks UTF-8: a byte is a continuation byte exactly when one of the two before it
    /// leads a sequence that long. Only leads of two and three bytes whose second byte may be any
    /// continuation byte pass a block (C2 to DF, E1 to EC, EE and EF: Chinese text is E4 to E9); any other
    /// byte of 0xC0 or more, a block with anything wrong before its first quote, backslash or control
    /// character, and the input's last 16 bytes, are left to ``multiByteSequenceEnd(at:)`` from the last
    /// character start, which checks them one by one and reports the exact error.
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    mutating func nonASCIITextEnd(at start: Int, contentStart: Int) throws(JSONReadError) -> Int {
        var index = start
        // The two bytes before the first block may reach before the opening quote, into the JSON around
        // the string, which is ASCII; anything else there must not take part in the check.
        let open = contentStart &- 1
        let readable = index >= 2 && (index &- 2 >= open || input[open &- 1] < 0x80)
        if let base = input.baseAddress, readable {
            while index &+ 16 <= input.count {
                let (special, wellFormed) = Self.utf8Block(at: UnsafeRawPointer(base + index))
                guard wellFormed else { break }
                if special < 16 { return index &+ special }
                index &+= 16
            }
            // Back to the start of the last character before `index`: a block checks that each lead
            // byte's continuation bytes within it are there, not those past its end.
            if index > start {
                var last = index &- 1
                while last > start && input[last] & 0xC0 == 0x80 { last &-= 1 }
                if input[last] >= 0x80 { index = last }
            }
        }
        return try multiByteSequenceEnd(at: index)
    }

    /// For the 16 bytes at `bytes` of a string's text, whose 2 bytes before are readable and checked: the
    /// offset of the first quote, backslash or control character (16 when there is none), and
    /// whether the UTF-8 up to and including it is well-formed (so that no sequence is cut short by it).
    @inline(__always)
    static func utf8Block(at bytes: UnsafeRawPointer) -> (special: Int, wellFormed: Bool) {
        // Types spelled out, as in ``firstAttention(in:)``.
        typealias Block = SIMD16<UInt8>
        let block = bytes.loadUnaligned(as: Block.self)
        let back1 = (bytes - 1).loadUnaligned(as: Block.self)
        let back2 = (bytes - 2).loadUnaligned(as: Block.self)
        let special = (block .== Block(repeating: 0x22)) .| (block .== Block(repeating: 0x5C))
            .| (block .< Block(repeating: 0x20))
        let isContinuation = (block & Block(repeating: 0xC0)) .== Block(repeating: 0x80)
        // No lead of four bytes gets past a block (below), so only leads of two and three bytes matter.
        let mustContinue = (back1 .>= Block(repeating: 0xC0)) .| (back2 .>= Block(repeating: 0xE0))
        // Left to the per-character check: C0 and C1 (overlong), F5 to FF (never valid), and the leads
        // whose second byte has a narrower range, E0, ED, F0 and F4, with the rest of the four-byte leads
        // (emoji and the like, rare next to CJK text).
        let leftOver = ((block &- Block(repeating: 0xC0)) .< Block(repeating: 2)) .| (block .== Block(repeating: 0xE0))
            .| (block .== Block(repeating: 0xED)) .| (block .>= Block(repeating: 0xF0))
        let wrong = (isContinuation .^ mustContinue) .| leftOver
        // Each byte of a mask is 0 or 0xFF, read as two words as in ``firstLane(of:)``; the first special
        // byte is found word by word here, since only the bytes up to it count: `upTo` has their bits set.
        let specials = unsafeBitCast(special, to: SIMD2<UInt64>.self), wrongs = unsafeBitCast(wrong, to: SIMD2<UInt64>.self)
        let specialLow = UInt64(littleEndian: specials[0]), specialHigh = UInt64(littleEndian: specials[1])
        let wrongLow = UInt64(littleEndian: wrongs[0]), wrongHigh = UInt64(littleEndian: wrongs[1])
        if specialLow != 0 {
            let first = specialLow.trailingZeroBitCount &>> 3
            let upTo = first == 7 ? UInt64.max : (UInt64(1) &<< ((first &+ 1) &* 8)) &- 1
            return (first, wrongLow & upTo == 0)
        }
        if specialHigh != 0 {
            let first = specialHigh.trailingZeroBitCount &>> 3
            let upTo = first == 7 ? UInt64.max : (UInt64(1) &<< ((first &+ 1) &* 8)) &- 1
            return (8 &+ first, wrongLow == 0 && wrongHigh & upTo == 0)
        }
        return (16, wrongLow | wrongHigh == 0)
    }

    /// ``utf8SequenceEnd(at:)`` for runs of non-ASCII text: well-formed sequences are checked inline,
    /// one after another; an ill-formed one goes through the full check, which reports it.
    @inline(__always)
    mutating func multiByteSequenceEnd(at start: Int) throws(JSONReadError) -> Int {
        var index = start
        let count = input.count
        while index < count {
            let lead = input[index]
            if lead < 0x80 { return index }
            let length = Self.wellFormedSequenceLength(in: input, at: index)
            if length == 0 { return try utf8SequenceEnd(at: index) }  // Throws: the sequence is ill-formed.
            index &+= length
        }
        return index
    }

    /// RFC 3629's table for a byte that leads a sequence of 2 to 4 bytes: the sequence's length and the
    /// range its second byte must lie in (the narrower ranges exclude overlong forms, surrogates and code
    /// points above U+10FFFF); nil for a byte that cannot lead one.
    @inline(__always)
    static func utf8LeadRule(_ lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }

    /// The length of the well-formed UTF-8 sequence of 2 to 4 bytes at `index`, or 0 when there is none
    /// (RFC 3629's table: no overlong forms, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func wellFormedSequenceLength(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard let (length, low, high) = utf8LeadRule(input[index]) else { return 0 }
        guard index &+ length <= input.count else { return 0 }
        let second = input[index &+ 1]
        guard second >= low && second <= high else { return 0 }
        if length >= 3 && input[index &+ 2] & 0xC0 != 0x80 { return 0 }
        if length == 4 && input[index &+ 3] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// The offset after the multi-byte UTF-8 sequence starting at `index`, after checking it
    /// (RFC 3629's table: no overlong forms, no surrogates, nothing above U+10FFFF).
    func utf8SequenceEnd(at index: Int) throws(JSONReadError) -> Int {
        let lead = input[index]
        guard let (length, low, high) = Self.utf8LeadRule(lead) else {
            switch lead {
            case 0x80...0xBF:
                throw makeError(.invalidUTF8, "byte 0x\(hex(UInt32(lead), width: 2)) is a UTF-8 continuation byte with no lead byte", at: index)
            case 0xC0, 0xC1:
                throw makeError(.invalidUTF8, "byte 0x\(hex(UInt32(lead), width: 2)) starts an overlong UTF-8 encoding", at: index)
            default:
                throw makeError(.invalidUTF8, "byte 0x\(hex(UInt32(lead), width: 2)) never appears in UTF-8", at: index)
            }
        }
        let secondRange = low...high
        guard index &+ 1 < input.count, (0x80...0xBF).contains(input[index &+ 1]) else {
            throw makeError(.invalidUTF8, "truncated UTF-8 sequence", at: index)
        }
        let second = input[index &+ 1]
        if !secondRange.contains(second) {
            let reason = switch lead {
            case 0xED: "an encoded UTF-16 surrogate (CESU-8), not valid UTF-8"
            case 0xF4: "a code point above U+10FFFF"
            default: "an overlong UTF-8 encoding"
            }
            throw makeError(.invalidUTF8, "bytes 0x\(hex(UInt32(lead), width: 2)) 0x\(hex(UInt32(second), width: 2)) start \(reason)", at: index)
        }
        for offset in 2..<length {
            guard index &+ offset < input.count, (0x80...0xBF).contains(input[index &+ offset]) else {
                throw makeError(.invalidUTF8, "truncated UTF-8 sequence", at: index)
            }
        }
        return index &+ length
    }
}
