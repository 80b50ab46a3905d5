import ContractSchema

/// Finds the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, no surrogates).
enum UTF8Check {
    /// The offset and a description of the first malformed sequence, or nil when `bytes` is valid.
    static func firstError<C: RandomAccessCollection>(in bytes: C) -> (offset: Int, problem: String)?
    where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default:
                return (i - bytes.startIndex, "byte 0x\(hex(b)) cannot start a UTF-8 character")
            }
            if i + length > end {
                return (i - bytes.startIndex, "truncated UTF-8 sequence starting with byte 0x\(hex(b))")
            }
            for k in 1..<length {
                let c = bytes[i + k]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if c < lo || c > hi {
                    return (i - bytes.startIndex, "malformed UTF-8 sequence starting with byte 0x\(hex(b))")
                }
            }
            i += length
        }
        return nil
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}
