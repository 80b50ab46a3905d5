import ContractRuntime
import ContractSchema
import ContractValidation
import Foundation
import Testing

/// `contractgen validate` reads all the lines of a batch with one reader (`RecordValidator.withRecordJudge`,
/// `JSONReader.restart(reading:)`): every verdict must be the one a new reader gives the same line alone,
/// whatever the lines before it left in the reader (open containers after an error, keys, escaped keys,
/// stacks grown onto the heap, sets of keys of large objects).
@Suite struct ReusedReaderTests {
    /// Lines that leave the reader in every state: valid records, each broken at every byte, and records
    /// whose `result` nests deeper than the stacks' first room, has more keys than the linear scan takes,
    /// escaped and repeated keys.
    static func lines(limits: JSONReaderLimits) -> [[UInt8]] {
        var generator = SplitMix64(seed: 0x5EED_1801)
        func record(result: String, message: String = "任务执行失败") -> String {
            #"{"step":"s","result":\#(result),"completed":false,"message":"\#(message)","status":"failed","error_code":"E001","error_message":"\#(message)"}"#
        }
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let deepObjects = String(repeating: #"{"k":"#, count: 20) + "1" + String(repeating: "}", count: 20)
        let wide = "{" + (0..<40).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        let wideRepeated = "{" + (0..<40).map { #""k\#($0 % 39)":\#($0)"# }.joined(separator: ",") + "}"
        let escapedKeys = #"{"\u4efb\u52a1":1,"\u72b6\u6001":{"\u4efb\u52a1":2},"a\"b":3}"#
        let escapedRepeated = #"{"\u4efb\u52a1":1,"任务":2}"#
        let seeds = [record(result: "null"), record(result: deep), record(result: deepObjects), record(result: wide),
                     record(result: escapedKeys), record(result: #"{"rows":[[1,"a",null],[2.5,"\u00e9",true]]}"#)]
        var lines = seeds.map { Array($0.utf8) }
        lines += [wideRepeated, escapedRepeated].map { Array(record(result: $0).utf8) }
        lines.append([0xEF, 0xBB, 0xBF] + Array(record(result: "null").utf8))
        lines.append(Array(record(result: "null", message: String(repeating: "长", count: 400)).utf8))  // past the limit below
        lines += [[], Array("  \r".utf8), Array("{".utf8), Array("[1,2]".utf8), [0xFF, 0x7B]]
        for seed in seeds.map({ Array($0.utf8) }) {
            for cut in stride(from: 0, to: seed.count, by: 3) { lines.append(Array(seed[..<cut])) }  // broken mid-record
            for _ in 0..<30 {
                var bytes = seed
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                lines.append(bytes)
            }
        }
        lines.shuffle(using: &generator)
        return lines.filter { !$0.contains(0x0A) }
    }

    @Test(arguments: [JSONReaderLimits(), JSONReaderLimits(maxDepth: 12, maxStringLength: 64, maxKeysPerObject: 30, maxInputLength: 1_000)])
    func everyLineGetsTheVerdictAFreshReaderGivesIt(limits: JSONReaderLimits) throws {
        let validator = try taskStepResultValidator(limits: limits)
        let lines = Self.lines(limits: limits)
        let alone = lines.map { line in line.withUnsafeBufferPointer { validator.validate(line: $0) } }
        #expect(alone.contains(nil) && Set(alone.compactMap { $0?.category }).count >= 6, "the lines should be of many kinds")
        let text = Array(lines.joined(separator: [0x0A])) + [0x0A]
        let batch = validator.verdicts(ofJSONLines: text)
        try #require(batch.count == lines.count)
        for (index, verdict) in batch.enumerated() {
            #expect(verdict.error == alone[index], "line \(index + 1): \(String(decoding: lines[index].prefix(80), as: UTF8.self))")
        }
        // The file paths too: one thread, and several, each judging a segment with a reader of its own.
        for jobs in [1, 3] {
            var streamed: [LineVerdict] = []
            try withFile(holding: text) { fd in
                var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd, chunkSize: 4096)
                try validation.forEachVerdict(jobs: jobs, batchBytes: 2_000) { verdict in
                    streamed.append(verdict)
                    return true
                }
            }
            #expect(streamed.map(\.error) == alone, "jobs \(jobs)")
        }
    }
}
