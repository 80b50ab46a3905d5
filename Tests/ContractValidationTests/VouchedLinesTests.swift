import ContractRuntime
import ContractSchemaLoader
@testable import ContractValidation
import Testing

/// The first try over many lines at once (`RecordValidator.withLinesJudge`'s `vouch`, `ec_vouch_lines` in C): it takes
/// the whole lines it can vouch for, exactly those, and stops at the first line the judge must see, whatever makes
/// it so. (That every line it takes is valid is held in every debug run by an assertion against the full reading;
/// that validation through it gives the verdicts of a line-by-line judge, by `ParallelJSONLinesTests`.)
@Suite struct VouchedLinesTests {
    static let pending = validRecord
    static let completed = #"{"step":"read","result":{"rows":[1,"二",null,{"a":true}]},"completed":true,"message":"完成","status":"completed","error_code":null,"error_message":null}"#
    static let failed = #"{"step":"s","result":null,"completed":false,"message":"","status":"failed","error_code":"E003","error_message":"超时"}"#
    /// Valid lines of the three kinds, as a producer would write them.
    static let kinds = [pending, completed, failed]

    /// Lines the first try must stop at when they come after valid ones (the cache warmed with the three kinds):
    /// each with why.
    static let stoppers: [(line: String, why: String)] = [
        (pending.replacingOccurrences(of: #""step":"s","#, with: ""), "a required field missing"),
        (pending.replacingOccurrences(of: #""status":"pending""#, with: #""status":"completed""#), "a rule broken"),
        (pending.replacingOccurrences(of: #""status":"pending""#, with: #""status":"running""#), "a combination not met yet"),
        (pending.replacingOccurrences(of: #""message":"""#, with: #""message":"\#(String(repeating: "x", count: 400))""#),
         "longer than the limit"),
        ("", "an empty line"), ("  \r", "a blank line"), ("[1]", "not an object"), (#"{"step":1}"#, "a wrong type"),
        (pending.replacingOccurrences(of: #""step":"s""#, with: #""st\u0065p":"s""#), "an escaped key"),
        (pending + " x", "trailing data"), ("\u{FEFF}" + pending, "a byte-order mark"),
    ]

    /// Calls `body` with a judge whose remembered verdicts have met `warm` and its `vouch`, limited to lines of 300 bytes.
    static func withWarmJudge<Result>(_ warm: [String], _ body: (RecordValidator.LinesVouch) throws -> Result) throws -> Result {
        let validator = try taskStepResultValidator(limits: JSONReaderLimits(maxInputLength: 300))
        return try validator.withLinesJudge { judge, vouch in
            for record in warm { #expect(Array(record.utf8).withUnsafeBufferPointer { judge($0) } == nil) }
            return try withoutActuallyEscaping(vouch) { try body($0) }
        }
    }

    static func vouched(_ text: String, _ vouch: RecordValidator.LinesVouch, startLimit: Int = .max,
                        maxLines: Int = .max) -> (lines: Int, bytes: Int, ends: [Int]) {
        let bytes = Array(text.utf8)
        let room = max(1, min(maxLines, bytes.count + 1))
        var ends = [Int](repeating: -1, count: room)
        let found = bytes.withUnsafeBufferPointer { text in
            ends.withUnsafeMutableBufferPointer { vouch(text, startLimit, min(maxLines, room), $0.baseAddress) }
        }
        return (found.lines, found.bytes, Array(ends.prefix(found.lines)))
    }

    /// The offsets after the line breaks of `lines` joined with one each.
    static func ends(of lines: [String]) -> [Int] {
        lines.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.utf8.count + 1) }
    }

    @Test func validLinesAreTakenAtOnceWithTheirEnds() throws {
        var generator = SplitMix64(seed: 0x70C4)
        let lines = (0..<500).map { _ in Self.kinds[Int(generator.next() % 3)] }
        let text = lines.joined(separator: "\n") + "\n"
        try Self.withWarmJudge(Self.kinds) { vouch in
            let found = Self.vouched(text, vouch)
            #expect(found.lines == 500)
            #expect(found.bytes == text.utf8.count)
            #expect(found.ends == Self.ends(of: lines))
        }
    }

    @Test func itStopsAtTheFirstLineTheJudgeMustSee() throws {
        var generator = SplitMix64(seed: 0x5709)
        try Self.withWarmJudge(Self.kinds) { vouch in
            for (stopper, why) in Self.stoppers {
                let before = (0..<Int(generator.next() % 20)).map { _ in Self.kinds[Int(generator.next() % 3)] }
                let text = (before + [stopper] + Self.kinds).joined(separator: "\n") + "\n"
                let found = Self.vouched(text, vouch)
                #expect(found.lines == before.count, "\(why)")
                #expect(found.bytes == Self.ends(of: before).last ?? 0, "\(why)")
            }
        }
    }

    /// A record whose `result` spans several 64-byte blocks.
    static let wide = #"{"step":"s","result":{"rows":[[1,"二",null],[2,"三",true]],"names":["甲","乙"],"total":2.5,"#
        + #""note":"一二三四五六七八九十","more":{"a":[{"b":false}]}},"completed":true,"message":"完成","#
        + #""status":"completed","error_code":null,"error_message":null}"#

    @Test func aLineBreakWhereWhitespaceMayBeEndsTheLine() throws {
        // The bytes are read past a line's break without cutting them there first: a record that a line break
        // splits must not be taken as one, wherever the break is (between the record's own tokens, in `result` at
        // any depth, in its first, a middle or its last block).
        let validator = try taskStepResultValidator()
        let record = Array(Self.wide.utf8)
        var places = 0
        try Self.withWarmJudge(Self.kinds + [Self.wide]) { vouch in
            for place in 1..<record.count {
                var spaced = record
                spaced.insert(0x20, at: place)
                guard spaced.withUnsafeBufferPointer({ validator.validate($0) }) == nil else { continue }
                places += 1
                var broken = record
                broken.insert(0x0A, at: place)
                let before = Array(Self.kinds.prefix(place % 4))
                let text = (before + [String(decoding: broken, as: UTF8.self)] + Self.kinds).joined(separator: "\n") + "\n"
                #expect(Self.vouched(text, vouch).lines == before.count, "a line break at byte \(place)")
                // The same place with a space is taken.
                let whole = (before + [String(decoding: spaced, as: UTF8.self)]).joined(separator: "\n") + "\n"
                #expect(Self.vouched(whole, vouch).lines == before.count + 1, "a space at byte \(place)")
            }
        }
        #expect(places > 60)
    }

    @Test func whitespaceBeforeTheLineBreakIsTheLine() throws {
        try Self.withWarmJudge(Self.kinds) { vouch in
            #expect(Self.vouched(Self.pending + " \r\t\n" + Self.failed + "\n", vouch).lines == 2)
            #expect(Self.vouched(" \r" + Self.pending + "\n", vouch).lines == 1)
            #expect(Self.vouched(Self.pending + "\n\n" + Self.failed + "\n", vouch).lines == 1)  // then an empty line
            #expect(Self.vouched(Self.pending + " x\n", vouch).lines == 0)
        }
    }

    @Test func aCombinationIsTakenOnceItsVerdictIsRemembered() throws {
        let running = Self.pending.replacingOccurrences(of: #""status":"pending""#, with: #""status":"running""#)
        let text = Array(repeating: running, count: 3).joined(separator: "\n") + "\n"
        try Self.withWarmJudge(Self.kinds) { vouch in #expect(Self.vouched(text, vouch).lines == 0) }
        try Self.withWarmJudge(Self.kinds + [running]) { vouch in #expect(Self.vouched(text, vouch).lines == 3) }
        // A broken rule's verdict is remembered too, and still stops the first try.
        let broken = Self.pending.replacingOccurrences(of: #""status":"pending""#, with: #""status":"completed""#)
        let validator = try taskStepResultValidator()
        validator.withLinesJudge { judge, vouch in
            #expect(Array(broken.utf8).withUnsafeBufferPointer { judge($0) } != nil)
            #expect(Self.vouched(broken + "\n", vouch).lines == 0)
        }
    }

    /// `lines` judged as validation does, by a judge that has first met `warm`: the lines the first try takes at once,
    /// then the line it stopped at judged alone, and on. Gives the category of `warm`'s error, how many lines the
    /// first try took each time, and the categories of the errors of the lines judged alone (nil for a valid one).
    static func judgedAsValidationDoes(_ lines: [String], warm: String)
        throws -> (warm: String?, taken: [Int], alone: [String?]) {
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        var warmed: String?, taken: [Int] = [], alone: [String?] = []
        try taskStepResultValidator().withLinesJudge { judge, vouch in
            warmed = Array(warm.utf8).withUnsafeBufferPointer { judge($0) }?.category
            bytes.withUnsafeBufferPointer { text in
                var start = 0
                while start < text.count {
                    let vouched = vouch(UnsafeBufferPointer(rebasing: text[start...]), .max, .max, nil)
                    taken.append(vouched.lines)
                    start += vouched.bytes
                    guard start < text.count else { break }
                    let line = JSONLinesReader.line(in: text, from: start)
                    alone.append(judge(line)?.category)
                    start += line.count + 1
                }
            }
        }
        return (warmed, taken, alone)
    }

    @Test func theJudgeLearnsTheCombinationTheFirstTryStoppedAt() throws {
        // A combination not met yet must be judged with the first try of one record (which remembers its verdict),
        // not read in full only, or no later line of it would ever be taken at once.
        let running = Self.pending.replacingOccurrences(of: #""status":"pending""#, with: #""status":"running""#)
        let judged = try Self.judgedAsValidationDoes([Self.pending, running, running, running, Self.pending],
                                                     warm: Self.pending)
        #expect(judged.warm == nil)
        #expect(judged.taken == [1, 3])  // the first pending line, then `running` judged alone, then the rest at once
        #expect(judged.alone == [nil])
    }

    @Test func aLineTheFirstTryRefusesGetsTheFullReadingsVerdict() throws {
        let missing = Self.pending.replacingOccurrences(of: #""step":"s","#, with: "")
        let broken = Self.pending.replacingOccurrences(of: #""status":"pending""#, with: #""status":"completed""#)
        // `broken`'s verdict remembered first. The first line's combination was not met yet: judged alone, valid;
        // then the two refusals, read in full.
        let judged = try Self.judgedAsValidationDoes([Self.pending, missing, broken, broken], warm: broken)
        let rule = "rule:completed_iff_status_completed"
        #expect(judged.warm == rule)
        #expect(judged.alone == [nil, "missing_field", rule, rule])
    }

    @Test func aLastLineWithoutItsBreakIsLeftToTheJudge() throws {
        try Self.withWarmJudge(Self.kinds) { vouch in
            let found = Self.vouched(Self.kinds.joined(separator: "\n"), vouch)
            #expect(found.lines == 2)
            #expect(found.bytes == Self.ends(of: Array(Self.kinds.prefix(2))).last)
        }
    }

    @Test func itStopsAtTheLimitsItIsGiven() throws {
        let lines = Array(repeating: Self.pending, count: 10)
        let text = lines.joined(separator: "\n") + "\n"
        let ends = Self.ends(of: lines)
        try Self.withWarmJudge(Self.kinds) { vouch in
            for maxLines in [0, 1, 3, 9, 10, 11] {
                #expect(Self.vouched(text, vouch, maxLines: maxLines).lines == min(maxLines, 10))
            }
            // No line that starts at or after the start limit: a line starting just before it is taken whole.
            for (index, end) in ends.enumerated() {
                #expect(Self.vouched(text, vouch, startLimit: end).lines == index + 1)
                #expect(Self.vouched(text, vouch, startLimit: end + 1).lines == min(index + 2, 10))
            }
            #expect(Self.vouched(text, vouch, startLimit: 0).lines == 0)
            #expect(Self.vouched(text, vouch, startLimit: .min).lines == 0)
        }
    }

    static func validator(_ schema: String, model: String) throws -> RecordValidator {
        let result = SchemaLoader().load(text: schema, file: "lines.yaml")
        #expect(result.isValid, "\(result.diagnostics)")
        return try RecordValidator(contract: try #require(result.contract), model: model)
    }

    @Test func aModelWithoutRulesIsTakenOnceOneRecordWasJudged() throws {
        let validator = try Self.validator("""
            contract: Lines
            version: 1.0.0
            models:
              Note:
                fields:
                  text: { type: string }
                  done: { type: bool, default: false }
            """, model: "Note")
        let lines = [#"{"text":"a","done":true}"#, #"{"text":"b","done":false}"#, #"{"done":false,"text":"c"}"#]
        let text = lines.joined(separator: "\n") + "\n"
        validator.withLinesJudge { judge, vouch in
            #expect(Self.vouched(text, vouch).lines == 0)  // nothing remembered yet
            #expect(Array(lines[0].utf8).withUnsafeBufferPointer { judge($0) } == nil)
            #expect(Self.vouched(text, vouch).lines == 3)
            // Both keys are required (the full reading says so): neither may be left out.
            #expect(Self.vouched(#"{"done":true}"# + "\n" + lines[0] + "\n", vouch).lines == 0)
            #expect(Self.vouched(#"{"text":"b"}"# + "\n" + lines[0] + "\n", vouch).lines == 0)
        }
    }

    @Test func aModelWithoutAFirstTryVouchesForNothing() throws {
        // `int` fields need their text read: no first try.
        let validator = try Self.validator("""
            contract: Lines
            version: 1.0.0
            models:
              Counter:
                fields:
                  count: { type: int }
            """, model: "Counter")
        let record = #"{"count":1}"#
        validator.withLinesJudge { judge, vouch in
            for _ in 0..<2 {
                #expect(Array(record.utf8).withUnsafeBufferPointer { judge($0) } == nil)
                #expect(Self.vouched(record + "\n", vouch).lines == 0)
            }
        }
    }
}
