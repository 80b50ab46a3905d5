import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import DecodingDifferential
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Fuzz target for `contractgen validate` on the default model, `TaskStepResult` of schema/execution.yaml
// (`scripts/fuzz.sh FuzzValidate SECONDS`).
//
// Every input is a JSON Lines file. The library's verdicts, which are exactly what `contractgen validate`
// prints (`JSONLinesValidation` over a pipe, and `RecordValidator.verdicts(ofJSONLines:)` in memory), with
// a small and a large line limit, must follow the documentation: lines split on `\n`, no line after the
// final one, a line over the limit `too_long` with its length, a blank line `empty_line`, any other line
// the record's verdict by the interpreter's full reading; the runs of valid lines `forEachVerdictRun` hands over
// (on one thread and two, where the first try takes many lines at once) must sum those verdicts. Every line is also
// read by the generated fast decoder, the run-time interpreter (`RecordValidator`) and Codable, which must agree as
// `TaskStepResultDifferential` says, and the interpreter's first try (`FlatRecordJudge`) may vouch only for a line
// its full reading accepts. A disagreement is reported by `fatalError`.

private let differential: TaskStepResultDifferential = {
    do {
        return try TaskStepResultDifferential()
    } catch {
        fatalError("FuzzValidate: \(error)")
    }
}()

/// Validators of `TaskStepResult` whose line limits are small and large, as `--max-line-bytes` sets them.
private let lineValidators: [RecordValidator] = [64, 5000].map { maxLineLength in
    guard let contract = BundledContract.execution.load().contract,
          let validator = try? RecordValidator(contract: contract, model: "TaskStepResult",
                                                options: .init(limits: JSONReaderLimits(maxInputLength: maxLineLength))) else {
        fatalError("FuzzValidate: the built-in contract does not load")
    }
    return validator
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = expectedLines(bytes)
    for validator in lineValidators {
        let expected = lines.enumerated().map { index, line in
            LineVerdict(line: index + 1, length: line.count, error: expectedError(line, maxLineLength: validator.maxLineLength))
        }
        let inMemory = validator.verdicts(ofJSONLines: bytes)
        if inMemory != expected {
            fail("verdicts(ofJSONLines:) with lines up to \(validator.maxLineLength) bytes gave \(inMemory), expected \(expected)", bytes)
        }
        guard let streamed = streamedVerdicts(bytes, validator: validator) else { continue }
        if streamed != expected {
            fail("JSONLinesValidation with lines up to \(validator.maxLineLength) bytes gave \(streamed), expected \(expected)", bytes)
        }
        // What `contractgen validate` counts: runs of valid lines (taken many at a time by the first try), on one
        // thread and on two.
        for jobs in [1, 2] {
            guard let runs = streamedRuns(bytes, validator: validator, jobs: jobs) else { continue }
            if VerdictRun.merged(runs) != VerdictRun.merged(VerdictRun.runs(of: expected)) {
                fail("forEachVerdictRun(jobs: \(jobs)) with lines up to \(validator.maxLineLength) bytes gave \(runs), "
                     + "expected \(expected)", bytes)
            }
        }
    }
    for line in lines {
        let disagreements = differential.disagreements(line)
        if !disagreements.isEmpty { fail(disagreements.joined(separator: "; "), bytes) }
        // The judge's first try vouches only for records the full reading accepts.
        line.withUnsafeBufferPointer { record in
            if differential.validator.isVouchedForWithoutFullReading(record) == true,
               let error = differential.validator.validateByFullReading(record) {
                fail("the first try vouched for a record the full reading refuses (\(error))", bytes)
            }
        }
    }
    return 0
}

/// The lines of a JSON Lines file by its definition: split on `\n`, nothing after a final `\n`.
private func expectedLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
    return lines
}

/// A line's verdict by the documentation: too long, blank, or the interpreter's verdict on the record.
private func expectedError(_ line: [UInt8], maxLineLength: Int) -> RecordError? {
    if line.count > maxLineLength {
        return RecordError(category: "too_long", message: "the record is \(line.count) bytes, more than the limit of \(maxLineLength)",
                           path: "$")
    }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        return RecordError(category: "empty_line", message: "empty line where a record should be", path: "$")
    }
    // The full reading alone: the first tries (of one record, of many lines) are held to it.
    return line.withUnsafeBufferPointer { differential.validator.validateByFullReading($0) }
}

/// `body`'s result on the read end of a pipe that holds `bytes`; nil when the input does not fit in a pipe's buffer,
/// which is written before it is read.
private func readingPipe<Result>(holding bytes: [UInt8], _ body: (Int32) throws -> Result) -> Result? {
    guard bytes.count <= 60_000 else { return nil }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { fatalError("FuzzValidate: pipe() failed") }
    defer { close(ends[0]) }
    let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    close(ends[1])
    guard written == bytes.count else { fatalError("FuzzValidate: write() to a pipe wrote \(written) bytes") }
    do {
        return try body(ends[0])
    } catch {
        fatalError("FuzzValidate: reading a pipe failed: \(error)")
    }
}

/// The verdicts `JSONLinesValidation` gives reading a pipe that holds `bytes`.
private func streamedVerdicts(_ bytes: [UInt8], validator: RecordValidator) -> [LineVerdict]? {
    readingPipe(holding: bytes) { fd in
        var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd, chunkSize: 4096)
        var verdicts: [LineVerdict] = []
        try validation.forEachVerdict { verdict in
            verdicts.append(verdict)
            return true
        }
        if validation.bytesRead != bytes.count { fail("read \(validation.bytesRead) of \(bytes.count) bytes", bytes) }
        return verdicts
    }
}

/// What `forEachVerdictRun(jobs:)` hands over reading a pipe that holds `bytes` (in batches of 512 bytes with more
/// than one job).
private func streamedRuns(_ bytes: [UInt8], validator: RecordValidator, jobs: Int) -> [VerdictRun]? {
    readingPipe(holding: bytes) { fd in
        var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd, chunkSize: 4096)
        var runs: [VerdictRun] = []
        try validation.forEachVerdictRun(jobs: jobs, batchBytes: 512) { run in
            runs.append(run)
            return true
        }
        return runs
    }
}

private func fail(_ message: String, _ bytes: [UInt8]) -> Never {
    fatalError("FuzzValidate: \(message); input \(String(decoding: bytes, as: UTF8.self).debugDescription)")
}
