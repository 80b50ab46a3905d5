import ContractRuntime

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
        // plan's reference counts). Slots from `oldest` on are in flight, in line order, each judged by a
        // thread of its own; the next one is being filled.
        let count = 2 * jobs
        let validators = (0..<count).map { _ in validator.replica() }
        var batches: [LineBatch] = []
        var threads = [LargeStackThread?](repeating: nil, count: count)
        var oldest = 0
        var inFlight = 0
        var linesBefore = 0  // Lines handed over so far.
        var filling: Int { (oldest + inFlight) % count }
        defer { for thread in threads { thread?.join() } }  // Nothing runs on after a read error or a stop.
        func send() {
            let batch = batches[filling]
            let validator = validators[filling]
            // Its own thread rather than a pool's: a record nested as deeply as allowed needs a large stack.
            threads[filling] = LargeStackThread { batch.judge(with: validator) }
            inFlight += 1
        }
        /// Hands over the verdicts of the oldest batch in flight, waiting for it unless `ifDone`; false
        /// when none is in flight or, with `ifDone`, when it is not judged yet. Throws `Stop` when `body`
        /// asks to stop.
        func retire(ifDone: Bool) throws -> Bool {
            guard inFlight > 0, let thread = threads[oldest] else { return false }
            if ifDone, !thread.isDone { return false }
            thread.join()
            threads[oldest] = nil
            let batch = batches[oldest]
            oldest = (oldest + 1) % count
            inFlight -= 1
            defer { batch.removeAll() }
            // A batch numbers its lines from 1; the lines of the batches before come first.
            for var verdict in batch.verdicts {
                verdict.line += linesBefore
                guard try body(verdict) else { throw Stop() }
            }
            linesBefore += batch.verdicts.count
            return true
        }
        do {
            try reader.forEachSpan { span in
                if batches.isEmpty { batches.append(LineBatch(capacity: batchBytes)) }
                if batches[filling].byteCount >= batchBytes {
                    send()
                    while try retire(ifDone: true) {}  // Verdicts reach `body` as soon as they can.
                    if inFlight == count { _ = try retire(ifDone: false) }
                    if filling == batches.count { batches.append(LineBatch(capacity: batchBytes)) }
                }
                batches[filling].append(span)
                return true
            }
            if !batches.isEmpty, !batches[filling].isEmpty { send() }
            while try retire(ifDone: false) {}
        } catch is Stop {
            return
        }
    }

    /// `body` asked to stop.
    private struct Stop: Error {}
}

/// Spans of whole lines copied out of the reader's buffer, and then their verdicts, the lines numbered
/// from 1 within the batch. The thread that judges a batch finds its lines, so the reading thread only
/// copies; the reader fills it again only after its verdicts were handed over.
final class LineBatch: @unchecked Sendable {
    private var bytes: [UInt8] = []
    /// The spans: where their bytes are, or the length of a line too long to keep.
    private var spans: [(start: Int, length: Int, tooLong: Bool)] = []
    private(set) var verdicts: [LineVerdict] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes.reserveCapacity(min(capacity, JSONLinesValidation.batchBytes) + (1 << 16))
    }

    var byteCount: Int { bytes.count }
    var isEmpty: Bool { spans.isEmpty }

    func append(_ span: JSONLinesReader.Span) {
        switch span {
        case .lines(let text):
            spans.append((bytes.count, text.count, false))
            bytes.append(contentsOf: text)
        case .tooLong(let length):
            spans.append((0, length, true))
        }
    }

    func judge(with validator: RecordValidator) {
        bytes.withUnsafeBufferPointer { all in
            for span in spans {
                if span.tooLong {
                    verdicts.append(LineVerdict(line: verdicts.count + 1, length: span.length,
                                                error: validator.tooLongLineError(length: span.length)))
                    continue
                }
                let text = UnsafeBufferPointer(rebasing: all[span.start..<(span.start + span.length)])
                var start = 0
                while start < text.count {
                    let end = JSONLinesReader.index(of: 0x0A, in: text, from: start) ?? text.count
                    let line = UnsafeBufferPointer(rebasing: text[start..<end])
                    verdicts.append(LineVerdict(line: verdicts.count + 1, length: line.count, error: validator.validate(line: line)))
                    start = end + 1
                }
            }
        }
    }

    func removeAll() {
        bytes.removeAll(keepingCapacity: bytes.capacity <= capacity * 2 + (1 << 16))  // not a long line's
        spans.removeAll(keepingCapacity: true)
        verdicts.removeAll(keepingCapacity: true)
    }
}
