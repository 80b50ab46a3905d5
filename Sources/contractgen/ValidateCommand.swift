import ArgumentParser
import ContractRuntime
import ContractSchema
import ContractSchemaLoader
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

        Without --schema it reads schema/execution.yaml in the current directory, or, when there is none, \
        the copy of that contract built into contractgen; the summary says which contract, version and \
        source it used.

        Each invalid record prints one line to standard output:
          FILE:LINE: error: [CATEGORY] message at $.json.path
        CATEGORY is one of: malformed_json, invalid_utf8, byte_order_mark, duplicate_key, \
        number_out_of_range, control_character, invalid_escape, lone_surrogate, trailing_data, too_deep, \
        too_long, empty_line, not_an_object, missing_field, unknown_field, wrong_type, \
        unknown_enum_value, invalid_timestamp, rule:<rule id>. A line that is not one complete JSON value \
        is a JSON error (malformed_json, trailing_data, ...); not_an_object is a complete value that is \
        not an object. Control characters in file names and quoted input are shown as \\u{1B}.
        With --format json the same findings are JSON Lines with keys file, line, category, message, \
        path and offset. A summary (records, valid, invalid, elapsed, MB/s, contract) goes to standard \
        error, with a progress bar when standard error is a terminal.

        --jobs N validates with N threads (default: one per processor), each taking about 4 MiB of lines at \
        a time (of a file, it reads them itself; of standard input, they are handed to it); findings, counts \
        and exit status are exactly those of --jobs 1, in line order, and memory stays flat.

        Limits, each reported with its own message: a record (line) of at most --max-line-bytes \
        (64 MiB), nesting at most --max-depth deep (512), strings and keys of at most --max-string-bytes \
        (16 MiB) and objects of at most --max-keys keys (100,000). Every numeric option accepts the range \
        its help shows; a value outside it is a usage error.

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

    @Option(help: ArgumentHelp("The schema to validate against (default: schema/execution.yaml, else the built-in contract).",
                               valueName: "schema.yaml"))
    var schema: String?

    @Option(help: ArgumentHelp("The model records are instances of (default: the schema's only model).", valueName: "name"))
    var model: String?

    @Argument(help: ArgumentHelp("JSON Lines files; `-` or none reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: "Output format for findings: text or json.")
    var format: Format = .text

    @Option(name: NumericOption.maxErrors.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxErrors.help("Stop after this many invalid records."),
            transform: NumericOption.maxErrors.parser)
    var maxErrors: Int?

    @Flag(name: .customLong("accept-legacy"), help: "Accept v1.0 values listed in the schema's legacy tables (success, error).")
    var acceptLegacy = false

    @Option(name: NumericOption.maxLineBytes.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxLineBytes.help("Refuse records (lines) longer than this many bytes (too_long).",
                                                  default: Self.defaultMaxLineBytes),
            transform: NumericOption.maxLineBytes.parser)
    var maxLineBytes: Int = Self.defaultMaxLineBytes

    @Option(name: NumericOption.maxDepth.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxDepth.help("Refuse records whose arrays and objects nest deeper than this (too_deep).",
                                              default: JSONReaderLimits().maxDepth),
            transform: NumericOption.maxDepth.parser)
    var maxDepth: Int = JSONReaderLimits().maxDepth

    @Option(name: NumericOption.maxStringBytes.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxStringBytes.help(
                "Refuse strings and keys longer than this many bytes as written, escapes included (too_long).",
                default: JSONReaderLimits().maxStringLength),
            transform: NumericOption.maxStringBytes.parser)
    var maxStringBytes: Int = JSONReaderLimits().maxStringLength

    @Option(name: NumericOption.maxKeys.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxKeys.help("Refuse objects with more keys than this (too_long).",
                                             default: JSONReaderLimits().maxKeysPerObject),
            transform: NumericOption.maxKeys.parser)
    var maxKeys: Int = JSONReaderLimits().maxKeysPerObject

    @Option(name: NumericOption.jobs.nameSpecification, parsing: .unconditional,
            help: NumericOption.jobs.help(
                "Validate with this many threads, each taking batches of about 4 MiB of lines; findings still come in line order.",
                default: Self.defaultJobs),
            transform: NumericOption.jobs.parser)
    var jobs: Int = Self.defaultJobs

    @Flag(help: "Never draw a progress bar.")
    var noProgress = false

    @OptionGroup var schemaLimits: SchemaLimitOptions

    /// One thread per processor this process may use, at most ``NumericOption/jobs``' upper bound.
    static let defaultJobs = min(max(1, ProcessInfo.processInfo.activeProcessorCount), NumericOption.jobs.range.upperBound)

    /// 64 MiB: larger than any record a service should write, small enough to hold in memory.
    static let defaultMaxLineBytes = 64 * 1024 * 1024

    func run() throws {
        let (loaded, origin) = loadSchema()
        Console.standardError(DiagnosticRenderer.render(loaded.diagnostics))
        guard let contract = loaded.contract, loaded.isValid else { throw ExitCode(2) }
        let limits = JSONReaderLimits(maxDepth: maxDepth, maxStringLength: maxStringBytes, maxKeysPerObject: maxKeys,
                                      maxInputLength: maxLineBytes)
        let validator: RecordValidator
        do {
            validator = try RecordValidator(contract: contract, model: model,
                                            options: .init(acceptsLegacyValues: acceptLegacy, limits: limits))
        } catch {
            Console.standardError(DisplayText.escaped("error: \(error)") + "\n")
            throw ExitCode(2)
        }
        var run = ValidationRun(format: format, maxErrors: maxErrors, jobs: jobs, progress: !noProgress && Console.isTerminal(2))
        for file in files.isEmpty ? ["-"] : files {
            guard run.validate(file: file, with: validator) else { break }
        }
        run.finish(against: "contract \(contract.name) \(contract.version) \(origin), model \(validator.modelName)")
        if run.unreadable { throw ExitCode(2) }
        if run.invalid > 0 { throw ExitCode(1) }
    }

    /// The schema to read, and where it came from as the summary says it: `from FILE` or `(built-in)`.
    private func loadSchema() -> (SchemaLoadResult, origin: String) {
        let loader = SchemaLoader(limits: schemaLimits.limits)
        if let schema { return (loader.load(contentsOf: schema), "from \(schema)") }
        if DefaultSchema.isPresent { return (loader.load(contentsOf: DefaultSchema.path), "from \(DefaultSchema.path)") }
        return (DefaultSchema.builtIn(limits: schemaLimits.limits), "(built-in)")
    }
}
