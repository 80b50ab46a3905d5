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
}
