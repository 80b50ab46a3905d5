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

        // The fixed form is 27 bytes and reads back within a microsecond; the short form is the same
        // time when six digits name it, and otherwise reads back as the very same `Date` or, when no
        // text of nine digits names it, is the fixed form trimmed.
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
            #expect(short == trimmed + "Z" || RFC3339Timestamp.parse(short) == date, "\(short) vs \(fixed)")
            let back = try! #require(RFC3339Timestamp.parse(fixed))
            #expect(abs(back.timeIntervalSince1970 - date.timeIntervalSince1970) <= 0.000_001 * max(1, abs(date.timeIntervalSince1970) / 1e9))
        }
        let sorted = dates.sorted()
        #expect(sorted.map { RFC3339Timestamp.formatMicroseconds($0)! } == sorted.map { RFC3339Timestamp.formatMicroseconds($0)! }.sorted())
    }

    /// Random RFC 3339 text: any year 0000–9999, any offset, no fraction or one of 1 to 9 digits.
    static func randomText(using generator: inout some RandomNumberGenerator) -> String {
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        let year = Int.random(in: 0...9999, using: &generator)
        var text = "\(digits(year, 4))-\(digits(Int.random(in: 1...12, using: &generator), 2))-"
            + "\(digits(Int.random(in: 1...28, using: &generator), 2))T\(digits(Int.random(in: 0...23, using: &generator), 2)):"
            + "\(digits(Int.random(in: 0...59, using: &generator), 2)):\(digits(Int.random(in: 0...59, using: &generator), 2))"
        let fractionDigits = Int.random(in: 0...9, using: &generator)
        if fractionDigits > 0 {
            text += "." + (0..<fractionDigits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        }
        if Bool.random(using: &generator) {
            text += "Z"
        } else {
            // Only offsets that keep years 0000 and 9999 inside RFC 3339's range when converted to UTC.
            let sign = year == 0 ? "-" : year == 9999 ? "+" : (Bool.random(using: &generator) ? "+" : "-")
            text += "\(sign)\(digits(Int.random(in: 0...23, using: &generator), 2)):\(digits(Int.random(in: 0...59, using: &generator), 2))"
        }
        return text
    }

    @Test func everyParsedTimeIsWrittenSoThatItReadsBackAsTheSameDate() throws {
        var generator = SplitMix64(seed: 0x7157)
        for _ in 0..<20_000 {
            let text = Self.randomText(using: &generator)
            let date = try #require(RFC3339Timestamp.parse(text), "\(text)")
            let written = try #require(RFC3339Timestamp.format(date), "\(text)")
            #expect(RFC3339Timestamp.parse(written) == date, "\(text) -> \(written)")
            #expect(RFC3339Timestamp.format(RFC3339Timestamp.parse(written)!) == written, "\(written)")
            // No more digits than the time needs: at most nine, and at most six for a time read from six.
            let fraction = written.split(separator: ".").dropFirst().first.map { $0.dropLast().count } ?? 0
            #expect(fraction <= 9, "\(written)")
            let given = text.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
            if given <= 6 { #expect(fraction <= 6, "\(text) -> \(written)") }
        }
    }

    @Test func nanosecondsAreWrittenWithTheDigitsTheyNeed() {
        let date = RFC3339Timestamp.parse("2026-02-26T10:30:00.123456789+01:00")!
        let written = RFC3339Timestamp.format(date)!
        #expect(written.hasPrefix("2026-02-26T09:30:00.1234567"), "\(written)")
        #expect(RFC3339Timestamp.parse(written) == date)
        // 100 ns after 2001-01-01 is a double of its own; six digits would write the reference date itself.
        let tiny = RFC3339Timestamp.parse("2001-01-01T00:00:00.0000001Z")!
        #expect(RFC3339Timestamp.format(tiny) == "2001-01-01T00:00:00.0000001Z")
    }

    /// `packages/python/tests/fixtures/swift_timestamps.txt` holds Swift's answers for the Python runtime's
    /// test to compare with: each line is the text, the bits of `timeIntervalSince1970` and `format`'s text
    /// (`nil` when it cannot write it), or the text and `invalid`. Re-record with `RECORD_GOLDEN=1`.
    @Test func thePythonRuntimesFixtureHoldsSwiftsAnswers() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("packages/python/tests/fixtures/swift_timestamps.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var recorded: [String] = []
        for line in lines {
            guard !line.hasPrefix("#"), !line.isEmpty else {
                recorded.append(String(line))
                continue
            }
            let text = String(line.split(separator: "\t")[0])
            let answer: String
            if let date = RFC3339Timestamp.parse(text) {
                answer = "\(text)\t\(date.timeIntervalSince1970.bitPattern)\t\(RFC3339Timestamp.format(date) ?? "nil")"
            } else {
                answer = "\(text)\tinvalid"
            }
            #expect(String(line) == answer || ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1",
                    "fixture: \(line)\nSwift:   \(answer)")
            recorded.append(answer)
        }
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try recorded.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
