import ArgumentParser
import ContractRuntime
import ContractSchema
import ContractValidation
import Foundation

/// `contractgen validate`: check JSON Lines records against a model of a schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON Lines records against a model of a schema.",
        discussion: """
        Reads each file (or standard input for `-` or no file) as JSON Lines: one record per line, split \
        on \\n only; a \\r before it is whitespace; an empty or blank line is an invalid record, except \
        after the final newline. The schema is interpreted at run time with the same shape, type, enum and \
        rule checks as the generated decoders. Files are streamed in chunks, so memory stays flat.

        Each invalid record prints one line to standard output:
          FILE:LINE: error: [CATEGORY] message at $.json.path
        CATEGORY is one of: malformed_json, invalid_utf8, byte_order_mark, duplicate_key, \
        number_out_of_range, control_character, invalid_escape, lone_surrogate, trailing_data, too_deep, \
        too_long, empty_line, not_an_object, missing_field, unknown_field, wrong_type, \
        unknown_enum_value, invalid_timestamp, rule:<rule id>.
        With --format json the same findings are JSON Lines with keys file, line, category, message, \
        path and offset. A summary (records, valid, invalid, elapsed, MB/s) goes to standard error, with \
        a progress bar when standard error is a terminal.

        Limits, each reported with its own message: a record (line) of at most --max-line-bytes \
        (64 MiB), nesting at most --max-depth deep (512), strings and keys of at most --max-string-bytes \
        (16 MiB) and objects of at most --max-keys keys (100,000).

        Exit codes: 0 every record valid, 1 some record invalid, 2 usage error, unreadable file or a \
        schema with errors.

        Examples:
          contractgen validate results.jsonl
          contractgen validate --schema schema/agent_run.yaml --model AgentRun runs.jsonl
          cat results.jsonl | contractgen validate --format json --max-errors 10 -
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("The schema to validate against.", valueName: "schema.yaml"))
    var schema: String = "schema/execution.yaml"

    @Option(help: ArgumentHelp("The model records are instances of (default: the schema's only model).", valueName: "name"))
    var model: String?

    @Argument(help: ArgumentHelp("JSON Lines files; `-` or none reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: "Output format for findings: text or json.")
    var format: Format = .text

    @Option(name: .customLong("max-errors"), help: ArgumentHelp("Stop after this many invalid records.", valueName: "n"))
    var maxErrors: Int?

    @Flag(name: .customLong("accept-legacy"), help: "Accept v1.0 values listed in the schema's legacy tables (success, error).")
    var acceptLegacy = false

    @Option(name: .customLong("max-line-bytes"),
            help: ArgumentHelp("Refuse records (lines) longer than this many bytes (too_long).", valueName: "n"))
    var maxLineBytes: Int = 64 * 1024 * 1024

    @Option(name: .customLong("max-depth"),
            help: ArgumentHelp("Refuse records whose arrays and objects nest deeper than this (too_deep).", valueName: "n"))
    var maxDepth: Int = JSONReaderLimits().maxDepth

    @Option(name: .customLong("max-string-bytes"),
            help: ArgumentHelp("Refuse strings and keys longer than this many bytes as written, escapes included (too_long).",
                               valueName: "n"))
    var maxStringBytes: Int = JSONReaderLimits().maxStringLength

    @Option(name: .customLong("max-keys"), help: ArgumentHelp("Refuse objects with more keys than this (too_long).", valueName: "n"))
    var maxKeys: Int = JSONReaderLimits().maxKeysPerObject

    @Flag(help: "Never draw a progress bar.")
    var noProgress = false

    func validate() throws {
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        let limits = [("--max-line-bytes", maxLineBytes), ("--max-depth", maxDepth), ("--max-string-bytes", maxStringBytes),
                      ("--max-keys", maxKeys)]
        for (option, value) in limits where value < 1 {
            throw ValidationError("\(option) must be at least 1")
        }
    }

    func run() throws {
        let loaded = SchemaLoader().load(contentsOf: schema)
        if !loaded.diagnostics.isEmpty {
            Console.standardError(DiagnosticRenderer.render(loaded.diagnostics))
        }
        guard let contract = loaded.contract, loaded.isValid else { throw ExitCode(2) }
        let limits = JSONReaderLimits(maxDepth: maxDepth, maxStringLength: maxStringBytes, maxKeysPerObject: maxKeys,
                                      maxInputLength: maxLineBytes)
        let validator: RecordValidator
        do {
            validator = try RecordValidator(contract: contract, model: model,
                                            options: .init(acceptsLegacyValues: acceptLegacy, limits: limits))
        } catch {
            Console.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        var run = ValidationRun(format: format, maxErrors: maxErrors,
                                progress: !noProgress && Console.isTerminal(2))
        let inputs = files.isEmpty ? ["-"] : files
        for file in inputs {
            guard try run.validate(file: file, with: validator, maxLineBytes: maxLineBytes) else { break }
        }
        run.finish()
        if run.unreadable { throw ExitCode(2) }
        if run.invalid > 0 { throw ExitCode(1) }
    }
}

/// Counters and output of one `validate` invocation.
private struct ValidationRun {
    let format: ValidateCommand.Format
    let maxErrors: Int?
    let progress: Bool
    var records = 0
    var invalid = 0
    var bytes = 0
    var unreadable = false
    let start = ContinuousClock.now
    private var lastProgress = ContinuousClock.now
    private var output: [UInt8] = []

    init(format: ValidateCommand.Format, maxErrors: Int?, progress: Bool) {
        self.format = format
        self.maxErrors = maxErrors
        self.progress = progress
        output.reserveCapacity(1 << 16)
    }

    /// Validates one file; false when --max-errors was reached and reading should stop.
    mutating func validate(file: String, with validator: RecordValidator, maxLineBytes: Int) throws -> Bool {
        let name = file == "-" ? "<stdin>" : file
        let fd: Int32 = file == "-" ? 0 : open(file, O_RDONLY)
        guard fd >= 0 else {
            Console.standardError("error: cannot read \(file): \(String(cString: strerror(errno)))\n")
            unreadable = true
            return true
        }
        defer { if fd != 0 { close(fd) } }
        let total = file == "-" ? nil : fileSize(fd)
        var reader = JSONLinesReader(fileDescriptor: fd, maxLineLength: maxLineBytes)
        var keepGoing = true
        var consumed = 0  // Bytes of the lines handed over so far, for the progress bar.
        do {
            try reader.forEachLine { number, line in
                records += 1
                var error: RecordError?
                switch line {
                case .tooLong(let length):
                    consumed += length + 1
                    error = RecordError(category: RecordError.tooLong,
                                        message: "the record is \(length) bytes, more than the limit of \(maxLineBytes)", path: "$")
                case .text(let bytes):
                    consumed += bytes.count + 1
                    if isBlank(bytes) {
                        error = RecordError(category: RecordError.emptyLine, message: "empty line where a record should be", path: "$")
                    } else {
                        error = validator.validate(bytes)
                    }
                }
                if let error {
                    invalid += 1
                    report(error, file: name, line: number)
                    if let maxErrors, invalid >= maxErrors {
                        keepGoing = false
                        return false
                    }
                }
                if progress, records & 0x3FF == 0 { showProgress(read: consumed, total: total) }
                return true
            }
        } catch {
            Console.standardError("error: cannot read \(file): \(error)\n")
            unreadable = true
        }
        bytes += reader.bytesRead
        flush()
        return keepGoing
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private mutating func report(_ error: RecordError, file: String, line: Int) {
        switch format {
        case .text:
            // The description is "[category] message at $.path", one sentence.
            output += Array("\(file):\(line): error: \(error)\n".utf8)
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
        var line = "\r\(records) records, \(invalid) invalid, \(String(format: "%.1f", rate)) MB/s"
        if let total, total > 0 {
            let fraction = min(1, Double(read) / Double(total))
            let filled = Int(fraction * 30)
            line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
                + String(format: "%3.0f%% ", fraction * 100) + line.dropFirst()
        }
        Console.standardError(line)
    }

    mutating func finish() {
        flush()
        let seconds = Self.seconds(ContinuousClock.now - start)
        let megabytes = Double(bytes) / 1_048_576
        let rate = seconds > 0 ? megabytes / seconds : 0
        if progress { Console.standardError("\r\u{1B}[K") }
        Console.standardError(String(format: "%d records, %d valid, %d invalid, %.3f s, %.1f MB/s\n",
                                     records, records - invalid, invalid, seconds, rate))
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
