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
// Every input is a JSON Lines file. `JSONLinesReader` must split it as the documentation says (on `\n`,
// no line after the final one, lines over the limit reported as too long with their length), with a
// small and a large line limit. Every line is then read by the generated fast decoder, the run-time
// interpreter (`RecordValidator`) and Codable, which must agree as `TaskStepResultDifferential` says.
// A disagreement is reported by `fatalError`.

private let differential: TaskStepResultDifferential = {
    do {
        return try TaskStepResultDifferential()
    } catch {
        fatalError("FuzzValidate: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = expectedLines(bytes)
    for maxLineLength in [64, 5000] {
        guard let read = readLines(bytes, maxLineLength: maxLineLength) else { break }
        let expected = lines.map { $0.count > maxLineLength ? SplitLine.tooLong($0.count) : .text($0) }
        if read != expected {
            fail("JSONLinesReader with lines up to \(maxLineLength) bytes read \(read), expected \(expected)", bytes)
        }
    }
    for line in lines {
        let disagreements = differential.disagreements(line)
        if !disagreements.isEmpty { fail(disagreements.joined(separator: "; "), bytes) }
    }
    return 0
}

/// A line as `JSONLinesReader` hands it over, with its bytes copied.
private enum SplitLine: Equatable {
    case text([UInt8])
    case tooLong(Int)
}

/// The lines of a JSON Lines file by its definition: split on `\n`, nothing after a final `\n`.
private func expectedLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
    return lines
}

/// The lines `JSONLinesReader` reads from a pipe holding `bytes`; nil when the input does not fit in a
/// pipe's buffer, which is written before it is read.
private func readLines(_ bytes: [UInt8], maxLineLength: Int) -> [SplitLine]? {
    guard bytes.count <= 60_000 else { return nil }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { fatalError("FuzzValidate: pipe() failed") }
    defer { close(ends[0]) }
    let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    close(ends[1])
    guard written == bytes.count else { fatalError("FuzzValidate: write() to a pipe wrote \(written) bytes") }
    var reader = JSONLinesReader(fileDescriptor: ends[0], maxLineLength: maxLineLength, chunkSize: 4096)
    var lines: [SplitLine] = []
    var previous = 0
    do {
        try reader.forEachLine { number, line in
            if number != previous + 1 { fail("line \(number) follows line \(previous)", bytes) }
            previous = number
            switch line {
            case .text(let text): lines.append(.text(Array(text)))
            case .tooLong(let length): lines.append(.tooLong(length))
            }
            return true
        }
    } catch {
        fatalError("FuzzValidate: reading a pipe failed: \(error)")
    }
    return lines
}

private func fail(_ message: String, _ bytes: [UInt8]) -> Never {
    fatalError("FuzzValidate: \(message); input \(String(decoding: bytes, as: UTF8.self).debugDescription)")
}
