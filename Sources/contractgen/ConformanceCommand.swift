import ArgumentParser
import ContractCodegen
import ContractConformance
import ContractRuntime
import ContractSchema
import Foundation

/// `contractgen conformance`: write language-neutral test vectors derived from schemas.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Write language-neutral conformance test vectors derived from schemas.",
        discussion: """
        For each schema writes SCHEMA.json (the schema's file name without its extension) holding vectors \
        whose expected answers come from the Swift implementation; docs/Conformance.md describes the \
        format. One JSON object: format ("contractgen-conformance/1"), schema, contract, version, then \
        these lists, one vector per line:
          records              id, model, input (UTF-8 text) or input_hex, accept_legacy, verdict \
        (valid or invalid) and, when invalid, category and path: per model a valid record; per field a \
        wrong type, null, the key missing, every enum value (the first and last 50 of more than 100), an \
        unknown one and legacy values with \
        acceptance on and off; an unknown key, a repeated key; each rule over the small value sets \
        (enum, bool, a few ints, null) of the fields it reads.
          lifecycles           lifecycle, initial, states (state, terminal, outcome), legacy (value, state).
          transitions          id, lifecycle, from, allowed_to: one row of the from×to matrix per \
        state, the states it may move to (guards aside).
          guarded_transitions  id, lifecycle, from, to, model, record, allowed, unmet_guard.
          catalogs             catalog, lifecycle, codes (code, name, category, retryable, message, \
        status), normalize (failure kind to code, every kind filled in; null without normalize:).
          retry_policies       lifecycle, the policy, retries, base_delays_ns, jitter_seed and \
        seeded_delays_ns (drawn in order from SplitMix64(seed)).
          mutations            with --mutations N: N seeded mutations of each model's valid records, as \
        record vectors.
        With --json-suite DIR it also writes json_suite.json: every *.json file of DIR (by name) as a \
        document for the strict JSON reader alone, with id (the file name), input or input_hex, verdict, \
        category and path.
        Without --output the vectors go to standard output. Without a schema file it reads \
        schema/execution.yaml, or the contract built into contractgen when the current directory has none.
        Exit codes: 0 written, 1 a schema has errors, 2 usage error, unreadable input or an output \
        directory that cannot be written.
        Examples:
          contractgen conformance schema/*.yaml --mutations 100 --json-suite Tests/Fixtures/json/suite \
        --output conformance/vectors
          contractgen conformance schema/task_pipeline.yaml --mutations 500
        """
    )

    @OptionGroup var schema: SchemaOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory to write into (created if missing); standard output if omitted.",
                                                    valueName: "dir"))
    var output: String?

    @Option(name: NumericOption.mutations.nameSpecification, parsing: .unconditional,
            help: NumericOption.mutations.help("Seeded mutations of each model's valid records to add.", default: 0),
            transform: NumericOption.mutations.parser)
    var mutations: Int = 0

    @Option(name: NumericOption.seed.nameSpecification, parsing: .unconditional,
            help: NumericOption.seed.help("Seed of the mutations.", default: Int(SeededMutations.defaultSeed)),
            transform: NumericOption.seed.parser)
    var seed: Int = Int(SeededMutations.defaultSeed)

    @Option(name: .customLong("json-suite"), help: ArgumentHelp("A directory of JSON texts to write as json_suite.json.",
                                                                 valueName: "dir"))
    var jsonSuite: String?

    func run() throws {
        let results = try SchemaSession(options: schema).loadAll(missingDefault: .useBuiltIn)
        let code = SchemaSession.report(results)
        guard code == .success else { throw code }
        var writer = OutputFiles()
        for (file, result) in results {
            guard let contract = result.contract else { continue }
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            var vectors = ConformanceVectors(contract: contract, schemaName: URL(fileURLWithPath: file).lastPathComponent)
            if mutations > 0 {
                vectors.append(section: "mutations",
                               vectors: SeededMutations(contract: contract, seed: UInt64(seed))
                                   .vectors(perModel: mutations, records: vectors.section("records")))
            }
            writer.files.append((stem + ".json", vectors.jsonText(), file))
        }
        if let jsonSuite {
            writer.files.append((ConformanceVectors.jsonSuiteName + ".json", try jsonSuiteText(jsonSuite), jsonSuite))
        }
        try writer.write(to: output, verb: "write")
    }

    /// The vectors of every `*.json` file in `directory`, by name; exit 2 when it cannot be read.
    private func jsonSuiteText(_ directory: String) throws -> String {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            Console.standardError(DisplayText.escaped("error: cannot read the directory \(directory)") + "\n")
            throw ExitCode(2)
        }
        var documents: [(name: String, bytes: [UInt8])] = []
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.standardError(DisplayText.escaped("error: cannot read \(path)") + "\n")
                throw ExitCode(2)
            }
            documents.append((name, Array(data)))
        }
        return ConformanceVectors(jsonSuite: documents).jsonText()
    }
}
