import Foundation

/// A `timestamp` on the wire: an RFC 3339 date-time string such as `2026-02-26T10:30:00Z`.
///
/// Parsing is strict: `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds (1–9 digits), then `Z` or a
/// `±HH:MM` offset. Lowercase `t`/`z`, spaces, leap seconds (`:60`) and every other format are refused.
/// Formatting writes UTC with `Z`, and a fraction only when the time has one: to the microsecond, or
/// with up to nine digits when a finer time needs them to read back as the same `Date` (trailing
/// zeros dropped), so that decoding what was encoded gives the very same `Date`. Generated code decodes and encodes `Date` fields through this type.
public struct RFC3339Timestamp: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The point in time.
    public var date: Date

    /// Wraps a date.
    public init(_ date: Date) {
        self.date = date
    }

    /// Parses `text` strictly; nil if it is not an RFC 3339 date-time.
    public init?(parsing text: String) {
        guard let date = Self.parse(text) else { return nil }
        self.date = date
    }

    /// The RFC 3339 text, or a note if the date lies outside years 0000–9999.
    public var description: String {
        Self.format(date) ?? "<date outside RFC 3339's years 0000-9999: \(date.timeIntervalSince1970)s>"
    }

    /// Reads a string and parses it strictly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        do {
            text = try container.decode(String.self)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(Self.self, context)  // named as a timestamp, not as a String
        }
        guard let date = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: Self.notATimestamp(text))
        }
        self.date = date
    }

    /// What every reader says about `text` when it is not a timestamp.
    static func notATimestamp(_ text: String) -> String {
        "\(JSONFields.quoted(text)) is not an RFC 3339 timestamp like \"2026-02-26T10:30:00Z\""
    }

    /// Writes the RFC 3339 text; throws for a date outside years 0000–9999.
    public func encode(to encoder: any Encoder) throws {
        guard let text = Self.format(date) else {
            throw EncodingError.invalidValue(date, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "RFC 3339 can only express years 0000 to 9999"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The date `text` names, or nil if `text` is not a strict RFC 3339 date-time.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for byte in b[i..<(i + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            i += count
            return value
        }
        func expect(_ char: Character) -> Bool {
            guard i < b.count, let ascii = char.asciiValue, b[i] == ascii else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("T"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
              let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var fraction = 0.0
        if expect(".") {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            let digits = i - start
            guard (1...9).contains(digits), let value = Double("0." + String(decoding: b[start..<i], as: UTF8.self))
            else { return nil }
            fraction = value
        }
        var offsetSeconds = 0
        if expect("Z") {
            offsetSeconds = 0
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let offsetHour = number(2), expect(":"), let offsetMinute = number(2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `date` in UTC as RFC 3339 text, or nil outside years 0000–9999 or for a non-finite date.
    public static func format(_ date: Date) -> String? {
        format(date, fixedFraction: false)
    }

    /// `date` in UTC with exactly six fraction digits (`2026-02-26T10:30:00.000000Z`), rounded to the
    /// microsecond: fixed-width text that sorts like the time. Nil outside years 0000 through 9999.
    public static func formatMicroseconds(_ date: Date) -> String? {
        format(date, fixedFraction: true)
    }

    /// Writes the text in one pass into a 30-byte buffer. Without `fixedFraction` the fraction has the
    /// fewest digits, six to nine, that parse back to this very `Date` (six when none does), with
    /// trailing zeros dropped, and the fraction with them when it is zero.
    private static func format(_ date: Date, fixedFraction: Bool) -> String? {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 4e11 else { return nil }  // years 0000–9999 lie within ±2.6e11 s
        // Split exactly: for |interval| < 2^52 both the floor and the remainder are exact doubles.
        let whole = interval.rounded(.down)
        let remainder = interval - whole
        var digits = 6
        var (seconds, fraction) = scaled(whole, remainder, digits: 6)
        if !fixedFraction, !names(date, seconds: seconds, fraction: fraction, digits: 6) {
            for more in 7...9 {
                let candidate = scaled(whole, remainder, digits: more)
                if names(date, seconds: candidate.seconds, fraction: candidate.fraction, digits: more) {
                    (seconds, fraction, digits) = (candidate.seconds, candidate.fraction, more)
                    break
                }
            }
        }
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilFromDays(Int(days))
        guard (0...9999).contains(year) else { return nil }
        let s = Int(secondOfDay)
        return String(unsafeUninitializedCapacity: 30) { buffer in
            var end = 0
            func put(_ value: Int, digits: Int) {
                var rest = value
                for offset in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[end + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += digits
            }
            func put(_ ascii: Unicode.Scalar) {
                buffer[end] = UInt8(ascii: ascii)
                end += 1
            }
            put(year, digits: 4); put("-"); put(month, digits: 2); put("-"); put(day, digits: 2); put("T")
            put(s / 3600, digits: 2); put(":"); put(s / 60 % 60, digits: 2); put(":"); put(s % 60, digits: 2)
            if fixedFraction || fraction != 0 {
                put(".")
                put(Int(fraction), digits: digits)
                if !fixedFraction {
                    while buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
                }
            }
            put("Z")
            return end
        }
    }

    /// `whole + remainder` (remainder in [0, 1)) as whole seconds and a fraction of `digits` decimal
    /// digits, rounded to the nearest (halfway away from zero), carrying into the seconds.
    private static func scaled(_ whole: Double, _ remainder: Double, digits: Int) -> (seconds: Int64, fraction: Int64) {
        let unit = powersOfTen[digits]
        let fraction = Int64((remainder * Double(unit)).rounded())
        return fraction == unit ? (Int64(whole) + 1, 0) : (Int64(whole), fraction)
    }

    /// Whether the text with these seconds and fraction digits parses back to `date`, computed as
    /// ``parse(_:)`` computes it (`Double("0.ddd")` is the correctly rounded `fraction / 10^digits`).
    private static func names(_ date: Date, seconds: Int64, fraction: Int64, digits: Int) -> Bool {
        Date(timeIntervalSince1970: Double(seconds) + Double(fraction) / Double(powersOfTen[digits])) == date
    }

    private static let powersOfTen: [Int64] = (0...9).map { (0..<$0).reduce(1) { product, _ in product * 10 } }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b
        var r = a % b
        if r < 0 {
            q -= 1
            r += b
        }
        return (q, r)
    }

    private static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
