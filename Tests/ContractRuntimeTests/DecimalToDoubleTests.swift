import CJSONBlocks
@testable import ContractRuntime
import Testing

/// Numbers of up to 19 significant digits with any exponent are converted by `ec_decimal_to_double` (the Eisel-Lemire
/// method); it must give the standard library's correctly rounded double bit for bit, or leave the number to it.
@Suite struct DecimalToDoubleTests {
    /// A double by its bits (so that -0.0 and 0.0 differ), or an error's category.
    enum Outcome: Equatable {
        case double(UInt64)
        case failure(JSONErrorCategory)

        static func success(_ value: Double) -> Outcome { .double(value.bitPattern) }
    }

    /// The double the strict reader reads for `text`, or its error's category.
    static func read(_ text: String) -> Outcome {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONReadError) {
                var reader = try JSONReader(unsafeBuffer: buffer)
                let value = try reader.readValue()
                try reader.expectEnd()
                switch value {
                case .double(let double): return .success(double)
                case .int(let int): return .success(Double(int))
                default: return .failure(.typeMismatch)
                }
            } catch {
                return .failure(error.category)
            }
        }
    }

    /// What the reader must read: the standard library's double, or `number_out_of_range` where that is infinite.
    static func expected(_ text: String) -> Outcome {
        guard let value = Double(text) else { return .failure(.malformedJSON) }
        return value.isFinite ? .success(value) : .failure(.numberOutOfRange)
    }

    static func same(_ a: Outcome, _ b: Outcome) -> Bool { a == b }

    /// Random significands of 1 to 19 digits (the digits weighted to runs of 9s and 0s, where rounding is hardest)
    /// with exponents from -360 to 330, written with an exponent or as a plain decimal: the reader's double is the
    /// standard library's, bit for bit, and the C conversion takes most of them.
    @Test func randomDecimalsAreReadAsTheStandardLibraryReadsThem() {
        var generator = SplitMix64(seed: 0x5EED_001A)
        var found = 0, tried = 0
        for _ in 0..<60_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            var significand = ""
            for place in 0..<digits {
                let digit: Int
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: digit = 9
                case 1: digit = 0
                default: digit = Int.random(in: 0...9, using: &generator)
                }
                significand += String(place == 0 ? max(digit, 1) : digit)
            }
            let exponent = Int.random(in: -360...330, using: &generator)
            let negative = Bool.random(using: &generator)
            let text = (negative ? "-" : "") + significand + "e" + String(exponent)
            #expect(Self.same(Self.read(text), Self.expected(text)), "\(text)")
            // The same number with a decimal point inside the digits.
            if digits > 1 {
                let point = Int.random(in: 1..<digits, using: &generator)
                let decimal = String(significand.prefix(point)) + "." + String(significand.dropFirst(point)) + "E" + String(exponent)
                #expect(Self.same(Self.read(decimal), Self.expected(decimal)), "\(decimal)")
            }
            // The C function itself.
            var ok: Int32 = 0
            let value = ec_decimal_to_double(UInt64(significand)!, Int64(exponent), &ok)
            if ok != 0 {
                found += 1
                #expect(value.bitPattern == Double(significand + "e" + String(exponent))!.bitPattern, "\(significand)e\(exponent)")
            }
            tried += 1
        }
        #expect(found > tried / 2, "ec_decimal_to_double took \(found) of \(tried)")
    }

    /// Numbers at the edges: halfway between two doubles (ties to even), the largest and smallest normal doubles and
    /// their neighbours, subnormals, overflow, powers of ten at both ends of the table, and Python's small numbers.
    @Test(arguments: [
        "9007199254740993", "9007199254740995", "9007199254740993e0", "9007199254740992.5e0", "18014398509481985",
        "1e23", "8.589973e9", "123456789012345678e-18", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324", "2.4e-324",
        "1e-342", "1e-343", "1e308", "1e309", "9999999999999999999e288", "9999999999999999999e289",
        "4.33115549132292e-9", "9.790451303482551e-7", "6.12658536528754e-14", "-3.4769045224160335e-11",
        "0.000006663095829396651", "1e-22", "1e-23", "1e22", "1e-4", "1e-5", "7e23", "7e24", "5e-324",
        "1234567890123456789e-30", "1e0", "0.1e1", "3.0e-05", "0e400", "-0e-400",
    ])
    func edges(_ text: String) {
        #expect(Self.same(Self.read(text), Self.expected(text)), "\(text)")
    }

    /// Every double's shortest decimal (Swift's `description`) reads back as that double: random bit patterns of
    /// every exponent, normal and subnormal.
    @Test func shortestDecimalsOfRandomDoublesReadBack() {
        var generator = SplitMix64(seed: 0x5EED_001B)
        for _ in 0..<30_000 {
            let double = Double(bitPattern: UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &generator))
            let text = "\(double)"
            #expect(Self.same(Self.read(text), .success(double)), "\(text)")
        }
    }
}
