import ContractRuntime
import ContractValidation
import Foundation

/// Counters, output and progress of one `validate` invocation; the verdicts are
/// ``JSONLinesValidation``'s.
struct ValidationRun {
    let format: ValidateCommand.Format
    let maxErrors: Int?
    let jobs: Int
    let progress: Bool
    private(set) var records = 0
    private(set) var invalid = 0
    private(set) var bytes = 0
    private(set) var unreadable = false
    private let start = ContinuousClock.now
    private var lastProgress = ContinuousClock.now
    private var output: [UInt8] = []

    init(format: ValidateCommand.Format, maxErrors: Int?, jobs: Int = 1, progress: Bool) {
        self.format = format
        self.maxErrors = maxErrors
        self.jobs = jobs
        self.progress = progress
        output.reserveCapacity(1 << 16)
    }

    /// Validates one file (`-`: standard input); false when --max-errors was reached and reading should stop.
    mutating func validate(file: String, with validator: RecordValidator) -> Bool {
        let name = file == "-" ? "<stdin>" : file
        let fd: Int32 = file == "-" ? 0 : open(file, O_RDONLY)
        guard fd >= 0 else {
            Console.standardError(DisplayText.escaped("error: cannot read \(file): \(String(cString: strerror(errno)))") + "\n")
            unreadable = true
            return true
        }
        defer { if fd != 0 { close(fd) } }
        let total = file == "-" ? nil : fileSize(fd)
        var lines = JSONLinesValidation(validator: validator, fileDescriptor: fd)
        var keepGoing = true
        var consumed = 0  // Bytes of the lines handed over so far, for the progress bar.
        do {
            try lines.forEachVerdictRun(jobs: jobs) { run in
                switch run {
                case .valid(let count, let length):
                    records += count
                    consumed += length
                case .invalid(let verdict):
                    records += 1
                    consumed += verdict.length + 1
                    invalid += 1
                    report(verdict.error!, file: name, line: verdict.line)
                    if let maxErrors, invalid >= maxErrors {
                        keepGoing = false
                        return false
                    }
                }
                if progress { showProgress(read: consumed, total: total) }
                return true
            }
        } catch {
            Console.standardError(DisplayText.escaped("error: cannot read \(file): \(error)") + "\n")
            unreadable = true
        }
        bytes += lines.bytesRead
        flush()
        return keepGoing
    }

    private mutating func report(_ error: RecordError, file: String, line: Int) {
        switch format {
        case .text:
            // RecordError's description is "[category] message at $.path", one sentence.
            output += Array(DisplayText.escaped("\(file):\(line): error: \(error)").utf8)
            output.append(0x0A)
        case .json:
            var object: JSONObject = ["file": .string(file), "line": .int(Int64(line)), "category": .string(error.category),
                                      "message": .string(error.message), "path": .string(error.path)]
            object["offset"] = error.offset.map { .int(Int64($0)) } ?? .null
            if let text = try? JSONValue.object(object).jsonString() {
                output += Array((text + "\n").utf8)
            }
        }
        if output.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        guard !output.isEmpty else { return }
        FileHandle.standardOutput.write(Data(output))
        output.removeAll(keepingCapacity: true)
    }

    private mutating func showProgress(read: Int, total: Int?) {
        let now = ContinuousClock.now
        guard now - lastProgress > .milliseconds(200) else { return }
        lastProgress = now
        let seconds = max(Self.seconds(now - start), 1e-9)
        let rate = Double(read) / 1_048_576 / seconds
        var line = "\(Plural.counted(records, "record")), \(invalid) invalid, \(String(format: "%.1f", rate)) MB/s"
        if let total, total > 0 {
            let fraction = min(1, Double(read) / Double(total))
            let filled = Int(fraction * 30)
            line = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
                + String(format: "%3.0f%% ", fraction * 100) + line
        }
        Console.standardError("\r" + line)
    }

    /// Prints the summary line; `contract` says which contract and model the records were checked against.
    mutating func finish(against contract: String) {
        flush()
        let seconds = Self.seconds(ContinuousClock.now - start)
        let megabytes = Double(bytes) / 1_048_576
        let rate = seconds > 0 ? megabytes / seconds : 0
        if progress { Console.standardError("\r\u{1B}[K") }
        let counts = "\(Plural.counted(records, "record")), \(records - invalid) valid, \(invalid) invalid"
        Console.standardError(DisplayText.escaped(counts + String(format: ", %.3f s, %.1f MB/s; ", seconds, rate) + contract) + "\n")
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func fileSize(_ fd: Int32) -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
