import ContractRuntime

/// Validates JSON Lines record by record, exactly as `contractgen validate` does: lines split on `\n`
/// only (a `\r` before it is JSON whitespace), no line after the final `\n`, a line longer than the
/// validator's `limits.maxInputLength` is `too_long` without being read, a blank line is `empty_line`,
/// and any other line is one record for ``RecordValidator/validate(_:)``.
///
/// Reads a file descriptor in chunks, so memory stays flat however large the input is; for bytes
/// already in memory use ``RecordValidator/verdicts(ofJSONLines:)``.
public struct JSONLinesValidation: ~Copyable {
    let validator: RecordValidator
    var reader: JSONLinesReader

    /// Validation of the JSON Lines read from `fd` (not closed here) in chunks of `chunkSize` bytes.
    public init(validator: RecordValidator, fileDescriptor fd: Int32, chunkSize: Int = 1 << 20) {
        self.validator = validator
        self.reader = JSONLinesReader(fileDescriptor: fd, maxLineLength: validator.maxLineLength, chunkSize: chunkSize)
    }

    /// Bytes read from the descriptor so far, for progress and throughput reports.
    public var bytesRead: Int { reader.bytesRead + segmentBytesRead }
    /// Bytes of a regular file that the threads of ``forEachVerdict(jobs:batchBytes:_:)`` read themselves.
    var segmentBytesRead = 0

    /// Calls `body` with the verdict on each line, in order, until the end of input or until `body`
    /// returns false. Throws ``JSONLinesReader/ReadError`` when the descriptor cannot be read.
    public mutating func forEachVerdict(_ body: (LineVerdict) throws -> Bool) throws {
        let validator = self.validator
        try validator.withRecordJudge { judge in
            try reader.forEachLine { number, line in
                switch line {
                case .text(let bytes):
                    return try body(LineVerdict(line: number, length: bytes.count, error: validator.verdict(onLine: bytes, judge)))
                case .tooLong(let length):
                    return try body(LineVerdict(line: number, length: length, error: validator.tooLongLineError(length: length)))
                }
            }
        }
    }
}

extension RecordValidator {
    /// The longest line (record) accepted, in bytes: ``Options/limits``' `maxInputLength`.
    public var maxLineLength: Int { options.limits.maxInputLength }

    /// The verdict on one line of JSON Lines, without its `\n`: `too_long` past ``maxLineLength``,
    /// `empty_line` when it holds only spaces, tabs and carriage returns, else ``validate(_:)``'s.
    public func validate(line: UnsafeBufferPointer<UInt8>) -> RecordError? {
        verdict(onLine: line) { validate($0) }
    }

    /// ``validate(line:)`` with the record judged by `judge` (``withRecordJudge(_:)``'s, say).
    @inline(__always)
    func verdict(onLine line: UnsafeBufferPointer<UInt8>, _ judge: (UnsafeBufferPointer<UInt8>) -> RecordError?) -> RecordError? {
        if line.count > maxLineLength { return tooLongLineError(length: line.count) }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return RecordError(category: RecordError.emptyLine, message: "empty line where a record should be", path: "$")
        }
        return judge(line)
    }

    /// The `too_long` error for a line of `length` bytes, more than ``maxLineLength``.
    public func tooLongLineError(length: Int) -> RecordError {
        RecordError(category: RecordError.tooLong,
                    message: "the record is \(Plural.counted(length, "byte")), more than the limit of \(maxLineLength)", path: "$")
    }

    /// The verdict on every line of JSON Lines held in memory, split and judged as
    /// ``JSONLinesValidation`` does for a file.
    public func verdicts(ofJSONLines bytes: UnsafeBufferPointer<UInt8>) -> [LineVerdict] {
        var verdicts: [LineVerdict] = []
        withRecordJudge { judge in
            _ = JSONLinesReader.forEachLine(in: bytes) { line in
                verdicts.append(LineVerdict(line: verdicts.count + 1, length: line.count, error: verdict(onLine: line, judge)))
                return true
            }
        }
        return verdicts
    }

    /// ``verdicts(ofJSONLines:)`` for bytes in an array.
    public func verdicts(ofJSONLines bytes: [UInt8]) -> [LineVerdict] {
        bytes.withUnsafeBufferPointer { verdicts(ofJSONLines: $0) }
    }
}
