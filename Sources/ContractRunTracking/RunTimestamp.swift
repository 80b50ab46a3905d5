import ContractRuntime
import Foundation

/// How run times are stored: fixed-width UTC RFC 3339 text with microseconds
/// (`2026-02-26T10:30:00.000000Z`), so the text sorts like the time and `started_at DESC` indexes work
/// on TEXT columns in SQLite and PostgreSQL alike (the seed's columns are TEXT, ISO 8601).
public enum RunTimestamp {
    /// `date` rounded to whole microseconds, the precision every store keeps.
    public static func normalized(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
    }

    /// `date` as stored text.
    public static func text(_ date: Date) -> String {
        guard let plain = RFC3339Timestamp.format(normalized(date)) else {
            // Outside years 0000–9999; clamp so ordering still holds.
            return date.timeIntervalSince1970 < 0 ? "0000-01-01T00:00:00.000000Z" : "9999-12-31T23:59:59.999999Z"
        }
        // RFC3339Timestamp drops trailing zeros; pad the fraction to six digits.
        let body = plain.dropLast() // "Z"
        guard let dot = body.firstIndex(of: ".") else { return body + ".000000Z" }
        let fraction = body[body.index(after: dot)...]
        return body + String(repeating: "0", count: 6 - fraction.count) + "Z"
    }

    /// The time stored as `text`, or nil for text that is not RFC 3339.
    public static func date(_ text: String) -> Date? {
        RFC3339Timestamp.parse(text).map(normalized)
    }
}
