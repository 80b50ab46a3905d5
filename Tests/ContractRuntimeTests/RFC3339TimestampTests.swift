import ContractRuntime
import Foundation
import Testing

@Suite struct RFC3339TimestampTests {
    @Test func aUTCTimestampParsesToItsInstant() {
        #expect(RFC3339Timestamp.parse("2026-02-26T10:30:00Z") == Date(timeIntervalSince1970: 1_772_101_800))
    }

    @Test func offsetsAndFractionsAreApplied() {
        #expect(RFC3339Timestamp.parse("2026-02-26T12:30:00.25+02:00") == Date(timeIntervalSince1970: 1_772_101_800.25))
        #expect(RFC3339Timestamp.parse("1969-12-31T23:59:59-00:00") == Date(timeIntervalSince1970: -1))
    }

    @Test func everyOtherFormatIsRefused() {
        for text in ["2026-02-26", "2026-02-26T10:30Z", "2026-02-26 10:30:00Z", "2026-02-26T10:30:00", "2026-02-26t10:30:00z",
                     "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-02-26T24:00:00Z", "2026-02-26T10:30:60Z",
                     "2026-02-26T10:30:00.Z", "2026-02-26T10:30:00+0200", "2026-02-26T10:30:00Z "] {
            #expect(RFC3339Timestamp.parse(text) == nil, "\(text)")
        }
    }

    @Test func formattingWritesUTCWithAFractionOnlyWhenThereIsOne() {
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: 1_772_101_800)) == "2026-02-26T10:30:00Z")
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: 1_772_101_800.125)) == "2026-02-26T10:30:00.125Z")
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.5Z")
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: 1e12)) == nil)
    }

    @Test func theMicrosecondFormIsFixedWidthAndSortsLikeTheTime() {
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: 1_772_101_800)) == "2026-02-26T10:30:00.000000Z")
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: 1_772_101_800.5)) == "2026-02-26T10:30:00.500000Z")
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: -0.000_001)) == "1969-12-31T23:59:59.999999Z")
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: -62_167_219_200)) == "0000-01-01T00:00:00.000000Z")
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: 253_402_300_799.5))
                == "9999-12-31T23:59:59.500000Z")
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: 253_402_300_800)) == nil)
        #expect(RFC3339Timestamp.formatMicroseconds(Date(timeIntervalSince1970: .nan)) == nil)

        // Both forms agree, parse back to the same microsecond, and the fixed form sorts like the time.
        var generator = SystemRandomNumberGenerator()
        var dates: [Date] = []
        for _ in 0..<2_000 {
            let micros = Int64.random(in: -62_167_219_200_000_000...253_402_300_798_000_000, using: &generator)
            dates.append(Date(timeIntervalSince1970: Double(micros) / 1_000_000))
        }
        for date in dates {
            let fixed = try! #require(RFC3339Timestamp.formatMicroseconds(date))
            let short = try! #require(RFC3339Timestamp.format(date))
            #expect(fixed.utf8.count == 27, "\(fixed)")
            var trimmed = String(fixed.dropLast())
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
            #expect(short == trimmed + "Z")
            let back = try! #require(RFC3339Timestamp.parse(fixed))
            #expect(abs(back.timeIntervalSince1970 - date.timeIntervalSince1970) <= 0.000_001 * max(1, abs(date.timeIntervalSince1970) / 1e9))
        }
        let sorted = dates.sorted()
        #expect(sorted.map { RFC3339Timestamp.formatMicroseconds($0)! } == sorted.map { RFC3339Timestamp.formatMicroseconds($0)! }.sorted())
    }
}
