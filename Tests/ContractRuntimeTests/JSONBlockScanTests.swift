import CJSONBlocks
import ContractRuntime
import Testing

/// The block scan (CJSONBlocks), the first stage of ``JSONReader/skipValueInBlocks()``: every kernel this
/// processor has (AVX2, and the plain loop) must give exactly what a byte-by-byte reference written here
/// gives, masks and carried state alike, on random text made of the bytes the kernels treat apart, four
/// blocks in a row so that strings, escapes, runs of scalar bytes and UTF-8 sequences cross block boundaries.
@Suite struct JSONBlockScanTests {
    /// What the reference and the kernels give for one block.
    struct Scan: Equatable, CustomStringConvertible {
        var tokens: UInt64, inString: UInt64, backslash: UInt64, escapes: UInt64, scalar: UInt64, numberEnds: UInt64
        var spaceControls: UInt64
        var problem: Bool
        var carried: [UInt64]

        var description: String {
            "tokens \(hex(tokens)) inString \(hex(inString)) backslash \(hex(backslash)) escapes \(hex(escapes)) "
                + "scalar \(hex(scalar)) numberEnds \(hex(numberEnds)) spaceControls \(hex(spaceControls)) "
                + "problem \(problem) carried \(carried.map(hex))"
        }

        func hex(_ bits: UInt64) -> String { String(bits, radix: 16) }
    }

    /// The reference: one byte at a time, from the definitions.
    struct Reference {
        var inString = false, escapedNext = false, inScalar = false
        var lastBytes: [UInt8] = [0, 0, 0]  // the last 3 bytes of the block before, for the carried `text`

        mutating func scan(_ text: [UInt8], at start: Int) -> Scan {
            var tokens: UInt64 = 0, inStrings: UInt64 = 0, backslashes: UInt64 = 0, escapes: UInt64 = 0
            var scalar: UInt64 = 0
            var problem = false
            utf8Problem = false
            let textBefore = lastBytes.contains { $0 >= 0x80 }
            let block = Array(text[start..<start + 64])
            let hasNonASCII = block.contains { $0 >= 0x80 }
            for offset in 0..<64 {
                let byte = block[offset], bit = UInt64(1) << UInt64(offset)
                let escaped = escapedNext
                escapedNext = byte == UInt8(ascii: "\\") && !escaped
                if byte == UInt8(ascii: "\\") { backslashes |= bit }
                let isQuote = byte == UInt8(ascii: "\"") && !escaped
                let whitespace = [0x20, 0x0A, 0x0D, 0x09].contains(byte)
                let structural = Array("{}[]:,".utf8).contains(byte)
                if byte == UInt8(ascii: "\"") && escaped && !inString {
                    inScalar = false  // an escaped quote outside a string is no scalar byte (nor a token)
                    continue
                }
                if isQuote {
                    tokens |= bit
                    if !inString { inStrings |= bit }
                    inString.toggle()
                    inScalar = false
                    continue
                }
                if inString {
                    inStrings |= bit
                    if byte < 0x20 { problem = true }
                    if byte == UInt8(ascii: "\\") && !escaped {
                        // A `\uXXXX` within the block, not starting with `d`, is checked by the kernel.
                        let isUnicode = offset <= 58 && block[offset + 1] == UInt8(ascii: "u")
                        if isUnicode && block[offset + 2] | 0x20 != UInt8(ascii: "d") {
                            if !block[(offset + 2)...(offset + 5)].allSatisfy({ $0.isHexDigit }) { problem = true }
                        } else {
                            escapes |= bit
                            if isUnicode && !block[(offset + 2)...(offset + 5)].allSatisfy({ $0.isHexDigit }) { problem = true }
                        }
                    }
                    inScalar = false
                    continue
                }
                if structural {
                    tokens |= bit
                    inScalar = false
                } else if whitespace {
                    inScalar = false
                } else {
                    if !inScalar { tokens |= bit }
                    inScalar = true
                    scalar |= bit
                }
            }
            if (hasNonASCII || textBefore) && (start..<start + 64).contains(where: {
                Self.breaksUTF8(text[$0], after: text[$0 - 1], text[$0 - 2], text[$0 - 3])
            }) {
                problem = true
                utf8Problem = true
            }
            // The runs of scalar bytes that begin in the block (at a token) and end before its last byte: the last
            // byte of each that is a number without exponent.
            var numberEnds: UInt64 = 0
            var start = 0
            while start < 64 {
                guard scalar >> UInt64(start) & 1 == 1 else { start += 1; continue }
                var end = start
                while end < 64 && scalar >> UInt64(end) & 1 == 1 { end += 1 }
                if tokens >> UInt64(start) & 1 == 1 && end < 64 {
                    if Self.isNumberWithoutExponent(block[start..<end]) {
                        numberEnds |= 1 << UInt64(end - 1)
                    } else if block[start] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(block[start]) {
                        notNumbers += 1
                    }
                }
                start = end
            }
            lastBytes = Array(block[61..<64])
            let carried: [UInt64] = [inString ? .max : 0, escapedNext ? 1 : 0, inScalar ? 1 : 0,
                                     UInt64(block[61] >> 7) | UInt64(block[62] >> 7) << 1 | UInt64(block[63] >> 7) << 2]
            // Tabs, line feeds and carriage returns, wherever they are.
            let spaceControls = block.indices.reduce(UInt64(0)) { bits, offset in
                [0x09, 0x0A, 0x0D].contains(block[offset]) ? bits | 1 << UInt64(offset) : bits
            }
            return Scan(tokens: tokens, inString: inStrings, backslash: backslashes, escapes: escapes, scalar: scalar,
                        numberEnds: numberEnds, spaceControls: spaceControls, problem: problem, carried: carried)
        }

        /// Whether `bytes` are a JSON number without exponent, `-?(0|[1-9][0-9]*)(.[0-9]+)?`, from the grammar.
        static func isNumberWithoutExponent(_ bytes: ArraySlice<UInt8>) -> Bool {
            var rest = bytes[...]
            func digits() -> Int {
                let count = rest.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count
                rest = rest.dropFirst(count)
                return count
            }
            if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            if rest.first == UInt8(ascii: "0") {
                rest = rest.dropFirst()
            } else if digits() == 0 {
                return false
            }
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                if digits() == 0 { return false }
            }
            return rest.isEmpty
        }

        /// Whether the last scan found a byte that breaks UTF-8.
        var utf8Problem = false
        /// How many runs that begin like a number, within a block, were not numbers without exponent.
        var notNumbers = 0

        /// Whether `byte` breaks RFC 3629 after the three bytes before it, found at the byte where a sequence goes
        /// wrong: the continuation bytes a lead calls for, the narrower ranges of the second byte after E0, ED, F0
        /// and F4, and the bytes never in UTF-8 (C0, C1, F5 and above).
        static func breaksUTF8(_ byte: UInt8, after before1: UInt8, _ before2: UInt8, _ before3: UInt8) -> Bool {
            let isContinuation = byte & 0xC0 == 0x80
            // The third byte of a 3- or 4-byte sequence, or the fourth of a 4-byte one, must be a continuation byte
            // after one.
            let isLaterContinuation = before2 >= 0xE0 || before3 >= 0xF0
            switch before1 {
            case 0x00..<0x80: return isContinuation || isLaterContinuation
            case 0x80..<0xC0: return isContinuation != isLaterContinuation
            default:  // a lead: a continuation byte in its range must follow
                guard isContinuation, !isLaterContinuation else { return true }
                switch before1 {
                case 0xC0, 0xC1: return true
                case 0xE0: return byte < 0xA0
                case 0xED: return byte >= 0xA0
                case 0xF0: return byte < 0x90
                case 0xF4: return byte >= 0x90
                case 0xF5...: return true
                default: return false
                }
            }
        }
    }

    /// The scans compared with the reference: each kernel this processor has, by number, and where it has AVX2, the
    /// entry the reader calls (`ec_scan_block_avx2`), as -1.
    static var scans: [Int32] {
        Array(Int32(0)...ec_best_scan_kernel()) + (ec_best_scan_kernel() == 1 ? [-1] : [])
    }

    static func kernelScan(_ kernel: Int32, _ text: [UInt8], at start: Int, state: inout ec_scan_state) -> Scan {
        var out = ec_block_scan()
        text.withUnsafeBufferPointer { buffer in
            if kernel == -1 {
                ec_scan_block_avx2(buffer.baseAddress! + start, &state, &out)
            } else {
                ec_scan_block_with(kernel, buffer.baseAddress! + start, &state, &out)
            }
        }
        return Scan(tokens: out.tokens, inString: out.inString, backslash: out.backslash, escapes: out.escapes,
                    scalar: out.scalar, numberEnds: out.numberEnds, spaceControls: out.spaceControls,
                    problem: out.problem != 0,
                    carried: [state.inString, state.escaped, state.scalar, state.text])
    }

    /// 16 bytes, then four blocks of 64: pieces of JSON (keys, escapes, CJK text, numbers, literals) and single
    /// bytes the kernels treat apart (control characters, the two that match the structural table, UTF-8
    /// leads and continuation bytes, bytes that never appear in UTF-8).
    static func text(using generator: inout SplitMix64) -> [UInt8] {
        let pieces = [#"{"key": "#, #""value", "#, #"\u6570\u636e"#, #"\ud83d\ude00"#, #"\"#, #"\\"#, #"\""#, "数据", "😀",
                      "123", "-4.5e+6", "true", "null", "0", "7", "-", ".", "0.25", "-0", "1.5.2", "10", "e", " ", "\n", "[", "]", "}", ":", ",", #"\n"#, #"\u00"#, #"\uD8"#, #"\u12G4"#]
        let bytes: [UInt8] = [0x00, 0x09, 0x0C, 0x0D, 0x1A, 0x1F, 0x22, 0x5C, 0x75, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC3, 0xE0, 0xE4,
                              0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        var text: [UInt8] = []
        while text.count < 16 + 4 * 64 {
            if Int.random(in: 0..<4, using: &generator) == 0 {
                text.append(bytes.randomElement(using: &generator)!)
            } else {
                text += Array(pieces.randomElement(using: &generator)!.utf8)
            }
        }
        return Array(text.prefix(16 + 4 * 64))
    }

    @Test func everyKernelGivesTheReferencesMasks() {
        var generator = SplitMix64(seed: 0xB10C_5CA7)
        let kernels = Self.scans
        var problems = 0, escapesLeft = 0, utf8Problems = 0, numbers = 0, notNumbers = 0
        for _ in 0..<4_000 {
            let text = Self.text(using: &generator)
            // The text before the first block is outside the value: no string, no escape, and no text carried
            // (its bytes only feed the UTF-8 check of the first block's first 3 bytes).
            var reference = Reference()
            var states = kernels.map { _ in ec_scan_state() }
            defer { notNumbers += reference.notNumbers }
            for block in 0..<4 {
                let start = 16 + 64 * block
                let expected = reference.scan(text, at: start)
                for (index, kernel) in kernels.enumerated() {
                    let actual = Self.kernelScan(kernel, text, at: start, state: &states[index])
                    #expect(actual == expected, "kernel \(kernel), block \(block): \(actual) instead of \(expected) in \(text)")
                }
                if expected.problem { problems += 1 }
                if expected.escapes != 0 { escapesLeft += 1 }
                if reference.utf8Problem { utf8Problems += 1 }
                numbers += expected.numberEnds.nonzeroBitCount
            }
        }
        // The text reached each kind of outcome often.
        #expect(problems > 1_000 && escapesLeft > 1_000 && utf8Problems > 1_000 && numbers > 1_000,
                "\(problems) \(escapesLeft) \(utf8Problems) \(numbers)")
        #expect(notNumbers > 1_000, "\(notNumbers)")
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self | 0x20)
    }
}
