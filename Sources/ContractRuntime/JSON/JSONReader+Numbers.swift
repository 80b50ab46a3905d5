internal import CJSONBlocks

extension JSONReader {
    /// A validated number in the input, with its digits already accumulated for fast conversion.
    struct NumberToken {
        var start: Int
        var end: Int
        var isNegative: Bool
        /// Written without a fraction or exponent.
        var isInteger: Bool
        /// Up to the first 19 significant digits, as an integer.
        var significand: UInt64
        /// The number is `significand × 10^exponent` when `isExact`.
        var exponent: Int
        /// False when more than 19 significant digits were written.
        var isExact: Bool

        /// The value as an `Int64`, for an integer token that fits.
        var int64Value: Int64? {
            guard isInteger, isExact else { return nil }
            if isNegative {
                return significand <= UInt64(Int64.max) + 1 ? Int64(bitPattern: 0 &- significand) : nil
            }
            return significand <= UInt64(Int64.max) ? Int64(significand) : nil
        }
    }

    /// Validates the number starting at `position` and moves past it.
    ///
    /// RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func scanNumber() throws(JSONReadError) -> NumberToken {
        let start = position
        let count = input.count
        var index = start
        var token = NumberToken(start: start, end: start, isNegative: false, isInteger: true,
                                significand: 0, exponent: 0, isExact: true)
        var digits = 0
        if input[index] == UInt8(ascii: "-") {
            token.isNegative = true
            index &+= 1
        }
        guard index < count, Self.isDigit(input[index]) else {
            position = index
            throw index < count && (input[index] == UInt8(ascii: "I") || input[index] == UInt8(ascii: "N"))
                ? makeError(.malformedJSON, "NaN and Infinity are not JSON numbers", at: start)
                : makeError(.malformedJSON, "expected a digit after '-'", at: index)
        }
        if input[index] == UInt8(ascii: "0") {
            index &+= 1
            if index < count, Self.isDigit(input[index]) {
                throw makeError(.malformedJSON, "numbers must not have leading zeros", at: index)
            }
        } else {
            Self.accumulateDigitRun(in: input, at: &index, into: &token.significand, digits: &digits)
            while index < count, Self.isDigit(input[index]) {
                if digits < 19 {
                    token.significand = token.significand &* 10 &+ UInt64(input[index] &- UInt8(ascii: "0"))
                    digits &+= 1
                } else {
                    token.isExact = false
                    token.exponent &+= 1
                }
                index &+= 1
            }
        }
        if index < count, input[index] == UInt8(ascii: ".") {
            token.isInteger = false
            index &+= 1
            guard index < count, Self.isDigit(input[index]) else {
                throw makeError(.malformedJSON, "expected a digit after the decimal point", at: index)
            }
            if token.significand == 0 {
                // Leading zeros of a fraction (0.000123) are not significant digits: they only scale.
                let zerosStart = index
                while index < count, input[index] == UInt8(ascii: "0") { index &+= 1 }
                token.exponent &-= index &- zerosStart
            }
            let fractionStart = index
            Self.accumulateDigitRun(in: input, at: &index, into: &token.significand, digits: &digits)
            token.exponent &-= index &- fractionStart
            while index < count, Self.isDigit(input[index]) {
                let digit = input[index] &- UInt8(ascii: "0")
                if digits < 19 {
                    digits &+= 1
                    token.significand = token.significand &* 10 &+ UInt64(digit)
                    token.exponent &-= 1
                } else if digit != 0 {
                    token.isExact = false
                }
                index &+= 1
            }
        }
        if index < count, input[index] | 0x20 == UInt8(ascii: "e") {
            token.isInteger = false
            index &+= 1
            var exponentIsNegative = false
            if index < count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") {
                exponentIsNegative = input[index] == UInt8(ascii: "-")
                index &+= 1
            }
            guard index < count, Self.isDigit(input[index]) else {
                throw makeError(.malformedJSON, "expected a digit in the exponent", at: index)
            }
            var written = 0
            while index < count, Self.isDigit(input[index]) {
                // Past a million the result is zero or infinite either way; stop growing.
                if written < 1_000_000 { written = written &* 10 &+ Int(input[index] &- UInt8(ascii: "0")) }
                index &+= 1
            }
            token.exponent &+= exponentIsNegative ? -written : written
        }
        token.end = index
        position = index
        if index < count, Self.continuesToken(input[index]) {
            throw unendedToken("the number \(text(token))", at: index)
        }
        return token
    }

    /// The integer at `position` when it is written plainly with 1 to 15 digits: an optional `-`, no
    /// leading zero, no fraction or exponent, not `-0`, and followed by a byte that cannot continue a
    /// token. `position` moves past it. Nil, with `position` unchanged, for any other number, and for one
    /// within 16 bytes of the input's end: ``scanNumber()`` reads those, with its exact verdict and error.
    @inline(__always)
    mutating func plainInteger() -> Int64? {
        guard let part = plainIntegerPart() else { return nil }
        return plainInteger(part)
    }

    /// ``plainInteger()`` for the integer part ``plainIntegerPart()`` read.
    @inline(__always)
    mutating func plainInteger(_ part: PlainIntegerPart) -> Int64? {
        guard !Self.continuesToken(input[part.end]), !(part.isNegative && part.magnitude == 0) else { return nil }
        position = part.end
        return part.isNegative ? 0 &- Int64(part.magnitude) : Int64(part.magnitude)
    }

    /// The sign and digits before any fraction of a number written plainly, as ``plainIntegerPart()`` reads them.
    struct PlainIntegerPart {
        var magnitude: UInt64
        /// How many digits were written: 1 to 15.
        var digits: Int
        /// Where the digits end.
        var end: Int
        var isNegative: Bool
    }

    /// The optional `-` and the 1 to 15 digits at `position`, without a leading zero, when at least 16
    /// bytes follow the sign (so whole words can be read, and the byte after the digits exists); nil
    /// otherwise. What follows the digits is not looked at, and `position` does not move.
    ///
    /// From two 8-byte reads at most, the digits' count and value from each word as in
    /// ``accumulateDigitRun(in:at:into:digits:)``, with none of ``NumberToken``'s bookkeeping.
    @inline(__always)
    func plainIntegerPart() -> PlainIntegerPart? {
        let isNegative = input[position] == UInt8(ascii: "-")
        let start = isNegative ? position &+ 1 : position
        guard start &+ 16 <= input.count, let base = input.baseAddress else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        let count = Self.leadingDigitCount(word)
        // A leading zero (the low byte is the first digit) is refused by scanNumber, or is `0` alone.
        guard count > 0, count == 1 || word & 0xFF != 0x30 else { return nil }
        if count < 8 {
            return PlainIntegerPart(magnitude: Self.value(ofLeadingDigits: count, in: word), digits: count,
                                    end: start &+ count, isNegative: isNegative)
        }
        let second = UInt64(littleEndian: UnsafeRawPointer(base + (start &+ 8)).loadUnaligned(as: UInt64.self))
        let more = Self.leadingDigitCount(second)
        guard more < 8 else { return nil }  // 16 digits or more
        var value = Self.value(ofLeadingDigits: 8, in: word)
        if more > 0 { value = value &* Self.powerOfTenInteger(more) &+ Self.value(ofLeadingDigits: more, in: second) }
        return PlainIntegerPart(magnitude: value, digits: 8 &+ more, end: start &+ 8 &+ more, isNegative: isNegative)
    }

    /// The number at `position` as a double when it is written plainly: an integer part as
    /// ``plainIntegerPart()`` reads it, then nothing or a fraction as ``plainFraction(after:)`` reads it
    /// (no exponent), and a byte after it that cannot continue a token. `position` moves past
    /// it. Nil, with `position` unchanged, for any other number: ``scanNumber()`` reads those.
    @inline(__always)
    mutating func plainDouble() -> Double? {
        guard let part = plainIntegerPart() else { return nil }
        if !Self.continuesToken(input[part.end]) {
            position = part.end
            // At most 15 digits: exact in a double. `-0` is -0.0, as `doubleValue(_:)` gives.
            return part.isNegative ? -Double(part.magnitude) : Double(part.magnitude)
        }
        return plainFraction(after: part)
    }

    /// ``plainDouble()`` for a number with a fraction, whose integer part is `part`: nil, with `position`
    /// unchanged, unless `.` follows it, then digits read from whole words (as
    /// ``accumulateDigitRun(in:at:into:digits:)`` reads them: 8 bytes from each, so not in the input's last
    /// 7 bytes) up to 19 digits in all with the integer part's, and a byte after them that cannot continue a
    /// token (not another digit, `e` or `E`).
    ///
    /// The value is correctly rounded as ``doubleValue(_:)`` rounds: one division of exact operands while
    /// the significand is at most 2^53, ``quotient(_:dividedByPowerOfTen:)`` above that.
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    mutating func plainFraction(after part: PlainIntegerPart) -> Double? {
        let point = part.end
        guard input[point] == UInt8(ascii: ".") else { return nil }
        var end = point &+ 1
        var significand = part.magnitude
        // A leading `0` of the integer part is not a significant digit (0.057000929535789946 has 17).
        var digits = part.magnitude == 0 ? 0 : part.digits
        Self.accumulateDigitRun(in: input, at: &end, into: &significand, digits: &digits)
        let fractionDigits = end &- point &- 1
        // No digit (or none read here), or more than 19 in all, or an exponent: ``scanNumber()`` reads it.
        guard fractionDigits > 0, end < input.count, !Self.continuesToken(input[end]) else { return nil }
        let value: Double
        if significand <= 1 &<< 53 {
            value = Double(significand) / Self.powerOfTen(fractionDigits)
        } else {
            value = Self.quotient(significand, dividedByPowerOfTen: fractionDigits)
        }
        position = end
        return part.isNegative ? -value : value
    }

    /// Passes over the number starting at `position`, checking it as ``scanNumber()`` and ``checkRange(_:)``
    /// would, without accumulating its digits: a well-formed number whose magnitude is surely below 10^300 (its
    /// integer digits plus its exponent) is passed over here; anything else, malformed or large, is read again
    /// by ``scanNumber()``, which gives the exact verdict and error.
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    mutating func skipNumber() throws(JSONReadError) {
        // `ec_skip_number` (CJSONBlocks) holds the grammar and the magnitude's bound, for the block walk as well.
        let end = ec_skip_number(input.baseAddress.unsafelyUnwrapped, input.count, position)
        if end < 0 || (end < input.count && Self.continuesToken(input[end])) { return try skipNumberInFull() }
        position = end
    }

    /// ``skipNumber()`` for a number it leaves to the full reading: malformed, or possibly too large for a
    /// double. Out of line, so that the path of ordinary numbers stays short.
    @inline(never)
    mutating func skipNumberInFull() throws(JSONReadError) {
        try checkRange(try scanNumber())
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Adds the run of digits at `index` to `significand`, up to eight at a time with one word read, while
    /// the significand stays within 19 digits (so it is exact and fits in 64 bits); stops at the run's end,
    /// and leaves the input's last 7 bytes and any digits past the 19th to the caller's loop.
    @inline(__always)
    static func accumulateDigitRun(in input: UnsafeBufferPointer<UInt8>, at index: inout Int,
                                   into significand: inout UInt64, digits: inout Int) {
        guard let base = input.baseAddress else { return }
        while index &+ 8 <= input.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let count = min(leadingDigitCount(word), 19 &- digits)
            guard count > 0 else { return }
            significand = significand &* powerOfTenInteger(count) &+ value(ofLeadingDigits: count, in: word)
            digits &+= count
            index &+= count
            if count < 8 { return }
        }
    }

    /// How many of the bytes of `word`, from the low one, are ASCII digits before the first that is not.
    @inline(__always)
    static func leadingDigitCount(_ word: UInt64) -> Int {
        // A byte below '0' borrows into its high bit, one above '9' carries into it, one at or above 0x80
        // has it set in one of the two. Borrows and carries reach only bytes above the first non-digit,
        // so the lowest flagged byte is exact.
        let flagged = ((word &- 0x3030_3030_3030_3030) | (word &+ 0x4646_4646_4646_4646)) & 0x8080_8080_8080_8080
        return flagged.trailingZeroBitCount &>> 3  // 8 when all are digits
    }

    /// The value of the first `count` (1 to 8) bytes of `word`, all ASCII digits, the first in the low byte.
    @inline(__always)
    static func value(ofLeadingDigits count: Int, in word: UInt64) -> UInt64 {
        // Shifted so the digits are the last `count` of eight, after zeros; then pairs, quadruples and all
        // eight are combined, each step adding neighbouring lanes (simdjson's method). Swift's shifts bind
        // tighter than `&` and `&*`: every step is parenthesized.
        var value = ((word & 0x0F0F_0F0F_0F0F_0F0F) &<< (64 &- 8 &* UInt64(truncatingIfNeeded: count)))
        value = (value &* 2561) &>> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        value = ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
        return value
    }

    /// 10^exponent for 1...8.
    @inline(__always)
    static func powerOfTenInteger(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// The number as a double: exact arithmetic when the digits allow it (Clinger's fast path), the
    /// standard library's correctly rounded parser otherwise.
    @inline(__always)
    mutating func doubleValue(_ token: NumberToken) throws(JSONReadError) -> Double {
        if token.isExact && token.significand <= 1 << 53 && token.exponent >= -22 && token.exponent <= 22 {
            var value = Double(token.significand)
            if token.exponent < 0 {
                value /= Self.powerOfTen(-token.exponent)
            } else {
                value *= Self.powerOfTen(token.exponent)
            }
            return token.isNegative ? -value : value
        }
        return try parsedDoubleValue(token)
    }

    /// ``doubleValue(_:)`` for numbers outside the exact fast path: up to 19 significant digits with any exponent
    /// (`0.057000929535789946`, and `4.33115549132292e-9` as Python writes small numbers) by `ec_decimal_to_double`,
    /// two products rather than the standard library's parser, which costs ten times as much; that parser for the
    /// rest (more digits, and results that are subnormal or overflow).
    @inline(never)
    mutating func parsedDoubleValue(_ token: NumberToken) throws(JSONReadError) -> Double {
        if token.significand == 0 {
            return token.isNegative ? -0.0 : 0.0
        }
        if token.isExact {
            var found: Int32 = 0
            let value = ec_decimal_to_double(token.significand, Int64(token.exponent), &found)
            if found != 0 { return token.isNegative ? -value : value }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[token.start..<token.end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw makeError(.numberOutOfRange, "the number \(Self.abbreviated(text)) is too large for a double", at: token.start)
        }
        return value
    }

    /// `dividend / 10^exponent` rounded to the nearest double (ties to even), for a dividend above zero and
    /// an exponent from 1 to 19, so that 10^exponent fits in 64 bits.
    ///
    /// The dividend, shifted to fill 64 bits, is divided with 64 more bits: the quotient has 64 to 128
    /// bits, of which the top 53 are kept; the bits below them and the remainder decide the rounding.
    static func quotient(_ dividend: UInt64, dividedByPowerOfTen exponent: Int) -> Double {
        let divisor = UInt64(powerOfTen(exponent))  // exact: 10^19 < 2^64, and a double holds 10^k exactly to 10^22
        let shift = dividend.leadingZeroBitCount
        let (quotientHigh, remainderHigh) = (dividend &<< shift).quotientAndRemainder(dividingBy: divisor)
        let (quotientLow, remainder) = divisor.dividingFullWidth((high: remainderHigh, low: 0))
        // The quotient is dividend × 2^(64 + shift) / divisor, rounded down. Keep its top 64 bits in `top`,
        // with `scale` such that the value is about top × 2^scale, and note whether anything was dropped.
        let top: UInt64
        var scale: Int
        var sticky = remainder != 0
        if quotientHigh != 0 {
            let leading = quotientHigh.leadingZeroBitCount
            top = leading == 0 ? quotientHigh : quotientHigh &<< leading | quotientLow &>> (64 &- leading)
            if quotientLow &<< leading != 0 { sticky = true }
            scale = -leading &- shift
        } else {
            let leading = quotientLow.leadingZeroBitCount
            top = quotientLow &<< leading
            scale = -64 &- leading &- shift
        }
        // Round the 64 bits to 53: the 11 bits below decide, ties go to the even neighbour.
        var significand = top &>> 11
        let rest = top & 0x7FF
        if rest > 0x400 || (rest == 0x400 && (sticky || significand & 1 == 1)) {
            significand &+= 1
        }
        scale &+= 11
        if significand == 1 &<< 53 {
            significand &>>= 1
            scale &+= 1
        }
        // The value lies between 10^-19 and 2^64, so the scaling is exact.
        return Double(sign: .plus, exponent: scale, significand: Double(significand))
    }

    /// Throws ``JSONErrorCategory/numberOutOfRange`` when the number overflows a double, as
    /// ``doubleValue(_:)`` would, converting it only when its size leaves that in doubt.
    @inline(__always)
    mutating func checkRange(_ token: NumberToken) throws(JSONReadError) {
        // At most 19 significant digits times 10^exponent: below 10^(19 + exponent), so below 10^308
        // (and finite) while the exponent is at most 289. Underflow to zero is accepted anyway.
        if token.exponent <= 289 { return }
        _ = try doubleValue(token)
    }

    /// The value `readValue()` keeps: `.int` for integers that fit in 64 bits, `.double` otherwise.
    ///
    /// `-0` becomes the double -0.0, since an `Int64` has no negative zero and the sign would be lost.
    @inline(__always)
    mutating func jsonValue(_ token: NumberToken) throws(JSONReadError) -> JSONValue {
        if let integer = token.int64Value, !(integer == 0 && token.isNegative) {
            return .int(integer)
        }
        return .double(try doubleValue(token))
    }

    /// The text of a token, shortened if it is long.
    func text(_ token: NumberToken) -> String {
        Self.abbreviated(String(decoding: UnsafeBufferPointer(rebasing: input[token.start..<token.end]), as: UTF8.self))
    }

    static func abbreviated(_ text: String) -> String {
        text.utf8.count <= 40 ? text : String(text.prefix(37)) + "..."
    }

    /// 10^exponent for 0...22, all exact in a double; a switch, not a global array, so reading one
    /// costs no lazy-initialization check and no retain.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}
