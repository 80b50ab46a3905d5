#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the lines of a JSON Lines file from a file descriptor in fixed-size chunks, so memory stays
/// flat however large the file is.
///
/// Lines are split on `\n` only (a `\r` before it stays in the line, where JSON treats it as
/// whitespace). After the final `\n` there is no further line; text after the last `\n` is a line.
/// A line longer than `maxLineLength` is reported once, as too long, and skipped to its end.
public struct JSONLinesReader: ~Copyable {
    /// One line handed to the caller.
    public enum Line {
        /// The line's bytes, without the `\n`; valid only during the callback.
        case text(UnsafeBufferPointer<UInt8>)
        /// The line was longer than the limit; it was skipped.
        case tooLong(length: Int)
    }

    private let fd: Int32
    /// The descriptor read.
    var fileDescriptor: Int32 { fd }

    /// The size of the file when it is a regular file (which threads can read at offsets of their
    /// own), else nil.
    var regularFileSize: Int? {
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }
    private let maxLineLength: Int
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes read so far, for progress reports.
    public private(set) var bytesRead = 0

    /// The chunk sizes a reader uses; a `chunkSize` outside is clamped into it.
    public static let chunkSizes = 4096...(64 << 20)

    /// A reader of `fd` (not closed by the reader) with lines up to `maxLineLength` bytes.
    ///
    /// Any `maxLineLength` is safe: a negative one counts as 0, and `Int.max` means no limit (the
    /// buffer grows with the longest line read). `chunkSize` is clamped into ``chunkSizes``.
    public init(fileDescriptor fd: Int32, maxLineLength: Int = 64 * 1024 * 1024, chunkSize: Int = 1 << 20) {
        self.fd = fd
        self.maxLineLength = max(0, maxLineLength)
        self.buffer = .allocate(capacity: min(max(chunkSize, Self.chunkSizes.lowerBound), Self.chunkSizes.upperBound))
    }

    deinit {
        buffer.deallocate()
    }

    /// Calls `body` with each line number (1-based) and line, in order, until the end of input or until
    /// `body` returns false. Throws `ReadError` when the descriptor cannot be read.
    public mutating func forEachLine(_ body: (Int, Line) throws -> Bool) throws {
        var lineNumber = 0
        let maxLineLength = self.maxLineLength
        try forEachSpan { span in
            switch span {
            case .lines(let bytes):
                return try Self.forEachLine(in: bytes) { text in
                    lineNumber += 1
                    return try body(lineNumber, text.count > maxLineLength ? .tooLong(length: text.count) : .text(text))
                }
            case .tooLong(let length):
                lineNumber += 1
                return try body(lineNumber, .tooLong(length: length))
            }
        }
    }

    /// Consecutive lines handed over together.
    public enum Span {
        /// Whole lines, each ending with its `\n`, except that the last span of an input that does not
        /// end with `\n` ends with that last line; valid only during the callback. Lines in it may be
        /// longer than the limit (it was not reached while reading them): the caller checks.
        case lines(UnsafeBufferPointer<UInt8>)
        /// One line longer than the limit, skipped while reading it.
        case tooLong(length: Int)
    }

    /// Calls `body` with the input as spans of whole lines, in order, as much as each read brings (about
    /// the chunk size), until the end of input or until `body` returns false: ``forEachLine(_:)`` without
    /// finding each line, for callers that hand lines to other threads. Throws `ReadError` when the
    /// descriptor cannot be read.
    public mutating func forEachSpan(_ body: (Span) throws -> Bool) throws {
        var start = 0  // Start of the unfinished line in the buffer.
        var end = 0    // End of valid bytes in the buffer.
        var skipping = false  // Inside a line that is too long.
        var skippedLength = 0
        while true {
            if end == buffer.count {
                if start > 0 {
                    // Move the unfinished line to the front to make room.
                    let count = end - start
                    if count > 0 {
                        UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                            from: UnsafeRawPointer(buffer.baseAddress! + start), byteCount: count)
                    }
                    start = 0
                    end = count
                } else if !skipping {
                    // One line fills the buffer: grow it up to the limit, or start skipping.
                    if buffer.count < maxLineLength {
                        // Saturating: with a limit near Int.max neither sum may overflow.
                        let doubled = buffer.count.multipliedReportingOverflow(by: 2)
                        let ceiling = maxLineLength.addingReportingOverflow(1)
                        let capacity = min(doubled.overflow ? Int.max : doubled.partialValue,
                                           ceiling.overflow ? Int.max : ceiling.partialValue)
                        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
                        _ = grown.initialize(fromContentsOf: buffer[0..<end])
                        buffer.deallocate()
                        buffer = grown
                    } else {
                        skipping = true
                        skippedLength = end
                        start = 0
                        end = 0
                    }
                } else {
                    skippedLength += end
                    start = 0
                    end = 0
                }
            }
            let count = Self.read(fd, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 { throw ReadError(errno: errno) }
            if count == 0 { break }
            bytesRead += count
            let scan = end
            end += count
            if skipping {
                guard let newline = Self.index(of: 0x0A, in: UnsafeBufferPointer(buffer), from: scan, to: end) else {
                    skippedLength += end - start
                    start = end
                    continue
                }
                skipping = false
                guard try body(.tooLong(length: skippedLength + newline - start)) else { return }
                start = newline + 1
            }
            if let last = Self.lastIndex(of: 0x0A, in: buffer, from: max(scan, start), to: end) {
                guard try body(.lines(UnsafeBufferPointer(rebasing: buffer[start...last]))) else { return }
                start = last + 1
            }
        }
        if skipping {
            _ = try body(.tooLong(length: skippedLength + end - start))
        } else if end > start {
            // A last line without `\n`; the caller holds it to the limit.
            _ = try body(.lines(UnsafeBufferPointer(rebasing: buffer[start..<end])))
        }
    }

    /// A failed read(2).
    public struct ReadError: Error, CustomStringConvertible {
        public var errno: Int32
        public var description: String { String(cString: strerror(errno)) }
    }

    private static func read(_ fd: Int32, _ pointer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        while true {
            #if canImport(Darwin)
            let n = Darwin.read(fd, pointer, count)
            #elseif canImport(Glibc)
            let n = Glibc.read(fd, pointer, count)
            #else
            let n = Musl.read(fd, pointer, count)
            #endif
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    /// Calls `body` with each line of `bytes`, without its `\n`, until `body` returns false (then false):
    /// lines split on `\n` only, none after a final `\n`, as ``Span/lines`` holds them.
    static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>,
                            _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) rethrows -> Bool {
        var start = 0
        while start < bytes.count {
            let line = line(in: bytes, from: start)
            guard try body(line) else { return false }
            start += line.count + 1
        }
        return true
    }

    /// The line of `bytes` that starts at `start` (before `bytes.count`), without its `\n`, as
    /// ``forEachLine(in:_:)`` gives it: the next one starts after its count and the `\n`.
    static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<(index(of: 0x0A, in: bytes, from: start) ?? bytes.count)])
    }

    /// pread(2) at `offset`, retried when interrupted.
    static func pread(_ fd: Int32, _ pointer: UnsafeMutablePointer<UInt8>, _ count: Int, offset: Int) -> Int {
        while true {
            #if canImport(Darwin)
            let n = Darwin.pread(fd, pointer, count, off_t(offset))
            #elseif canImport(Glibc)
            let n = Glibc.pread(fd, pointer, count, off_t(offset))
            #else
            let n = Musl.pread(fd, pointer, count, off_t(offset))
            #endif
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    /// The first `byte` in `buffer[from..<to]` (`to` defaults to the end).
    static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int? = nil) -> Int? {
        let to = to ?? buffer.count
        guard from < to else { return nil }
        let found = memchr(buffer.baseAddress! + from, Int32(byte), to - from)
        return found.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - buffer.baseAddress! }
    }

    /// The last `byte` in `buffer[from..<to]`.
    private static func lastIndex(of byte: UInt8, in buffer: UnsafeMutableBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        // Backwards, byte by byte: the last line break is usually within a line's length of the end.
        var index = to
        while index > from {
            index -= 1
            if buffer[index] == byte { return index }
        }
        return nil
    }
}
