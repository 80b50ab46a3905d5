import ContractRuntime
import ContractValidation
import Foundation
import Testing

/// `forEachVerdict(jobs:)` hands over exactly the verdicts of one thread, in line order, whatever the number
/// of jobs, the batch size and the reader's chunk size: valid and invalid lines, blank lines, lines too long
/// to keep, a last line without its newline, lines longer than a batch; and it stops where the caller says.
/// A regular file is read by the judging threads themselves, a pipe by the calling thread: both are run.
@Suite struct ParallelJSONLinesTests {
    static let pool: [String] = [
        validRecord, validRecord, validRecord, "[1]", "nope", "", "  \r", #"{"step":1}"#,
        validRecord.replacingOccurrences(of: #""status":"pending""#, with: #""status":"done""#),
        validRecord.replacingOccurrences(of: #""message":"""#, with: #""message":"\#(String(repeating: "长", count: 300))""#),
        validRecord.replacingOccurrences(of: #""message":"""#, with: #""message":"\#(String(repeating: "x", count: 3000))""#),
        "{\"a\":\u{1}}", "\u{FEFF}" + validRecord, validRecord + "\r", " " + validRecord + " ",
        validRecord.replacingOccurrences(of: #""step":"s","#, with: ""),
        validRecord.replacingOccurrences(of: #""status":"pending""#, with: #""status":"completed""#),
        #"{"step":"s","result":{"rows":[1,"二",null]},"completed":true,"message":"完成","status":"completed","#
            + #""error_code":null,"error_message":null}"#,
        #"{"step":"s","result":null,"completed":false,"message":"","status":"failed","error_code":"E003","#
            + #""error_message":"超时"}"#,
    ]

    /// Random JSON Lines from the pool, with or without a final newline.
    static func input(_ generator: inout SplitMix64) -> [UInt8] {
        let count = Int(generator.next() % 400)
        var text = (0..<count).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }.joined(separator: "\n")
        if generator.next() % 2 == 0 { text += "\n" }
        return Array(text.utf8)
    }

    static func verdicts(_ bytes: [UInt8], validator: RecordValidator, jobs: Int?, batchBytes: Int, chunkSize: Int,
                         stopAfter: Int = .max, throughPipe: Bool = false) throws -> [LineVerdict] {
        try reading(bytes, throughPipe: throughPipe) { fd in
            var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd, chunkSize: chunkSize)
            var found: [LineVerdict] = []
            let body = { (verdict: LineVerdict) -> Bool in
                found.append(verdict)
                return found.count < stopAfter
            }
            if let jobs {
                try validation.forEachVerdict(jobs: jobs, batchBytes: batchBytes, body)
            } else {
                try validation.forEachVerdict(body)
            }
            return found
        }
    }

    /// What `forEachVerdictRun` hands over, the runs of valid lines merged where a batch boundary split one.
    static func runs(_ bytes: [UInt8], validator: RecordValidator, jobs: Int, batchBytes: Int, chunkSize: Int,
                     stopAfter: Int = .max, throughPipe: Bool = false) throws -> (merged: [VerdictRun], calls: Int) {
        try reading(bytes, throughPipe: throughPipe) { fd in
            var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd, chunkSize: chunkSize)
            var found: [VerdictRun] = []
            try validation.forEachVerdictRun(jobs: jobs, batchBytes: batchBytes) { run in
                found.append(run)
                return found.count < stopAfter
            }
            for case .valid(let lines, let bytes) in found {
                #expect(lines > 0 && bytes >= lines)
                if jobs < 2 { #expect(lines <= 4096) }
            }
            return (VerdictRun.merged(found), found.count)
        }
    }

    /// Calls `body` with a descriptor reading `bytes`: a regular file's, or a pipe's that a thread writes.
    static func reading<Result>(_ bytes: [UInt8], throughPipe: Bool, _ body: (Int32) throws -> Result) throws -> Result {
        guard throughPipe else { return try withFile(holding: bytes, body) }
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let data = Data(bytes)
        let thread = Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        thread.start()
        let found = try body(pipe.fileHandleForReading.fileDescriptor)
        // Drain what a stopped reader left, so the writer ends.
        _ = try? pipe.fileHandleForReading.readToEnd()
        return found
    }

    @Test func everyNumberOfJobsGivesTheVerdictsOfOneThreadInOrder() throws {
        // A line limit below the longest pool line, so some lines are too long to keep.
        let validator = try taskStepResultValidator(limits: JSONReaderLimits(maxInputLength: 2_000))
        var generator = SplitMix64(seed: 0x10B5)
        for _ in 0..<60 {
            let bytes = Self.input(&generator)
            let chunkSize = [4096, 5000, 1 << 16][Int(generator.next() % 3)]
            let expected = try Self.verdicts(bytes, validator: validator, jobs: nil, batchBytes: 1, chunkSize: chunkSize)
            for jobs in [1, 2, 3, 8] {
                let batchBytes = [40, 100, 2_500, 50_000, JSONLinesValidation.batchBytes][Int(generator.next() % 5)]
                for throughPipe in [false, true] {
                    let found = try Self.verdicts(bytes, validator: validator, jobs: jobs, batchBytes: batchBytes,
                                                  chunkSize: chunkSize, throughPipe: throughPipe)
                    #expect(found == expected, "jobs \(jobs), batches of \(batchBytes) bytes, \(bytes.count) bytes, pipe \(throughPipe)")
                }
            }
        }
    }

    @Test func theCallerStopsTheRunAtTheSameVerdict() throws {
        let validator = try taskStepResultValidator()
        var generator = SplitMix64(seed: 0x570B)
        for _ in 0..<30 {
            let bytes = Self.input(&generator)
            let stopAfter = 1 + Int(generator.next() % 50)
            let expected = try Self.verdicts(bytes, validator: validator, jobs: nil, batchBytes: 1, chunkSize: 4096,
                                             stopAfter: stopAfter)
            for throughPipe in [false, true] {
                let found = try Self.verdicts(bytes, validator: validator, jobs: 2, batchBytes: 300, chunkSize: 4096,
                                              stopAfter: stopAfter, throughPipe: throughPipe)
                #expect(found == expected)
                #expect(found.count == min(stopAfter, expected.count))
            }
        }
    }

    @Test func runsOfValidLinesSumTheVerdictsOfOneThread() throws {
        let validator = try taskStepResultValidator(limits: JSONReaderLimits(maxInputLength: 2_000))
        var generator = SplitMix64(seed: 0x4B5)
        for _ in 0..<40 {
            let bytes = Self.input(&generator)
            let oneThread = try Self.verdicts(bytes, validator: validator, jobs: nil, batchBytes: 1, chunkSize: 4096)
            let expected = VerdictRun.merged(VerdictRun.runs(of: oneThread))
            for jobs in [0, 1, 2, 3, 8] {
                let batchBytes = [40, 100, 2_500, 50_000, JSONLinesValidation.batchBytes][Int(generator.next() % 5)]
                for throughPipe in [false, true] {
                    let found = try Self.runs(bytes, validator: validator, jobs: jobs, batchBytes: batchBytes,
                                              chunkSize: 5000, throughPipe: throughPipe)
                    #expect(found.merged == expected, "jobs \(jobs), batches of \(batchBytes) bytes, pipe \(throughPipe)")
                }
            }
        }
    }

    @Test func runsOnOneThreadAreAtMost4096Lines() throws {
        let validator = try taskStepResultValidator()
        let line = Array((validRecord + "\n").utf8)
        let bytes = Array(repeating: line, count: 10_000).flatMap { $0 } + Array("[1]\n".utf8) + line
        var found: [VerdictRun] = []
        try withFile(holding: bytes) { fd in
            var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd)
            try validation.forEachVerdictRun(jobs: 1) { found.append($0); return true }
        }
        let invalid = LineVerdict(line: 10_001, length: 3, error: Array("[1]".utf8).withUnsafeBufferPointer { validator.validate(line: $0) })
        #expect(found == [.valid(lines: 4096, bytes: 4096 * line.count), .valid(lines: 4096, bytes: 4096 * line.count),
                          .valid(lines: 1808, bytes: 1808 * line.count), .invalid(invalid), .valid(lines: 1, bytes: line.count)])
    }

    @Test func runsStopWhereTheCallerSays() throws {
        let validator = try taskStepResultValidator()
        var generator = SplitMix64(seed: 0x5709)
        for _ in 0..<30 {
            let bytes = Self.input(&generator)
            let oneThread = try Self.verdicts(bytes, validator: validator, jobs: nil, batchBytes: 1, chunkSize: 4096)
            let expected = VerdictRun.runs(of: oneThread)
            let stopAfter = 1 + Int(generator.next() % 12)
            for jobs in [1, 2] {
                for throughPipe in [false, true] {
                    let found = try Self.runs(bytes, validator: validator, jobs: jobs, batchBytes: 300, chunkSize: 4096,
                                              stopAfter: stopAfter, throughPipe: throughPipe)
                    // Nothing after the call that said stop, and what came before is where one thread's verdicts begin.
                    #expect(found.calls <= stopAfter)
                    let lines = found.merged.reduce(0) { count, run in
                        if case .valid(let lines, _) = run { return count + lines }
                        return count + 1
                    }
                    #expect(found.merged == VerdictRun.merged(Array(expected.prefix(lines))),
                            "jobs \(jobs), pipe \(throughPipe)")
                    if found.calls < stopAfter { #expect(lines == expected.count) }
                }
            }
        }
    }

    @Test func anEmptyInputHasNoVerdicts() throws {
        let validator = try taskStepResultValidator()
        #expect(try Self.verdicts([], validator: validator, jobs: 4, batchBytes: 10, chunkSize: 4096).isEmpty)
    }

    @Test func anUnreadableDescriptorThrowsAReadError() throws {
        let validator = try taskStepResultValidator()
        var validation = JSONLinesValidation(validator: validator, fileDescriptor: -1)
        #expect(throws: JSONLinesReader.ReadError.self) {
            try validation.forEachVerdict(jobs: 2) { _ in true }
        }
    }
}
