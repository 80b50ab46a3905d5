import ContractRuntime
import Dispatch

extension JSONLinesValidation {
    /// The batch size each job validates at a time: large enough that handing batches over costs little
    /// against validating them, small enough that `jobs` of them keep memory flat.
    public static let batchBytes = 1 << 20

    /// As ``forEachVerdict(_:)``, with the lines validated by `jobs` threads: lines are copied into
    /// batches of about ``batchBytes`` bytes (a longer line makes its batch as long as the line), each
    /// full batch is validated in the background while the next ones are filled, and `body` gets every
    /// verdict in line order, as if one thread had judged them, as soon as the batches before are done.
    /// At most 2 × `jobs` batches are held, so memory stays flat however large the input is. Lines after
    /// the one for which `body` returns false may have been validated, but nothing about them reaches
    /// `body`. `jobs` below 2 validates on the calling thread.
    ///
    /// `batchBytes` (at least 1) is for tests that need many batches from little input.
    public mutating func forEachVerdict(jobs: Int, batchBytes: Int = JSONLinesValidation.batchBytes,
                                        _ body: (LineVerdict) throws -> Bool) throws {
        guard jobs > 1 else { return try forEachVerdict(body) }
        let batchBytes = max(1, batchBytes)
        // A ring of slots, each a batch with its own validator (threads sharing one would contend for its
        // plan's reference counts) and a group that says when the batch is judged. Slots from `oldest`
        // on are in flight, in line order; the next one is being filled.
        let count = 2 * jobs
        let validators = (0..<count).map { _ in validator.replica() }
        var batches: [LineBatch] = []
        let groups = (0..<count).map { _ in DispatchGroup() }
        var oldest = 0
        var inFlight = 0
        var filling: Int { (oldest + inFlight) % count }
        defer { for group in groups { group.wait() } }  // Nothing runs on after a read error or a stop.
        func send() {
            let slot = filling
            let batch = batches[slot]
            let validator = validators[slot]
            groups[slot].enter()
            DispatchQueue.global().async {
                batch.judge(with: validator)
                groups[slot].leave()
            }
            inFlight += 1
        }
        /// Hands over the verdicts of the oldest batch in flight, waiting for it unless `ifDone`; false
        /// when `body` asked to stop or, with `ifDone`, when the batch is not judged yet.
        func retire(ifDone: Bool) throws -> Bool {
            guard inFlight > 0 else { return false }
            if ifDone {
                guard groups[oldest].wait(timeout: .now()) == .success else { return false }
            } else {
                groups[oldest].wait()
            }
            let batch = batches[oldest]
            oldest = (oldest + 1) % count
            inFlight -= 1
            defer { batch.removeAll() }
            for verdict in batch.verdicts where !(try body(verdict)) {
                throw Stop()
            }
            return true
        }
        do {
            try reader.forEachLine { number, line in
                if batches.isEmpty { batches.append(LineBatch(capacity: batchBytes)) }
                if batches[filling].byteCount >= batchBytes {
                    send()
                    while try retire(ifDone: true) {}  // Verdicts reach `body` as soon as they can.
                    if inFlight == count { _ = try retire(ifDone: false) }
                    if filling == batches.count { batches.append(LineBatch(capacity: batchBytes)) }
                }
                batches[filling].append(number, line)
                return true
            }
            if !batches.isEmpty, batches[filling].lineCount > 0 { send() }
            while try retire(ifDone: false) {}
        } catch is Stop {
            return
        }
    }

    /// `body` asked to stop.
    private struct Stop: Error {}
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
    var lineCount: Int { lines.count }

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
