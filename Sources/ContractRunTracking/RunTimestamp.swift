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
        guard let text = RFC3339Timestamp.formatMicroseconds(date) else {
            // Outside years 0000–9999; clamp so ordering still holds.
            return date.timeIntervalSince1970 < 0 ? "0000-01-01T00:00:00.000000Z" : "9999-12-31T23:59:59.999999Z"
        }
        return text
    }

    /// The time stored as `text`, or nil for text that is not RFC 3339.
    public static func date(_ text: String) -> Date? {
        RFC3339Timestamp.parse(text).map(normalized)
    }
}
