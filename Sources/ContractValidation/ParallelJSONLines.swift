import ContractRuntime
import Dispatch

extension JSONLinesValidation {
    /// The batch size each job validates at a time: large enough that handing batches over costs little
    /// against validating them, small enough that `jobs` of them keep memory flat.
    public static let batchBytes = 1 << 20

    /// As ``forEachVerdict(_:)``, with the lines validated by `jobs` threads: lines are copied into
    /// batches of about ``batchBytes`` bytes (a longer line makes its batch as long as the line),
    /// `jobs` batches are validated at once, and `body` gets every verdict in line order, as if one
    /// thread had judged them. At most `jobs` batches are held, so memory stays flat however large
    /// the input is. Lines after the one for which `body` returns false may have been validated, but
    /// nothing about them reaches `body`. `jobs` below 2 validates on the calling thread.
    ///
    /// `batchBytes` (at least 1) is for tests that need many batches from little input.
    public mutating func forEachVerdict(jobs: Int, batchBytes: Int = JSONLinesValidation.batchBytes,
                                        _ body: (LineVerdict) throws -> Bool) throws {
        guard jobs > 1 else { return try forEachVerdict(body) }
        let batchBytes = max(1, batchBytes)
        let validator = self.validator
        var batches: [LineBatch] = [LineBatch(capacity: batchBytes)]
        var filling = 0  // The batch lines are copied into; those before it are full.
        var stopped = false
        /// Validates the first `count` batches at once, hands their verdicts over in order and empties
        /// them; false when `body` asked to stop.
        func drain(_ count: Int) throws -> Bool {
            let judged = Array(batches[..<count])
            DispatchQueue.concurrentPerform(iterations: count) { index in
                judged[index].judge(with: validator)
            }
            defer {
                for batch in batches[..<count] { batch.removeAll() }
            }
            for batch in batches[..<count] {
                for verdict in batch.verdicts where !(try body(verdict)) {
                    return false
                }
            }
            return true
        }
        try reader.forEachLine { number, line in
            if batches[filling].byteCount >= batchBytes {
                if filling + 1 == jobs {
                    guard try drain(jobs) else {
                        stopped = true
                        return false
                    }
                    filling = 0
                } else {
                    filling += 1
                    if filling == batches.count { batches.append(LineBatch(capacity: batchBytes)) }
                }
            }
            batches[filling].append(number, line)
            return true
        }
        if !stopped { _ = try drain(filling + 1) }
    }
}

/// Lines copied out of the reader's buffer, and then their verdicts. Each batch is judged by one thread
/// at a time; the reader fills it again only after its verdicts were handed over.
final class LineBatch: @unchecked Sendable {
    private var bytes: [UInt8] = []
    /// Per line: its number, and where its bytes are, or the length of a line too long to keep.
    private var lines: [(number: Int, start: Int, length: Int, tooLong: Bool)] = []
    private(set) var verdicts: [LineVerdict] = []

    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes.reserveCapacity(min(capacity, JSONLinesValidation.batchBytes) + (1 << 16))
    }

    var byteCount: Int { bytes.count }

    func append(_ number: Int, _ line: JSONLinesReader.Line) {
        switch line {
        case .text(let text):
            lines.append((number, bytes.count, text.count, false))
            bytes.append(contentsOf: text)
        case .tooLong(let length):
            lines.append((number, 0, length, true))
        }
    }

    func judge(with validator: RecordValidator) {
        verdicts.reserveCapacity(lines.count)
        bytes.withUnsafeBufferPointer { all in
            for line in lines {
                let error = line.tooLong
                    ? validator.tooLongLineError(length: line.length)
                    : validator.validate(line: UnsafeBufferPointer(rebasing: all[line.start..<(line.start + line.length)]))
                verdicts.append(LineVerdict(line: line.number, length: line.length, error: error))
            }
        }
    }

    func removeAll() {
        bytes.removeAll(keepingCapacity: bytes.capacity <= capacity * 2 + (1 << 16))  // not a long line's
        lines.removeAll(keepingCapacity: true)
        verdicts.removeAll(keepingCapacity: true)
    }
}
