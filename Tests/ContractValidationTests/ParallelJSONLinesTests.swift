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
        "{\"a\":\u{1}}", "\u{FEFF}" + validRecord,
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
        func run(_ fd: Int32) throws -> [LineVerdict] {
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
        guard throughPipe else { return try withFile(holding: bytes, run) }
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let data = Data(bytes)
        let thread = Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        thread.start()
        let found = try run(pipe.fileHandleForReading.fileDescriptor)
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
