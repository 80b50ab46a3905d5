import ArgumentParser
import ContractSchema
import ContractSchemaLoader

/// A whole-number option and the values it accepts.
///
/// Every numeric option of contractgen is declared here and listed in ``all``; its `@Option` takes
/// ``nameSpecification``, ``help(_:default:)`` and ``parser``, so a value outside the range, or not a
/// whole number at all, is a usage error (exit 2) that names the option and the range. The ranges keep
/// every limit far from where arithmetic on it could overflow.
struct NumericOption: Sendable, Hashable {
    /// The option as typed, such as `--max-errors`.
    let name: String
    /// The values accepted.
    let range: ClosedRange<Int>

    /// The largest size or count any option accepts: 2^40 (1 TiB as bytes), more than fits in memory
    /// and far below where adding to it could overflow.
    static let sizeCeiling = 1 << 40

    /// The deepest JSON nesting `validate` may be told to accept. The JSON reader uses no recursion,
    /// but records of recursive models are read a level at a time on the stack.
    static let jsonDepthCeiling = 10_000

    static let maxSchemaBytes = NumericOption(name: "--max-schema-bytes", range: 1...sizeCeiling)
    static let maxSchemaDepth = NumericOption(name: "--max-schema-depth", range: 1...YAMLLimits.depthCeiling)
    static let maxSchemaNodes = NumericOption(name: "--max-schema-nodes", range: 1...sizeCeiling)
    static let maxTypeDepth = NumericOption(name: "--max-type-depth", range: 1...YAMLLimits.typeDepthCeiling)
    static let maxErrors = NumericOption(name: "--max-errors", range: 1...sizeCeiling)
    static let maxLineBytes = NumericOption(name: "--max-line-bytes", range: 1...sizeCeiling)
    static let maxDepth = NumericOption(name: "--max-depth", range: 1...jsonDepthCeiling)
    static let maxStringBytes = NumericOption(name: "--max-string-bytes", range: 1...sizeCeiling)
    static let maxKeys = NumericOption(name: "--max-keys", range: 1...sizeCeiling)
    static let mutations = NumericOption(name: "--mutations", range: 0...10_000)
    static let seed = NumericOption(name: "--seed", range: 0...sizeCeiling)
    static let jobs = NumericOption(name: "--jobs", range: 1...64)

    /// Every numeric option of every command.
    static let all: [NumericOption] = [
        maxSchemaBytes, maxSchemaDepth, maxSchemaNodes, maxTypeDepth, maxErrors, maxLineBytes, maxDepth, maxStringBytes, maxKeys,
        mutations, seed, jobs,
    ]

    /// The name for `@Option(name:)`.
    var nameSpecification: NameSpecification { .customLong(String(name.dropFirst(2))) }

    /// Help text: `abstract`, the default when there is one, and the range.
    func help(_ abstract: String, default value: Int? = nil) -> ArgumentHelp {
        // The transform that checks the range hides argument-parser's own "(default: …)", so it is written here.
        let defaultText = value.map { " (default: \($0))" } ?? ""
        return ArgumentHelp("\(abstract)\(defaultText) Accepts \(range.lowerBound) to \(range.upperBound).", valueName: "n")
    }

    /// The transform for `@Option(transform:)`: ``parse(_:)``.
    var parser: @Sendable (String) throws -> Int {
        { [self] argument in try parse(argument) }
    }

    /// The value `argument` spells, when it is a whole number in ``range``.
    func parse(_ argument: String) throws(OutOfRange) -> Int {
        guard let value = Int(argument), range.contains(value) else { throw OutOfRange(option: self) }
        return value
    }

    /// A value that is not a whole number in the option's range; argument-parser prints it after
    /// "The value 'X' is invalid for '--option <n>': ".
    struct OutOfRange: Error, CustomStringConvertible {
        let option: NumericOption
        var description: String {
            "\(option.name) takes a whole number from \(option.range.lowerBound) to \(option.range.upperBound)"
        }
    }
}
