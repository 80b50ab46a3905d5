import ContractRuntime
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONLinesValidation {
    /// The batch size each job validates at a time: large enough that handing batches over costs little
    /// against validating them, small enough that `jobs` of them keep memory flat.
    public static let batchBytes = 4 << 20

    /// As ``forEachVerdict(_:)``, with the lines validated by `jobs` threads, each judging about
    /// ``batchBytes`` of lines at a time on a thread with a large stack, and `body` getting every verdict
    /// in line order, as if one thread had judged them, as soon as the batches before are done. A regular
    /// file is cut into segments that each thread reads itself (`pread`), so that the bytes it judges are
    /// in its own core's cache; other input (a pipe, standard input) is read here and handed over in
    /// copied batches of whole lines. At most 2 × `jobs` batches are held, so memory stays flat however
    /// large the input is (a line longer than a batch makes its batch as long). Lines after the one for
    /// which `body` returns false may have been validated, but nothing about them reaches `body`. `jobs`
    /// below 2 validates on the calling thread.
    ///
    /// `batchBytes` (at least 1) is for tests that need many batches from little input.
    public mutating func forEachVerdict(jobs: Int, batchBytes: Int = JSONLinesValidation.batchBytes,
                                        _ body: (LineVerdict) throws -> Bool) throws {
        guard jobs > 1 else { return try forEachVerdict(body) }
        try judgeInBatches(jobs: jobs, batchBytes: batchBytes) { verdicts, linesBefore in
            try verdicts.forEach(numberingAfter: linesBefore, body)
        }
    }

    /// As ``forEachVerdict(jobs:batchBytes:_:)``, with each run of valid lines handed over as one
    /// ``VerdictRun/valid(lines:bytes:)``: what a caller that counts valid records, and reports the
    /// others, needs. The thread calling `body` then does work for the invalid lines only (with `jobs` above
    /// 1, handing over a verdict for every line took that thread about a tenth of the judging threads'
    /// time). A run is at most a batch long (``batchBytes``, or 4,096 lines with `jobs` below 2), so that
    /// `body` is called often enough to show progress.
    public mutating func forEachVerdictRun(jobs: Int, batchBytes: Int = JSONLinesValidation.batchBytes,
                                           _ body: (VerdictRun) throws -> Bool) throws {
        guard jobs > 1 else { return try forEachVerdictRunOnThisThread(body) }
        try judgeInBatches(jobs: jobs, batchBytes: batchBytes) { verdicts, linesBefore in
            try verdicts.forEachRun(numberingAfter: linesBefore, body)
        }
    }

    /// ``forEachVerdictRun(jobs:batchBytes:_:)`` on the calling thread: runs of at most 4,096 lines, the lines the
    /// judge's first try vouches for at once (``RecordValidator/LinesVouch``) taken without a call a line.
    private mutating func forEachVerdictRunOnThisThread(_ body: (VerdictRun) throws -> Bool) throws {
        let validator = self.validator
        let runLines = 4096
        // The valid lines not handed over yet, and the lines before them.
        var lines = 0, bytes = 0, linesBefore = 0
        /// Hands over the run of valid lines, if any; false when `body` says to stop.
        func handOverRun() throws -> Bool {
            guard lines > 0 else { return true }
            defer { (linesBefore, lines, bytes) = (linesBefore + lines, 0, 0) }
            return try body(.valid(lines: lines, bytes: bytes))
        }
        /// Counts a line judged alone; false when `body` says to stop.
        func count(length: Int, error: RecordError?) throws -> Bool {
            guard let error else {
                (lines, bytes) = (lines + 1, bytes + length + 1)
                return try lines < runLines || handOverRun()
            }
            guard try handOverRun() else { return false }
            linesBefore += 1
            return try body(.invalid(LineVerdict(line: linesBefore, length: length, error: error)))
        }
        var stopped = false
        try validator.withLinesJudge { judge, vouch in
            try reader.forEachSpan { span in
                switch span {
                case .tooLong(let length):
                    stopped = try !count(length: length, error: validator.tooLongLineError(length: length))
                case .lines(let text):
                    var start = 0
                    while start < text.count, !stopped {
                        let rest = UnsafeBufferPointer(rebasing: text[start...])
                        let vouched = vouch(rest, rest.count, runLines - lines, nil)
                        (lines, bytes, start) = (lines + vouched.lines, bytes + vouched.bytes, start + vouched.bytes)
                        if lines == runLines {
                            stopped = try !handOverRun()
                        } else if start < text.count {
                            let line = JSONLinesReader.line(in: text, from: start)
                            stopped = try !count(length: line.count, error: validator.verdict(onLine: line, judge))
                            start += line.count + 1
                        }
                    }
                }
                return !stopped
            }
        }
        if !stopped { _ = try handOverRun() }
    }

    /// Judges the lines in batches on `jobs` threads, handing each batch's verdicts, in line order, to
    /// `deliver` with the number of lines before the batch; stops when `deliver` returns false.
    private mutating func judgeInBatches(jobs: Int, batchBytes: Int,
                                         _ deliver: (BatchVerdicts, _ linesBefore: Int) throws -> Bool) throws {
        let batchBytes = max(1, batchBytes)
        do {
            if let size = reader.regularFileSize, reader.bytesRead == 0 {
                let fd = reader.fileDescriptor
                let maxLineLength = validator.maxLineLength
                var ring = JudgingRing(jobs: jobs, validator: validator) {
                    FileSegment(fileDescriptor: fd, maxLineLength: maxLineLength)
                }
                defer { segmentBytesRead = ring.bytesJudged }
                var start = 0
                while start < size {
                    // The last segment runs to the end of the file, however long it has grown.
                    let end = size - start <= batchBytes ? Int.max : start + batchBytes
                    ring.current.reset(start: start, end: end)
                    try ring.send(deliver)
                    start += batchBytes
                }
                try ring.finish(deliver)
            } else {
                var ring = JudgingRing(jobs: jobs, validator: validator) { LineBatch(capacity: batchBytes) }
                try reader.forEachSpan { span in
                    if ring.current.byteCount >= batchBytes { try ring.send(deliver) }
                    ring.current.append(span)
                    return true
                }
                if !ring.current.isEmpty { try ring.send(deliver) }
                try ring.finish(deliver)
            }
        } catch is JudgingStop {
            return
        }
    }
}

/// A batch of lines one thread judges: it numbers its lines from 1.
protocol JudgedLines: AnyObject, Sendable {
    /// Judges the lines (on a thread of its own).
    func judge(with validator: RecordValidator)
    /// The verdicts, in line order, once judged.
    var verdicts: BatchVerdicts { get }
    /// The bytes of its lines, line breaks included, once judged.
    var bytesJudged: Int { get }
    /// Why reading failed, once judged; the verdicts before the failure stand.
    var readError: JSONLinesReader.ReadError? { get }
    /// Makes it ready to be filled again.
    func removeAll()
}

/// `body` asked to stop.
struct JudgingStop: Error {}

/// A ring of 2 × `jobs` slots, each with a batch of its own and a validator of its own (threads sharing
/// one would contend for its plan's reference counts), judged by `jobs` threads that live as long as the
/// ring: thread `w` judges slots `w`, `w + jobs`, `w`, ... in turn, so each takes every `jobs`-th batch.
/// They are `LargeStackThread`s: a pool's threads have too little stack for a record nested as deeply as
/// allowed, and a thread per batch costs the reservation and release of its stack each time. Slots from
/// `oldest` on are in flight, in line order; the next slot is the one being filled.
struct JudgingRing<Batch: JudgedLines>: ~Copyable {
    private let count: Int
    private let batches: [Batch]
    private let ready: [DispatchSemaphore]
    private let done: [DispatchSemaphore]
    private let validators: [RecordValidator]
    private let stopping = Stopping()
    private var threads: [LargeStackThread] = []
    private var oldest = 0
    private var inFlight = 0
    private var linesBefore = 0
    /// The bytes of the batches handed over so far.
    private(set) var bytesJudged = 0

    /// Tells the threads to end.
    private final class Stopping: Sendable {
        let flag = Atomic<Bool>(false)
    }

    init(jobs: Int, validator: RecordValidator, make: () -> Batch) {
        count = 2 * jobs
        let batches = (0..<count).map { _ in make() }
        let validators = (0..<count).map { _ in validator.replica() }
        let ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let done = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let stopping = self.stopping
        let count = self.count
        self.batches = batches
        self.ready = ready
        self.done = done
        self.validators = validators
        threads = (0..<jobs).compactMap { worker in
            LargeStackThread(startingOrNil: {
                var slot = worker
                while true {
                    ready[slot].wait()
                    if stopping.flag.load(ordering: .acquiring) { return }
                    batches[slot].judge(with: validators[slot])
                    done[slot].signal()
                    slot = (slot + jobs) % count
                }
            })
        }
        if threads.count < jobs {
            // Not every thread could be made (an address-space limit, say): the calling thread judges
            // each batch as it is sent, in order, as one thread would.
            stopping.flag.store(true, ordering: .releasing)
            for semaphore in ready { semaphore.signal() }
            for thread in threads { thread.join() }
            threads = []
        }
    }

    deinit {
        // Batches in flight are judged first (a stop or a read error leaves some), then every thread ends.
        for index in 0..<inFlight { done[(oldest + index) % count].wait() }
        guard !threads.isEmpty else { return }
        stopping.flag.store(true, ordering: .releasing)
        for semaphore in ready { semaphore.signal() }
        for thread in threads { thread.join() }
    }

    private var filling: Int { (oldest + inFlight) % count }

    /// The batch being filled.
    var current: Batch { batches[filling] }

    /// Sends the batch being filled to its thread, hands over the verdicts of the batches already judged,
    /// and waits for the oldest when every slot is in flight.
    mutating func send(_ deliver: (BatchVerdicts, Int) throws -> Bool) throws {
        if threads.isEmpty {
            batches[filling].judge(with: validators[filling])
            done[filling].signal()
        } else {
            ready[filling].signal()
        }
        inFlight += 1
        while try retire(waiting: false, deliver) {}  // Verdicts are delivered as soon as they can be.
        if inFlight == count { _ = try retire(waiting: true, deliver) }
    }

    /// Waits for every batch in flight and hands over their verdicts.
    mutating func finish(_ deliver: (BatchVerdicts, Int) throws -> Bool) throws {
        while try retire(waiting: true, deliver) {}
    }

    /// Hands over the verdicts of the oldest batch in flight, waiting for it if `waiting`; false when
    /// none is in flight or it is not judged yet. Throws `JudgingStop` when `deliver` asks to stop, and the
    /// batch's read error after its verdicts.
    private mutating func retire(waiting: Bool, _ deliver: (BatchVerdicts, Int) throws -> Bool) throws -> Bool {
        guard inFlight > 0 else { return false }
        if waiting {
            done[oldest].wait()
        } else if done[oldest].wait(timeout: .now()) != .success {
            return false
        }
        let batch = batches[oldest]
        oldest = (oldest + 1) % count
        inFlight -= 1
        defer { batch.removeAll() }
        // A batch numbers its lines from 1; the lines of the batches before come first.
        let verdicts = batch.verdicts
        guard try deliver(verdicts, linesBefore) else { throw JudgingStop() }
        linesBefore += verdicts.count
        bytesJudged += batch.bytesJudged
        if let error = batch.readError { throw error }
        return true
    }
}

/// The lines that start in `[start, end)` of a regular file, which the judging thread reads itself
/// with `pread`: from the first line start at or after `start` (the byte before is a line break) to the
/// end of the last line starting before `end`, however far past `end` it runs.
final class FileSegment: JudgedLines, @unchecked Sendable {
    // @unchecked: filled by the reading thread, then used by the judging thread only until retired.
    private let fd: Int32
    private let maxLineLength: Int
    private var start = 0
    private var end = 0
    private var window: UnsafeMutableBufferPointer<UInt8>
    private(set) var verdicts = BatchVerdicts()
    private(set) var bytesJudged = 0
    private(set) var readError: JSONLinesReader.ReadError?

    /// The window's size unless a long line grows it.
    private static let windowBytes = 1 << 18

    init(fileDescriptor fd: Int32, maxLineLength: Int) {
        self.fd = fd
        self.maxLineLength = maxLineLength
        window = .allocate(capacity: Self.windowBytes)
    }

    deinit { window.deallocate() }

    func reset(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    func removeAll() {
        verdicts.removeAll()
        bytesJudged = 0
        readError = nil
        if window.count > Self.windowBytes {  // A long line's window is not kept.
            window.deallocate()
            window = .allocate(capacity: Self.windowBytes)
        }
    }

    func judge(with validator: RecordValidator) {
        validator.withLinesJudge { judge, vouch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: BatchVerdicts.vouchedLinesAtOnce) { room in
                do throws(JSONLinesReader.ReadError) {
                    try judgeLines(with: validator, judge, vouch, room: room)
                } catch {
                    readError = error
                }
            }
        }
    }

    private func judgeLines(with validator: RecordValidator, _ judge: (UnsafeBufferPointer<UInt8>) -> RecordError?,
                            _ vouch: RecordValidator.LinesVouch,
                            room: UnsafeMutableBufferPointer<Int>) throws(JSONLinesReader.ReadError) {
        var windowStart = start  // File offset of window[0].
        var windowEnd = start    // File offset after the bytes read.
        var atEnd = false
        /// Reads more after `windowEnd`, keeping the bytes from `keep` on; false at the end of the file.
        func readMore(keeping keep: Int) throws(JSONLinesReader.ReadError) -> Bool {
            let kept = windowEnd - keep
            if keep > windowStart, kept > 0 {
                UnsafeMutableRawPointer(window.baseAddress!).copyMemory(
                    from: UnsafeRawPointer(window.baseAddress! + (keep - windowStart)), byteCount: kept)
            }
            windowStart = keep
            if kept == window.count {
                let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: window.count * 2)
                grown.baseAddress!.initialize(from: window.baseAddress!, count: kept)
                window.deallocate()
                window = grown
            }
            // What the segment still needs, at least a page: a small segment does not read a whole window.
            let wanted = end > windowEnd ? max(end - windowEnd, 1 << 12) : 1 << 12
            let count = JSONLinesReader.pread(fd, window.baseAddress! + kept, min(window.count - kept, wanted), offset: windowEnd)
            if count < 0 { throw JSONLinesReader.ReadError(errno: errno) }
            windowEnd += count
            return count > 0
        }
        /// The offset of the first line break at or after `offset`, reading on as needed, or nil at the
        /// end of the file; and whether the bytes from `keep` on are all still in the window. Keeps them
        /// while there are at most `limit` (then lets them go), none when `keep` is nil.
        /// With `until`, gives nil as soon as no line break comes before it.
        func lineBreak(from offset: Int, keeping keep: Int?, limit: Int = Int.max, until: Int = Int.max)
            throws(JSONLinesReader.ReadError) -> (offset: Int?, kept: Bool) {
            var scan = offset
            var keeping = keep
            while true {
                if scan < windowEnd, let index = JSONLinesReader.index(
                    of: 0x0A, in: UnsafeBufferPointer(window), from: scan - windowStart, to: windowEnd - windowStart) {
                    return (windowStart + index, keeping != nil)
                }
                scan = max(scan, windowEnd)
                if atEnd || scan >= until { return (nil, keeping != nil) }
                if let kept = keeping, windowEnd - kept > limit { keeping = nil }
                if !(try readMore(keeping: keeping ?? windowEnd)) { atEnd = true }
            }
        }
        // Kept in locals while judging: each write to a class's stored property is checked for exclusive
        // access at run time.
        var verdicts = BatchVerdicts()
        swap(&verdicts, &self.verdicts)
        var bytesJudged = 0
        defer { swap(&verdicts, &self.verdicts); self.bytesJudged = bytesJudged }
        var lineStart = start
        if start > 0 {
            // The first line starting here follows the first line break at or after start - 1.
            windowStart = start - 1
            windowEnd = start - 1
            guard let found = try lineBreak(from: start - 1, keeping: nil, until: end - 1).offset, found + 1 < end else { return }
            lineStart = found + 1
        }
        // A line is kept while it may still be within the limit; past it, only its length is counted.
        let limit = maxLineLength == Int.max ? Int.max : maxLineLength + 1
        while lineStart < end {
            // The whole lines in the window that the first try vouches for at once, then the next line alone.
            if lineStart >= windowStart, lineStart < windowEnd {
                let text = UnsafeBufferPointer(rebasing: window[(lineStart - windowStart)..<(windowEnd - windowStart)])
                let taken = verdicts.appendVouched(text, startLimit: end - lineStart, vouch, room: room)
                bytesJudged += taken
                lineStart += taken
                guard lineStart < end else { break }
            }
            let (found, kept) = try lineBreak(from: lineStart, keeping: lineStart, limit: limit)
            if found == nil, lineStart >= windowEnd { break }  // Nothing after the final line break.
            let lineEnd = found ?? windowEnd
            let length = lineEnd - lineStart
            let error = kept
                ? validator.verdict(onLine: UnsafeBufferPointer(rebasing: window[(lineStart - windowStart)..<(lineEnd - windowStart)]), judge)
                : validator.tooLongLineError(length: length)
            verdicts.append(length: length, error: error)
            bytesJudged += length + (found == nil ? 0 : 1)
            guard found != nil else { break }
            lineStart = lineEnd + 1
        }
    }
}

/// Spans of whole lines copied out of the reader's buffer, and then their verdicts, the lines numbered
/// from 1 within the batch. The thread that judges a batch finds its lines, so the reading thread only
/// copies; the reader fills it again only after its verdicts were handed over.
final class LineBatch: JudgedLines, @unchecked Sendable {
    private var bytes: [UInt8] = []
    /// The spans: where their bytes are, or the length of a line too long to keep.
    private var spans: [(start: Int, length: Int, tooLong: Bool)] = []
    private(set) var verdicts = BatchVerdicts()
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes.reserveCapacity(min(capacity, JSONLinesValidation.batchBytes) + (1 << 16))
    }

    var byteCount: Int { bytes.count }
    var isEmpty: Bool { spans.isEmpty }
    /// The reader thread counts the bytes it reads, and reports its own errors.
    var bytesJudged: Int { 0 }
    var readError: JSONLinesReader.ReadError? { nil }

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
        validator.withLinesJudge { judge, vouch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: BatchVerdicts.vouchedLinesAtOnce) { room in
                bytes.withUnsafeBufferPointer { all in
                    for span in spans {
                        if span.tooLong {
                            verdicts.append(length: span.length, error: validator.tooLongLineError(length: span.length))
                            continue
                        }
                        let text = UnsafeBufferPointer(rebasing: all[span.start..<(span.start + span.length)])
                        verdicts.judgeLines(in: text, with: validator, judge, vouch, room: room)
                    }
                }
            }
        }
    }

    func removeAll() {
        bytes.removeAll(keepingCapacity: bytes.capacity <= capacity * 2 + (1 << 16))  // not a long line's
        spans.removeAll(keepingCapacity: true)
        verdicts.removeAll()
    }
}

/// A batch's verdicts, kept small: where each line ends, and the errors of the invalid lines only. A
/// ``LineVerdict`` per line (80 bytes, most of them for an error that is nil) made the verdicts of a batch
/// of short lines larger than a core's cache, written by the judging thread and read again by the one
/// handing them over.
struct BatchVerdicts {
    /// For each line, the bytes of the lines up to it, each with a line break.
    private var ends: [Int] = []
    /// The invalid lines, by their index, in line order.
    private var errors: [(index: Int, error: RecordError)] = []

    /// The number of lines judged.
    var count: Int { ends.count }
    /// How many lines' ends the first try over many lines gives at a time.
    static let vouchedLinesAtOnce = 1024

    mutating func append(length: Int, error: RecordError?) {
        if let error { errors.append((ends.count, error)) }
        ends.append((ends.last ?? 0) + length + 1)
    }

    private func end(before index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

    /// Appends the lines at the start of `text` that `vouch` vouches for, as valid, taking `room.count` at a time
    /// (their ends go through `room`); none that starts at or after `startLimit`. Returns their bytes, line breaks
    /// included.
    mutating func appendVouched(_ text: UnsafeBufferPointer<UInt8>, startLimit: Int = Int.max,
                                _ vouch: RecordValidator.LinesVouch, room: UnsafeMutableBufferPointer<Int>) -> Int {
        var taken = 0
        while true {
            let rest = UnsafeBufferPointer(rebasing: text[taken...])
            let vouched = vouch(rest, startLimit - taken, room.count, room.baseAddress)
            let before = ends.last ?? 0
            ends.append(contentsOf: room[..<vouched.lines].lazy.map { before + $0 })
            taken += vouched.bytes
            if vouched.lines < room.count { return taken }
        }
    }

    /// Appends the verdicts on the lines of `text` (split as ``JSONLinesReader/forEachLine(in:)`` splits them):
    /// those `vouch` vouches for at once (with `room` as ``appendVouched(_:startLimit:_:room:)``), each other by
    /// `judge`.
    mutating func judgeLines(in text: UnsafeBufferPointer<UInt8>, with validator: RecordValidator,
                             _ judge: (UnsafeBufferPointer<UInt8>) -> RecordError?, _ vouch: RecordValidator.LinesVouch,
                             room: UnsafeMutableBufferPointer<Int>) {
        var start = 0
        while start < text.count {
            start += appendVouched(UnsafeBufferPointer(rebasing: text[start...]), vouch, room: room)
            guard start < text.count else { return }
            let line = JSONLinesReader.line(in: text, from: start)
            append(length: line.count, error: validator.verdict(onLine: line, judge))
            start += line.count + 1
        }
    }

    private func verdict(at index: Int, error: RecordError?, numberingAfter linesBefore: Int) -> LineVerdict {
        LineVerdict(line: linesBefore + index + 1, length: ends[index] - end(before: index) - 1, error: error)
    }

    /// Calls `body` with each line's verdict in order, numbering the lines from `linesBefore + 1`; false
    /// as soon as `body` returns false.
    func forEach(numberingAfter linesBefore: Int, _ body: (LineVerdict) throws -> Bool) rethrows -> Bool {
        var nextError = 0
        for index in ends.indices {
            var error: RecordError?
            if nextError < errors.count, errors[nextError].index == index {
                error = errors[nextError].error
                nextError += 1
            }
            guard try body(verdict(at: index, error: error, numberingAfter: linesBefore)) else { return false }
        }
        return true
    }

    /// As ``forEach(numberingAfter:_:)``, with each run of valid lines as one ``VerdictRun/valid(lines:bytes:)``.
    func forEachRun(numberingAfter linesBefore: Int, _ body: (VerdictRun) throws -> Bool) rethrows -> Bool {
        var next = 0  // The first line not handed over.
        for (index, error) in errors + [(ends.count, nil)] {
            if index > next {
                guard try body(.valid(lines: index - next, bytes: end(before: index) - end(before: next))) else { return false }
            }
            if let error {
                guard try body(.invalid(verdict(at: index, error: error, numberingAfter: linesBefore))) else { return false }
            }
            next = index + 1
        }
        return true
    }

    mutating func removeAll() {
        ends.removeAll(keepingCapacity: true)
        errors.removeAll(keepingCapacity: errors.count < 1 << 12)
    }
}
