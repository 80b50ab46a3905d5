import ContractRuntime
import ContractSchema
import ContractValidation

/// The language-neutral conformance vectors of one checked contract (docs/Conformance.md): records with
/// the verdict, category and path the run-time interpreter gives them, every lifecycle's facts, from×to
/// matrix and guarded moves, every catalog's facts and normalize mapping, and retry delays.
///
/// Every expected answer comes from the Swift implementation: records from `RecordValidator`, guards
/// from `RuleEvaluator`, delays from `RetryPolicy`, facts from the checked contract.
public struct ConformanceVectors: Sendable {
    /// The version of the vector format; a runner refuses files of another.
    public static let format = "contractgen-conformance/1"

    /// The sections in the order they are written, each a list of vectors.
    public internal(set) var sections: [(name: String, vectors: [JSONValue])]
    /// The header: format, contract name and version, schema file name.
    public internal(set) var header: [(key: String, value: JSONValue)]

    /// Derives the vectors of `contract` (which must have linted clean); `schemaName` is written in the
    /// header (the schema's file name, without directories, so vectors do not depend on where it lies).
    public init(contract: Contract, schemaName: String) {
        header = [("format", .string(Self.format)), ("schema", .string(schemaName)),
                  ("contract", .string(contract.name)), ("version", .string(contract.version.description))]
        let cache = ValidatorCache(contract: contract)
        var records: [JSONValue] = []
        for model in contract.models {
            // A model the interpreter cannot plan has no vectors; a contract that linted clean has none such.
            if let vectors = RecordVectors(model: model, cache: cache) { records += vectors.vectors() }
        }
        var lifecycles: [JSONValue] = [], transitions: [JSONValue] = [], guarded: [JSONValue] = []
        var retries: [JSONValue] = []
        for lifecycle in contract.lifecycles {
            let vectors = LifecycleVectors(contract: contract, lifecycle: lifecycle, cache: cache)
            lifecycles.append(vectors.facts())
            transitions += vectors.matrix()
            guarded += vectors.guardedMoves()
            if let retry = lifecycle.retry { retries.append(CatalogVectors.retryPolicy(lifecycle, retry)) }
        }
        sections = [("records", records), ("lifecycles", lifecycles), ("transitions", transitions),
                    ("guarded_transitions", guarded), ("catalogs", contract.errorCatalogs.map(CatalogVectors.catalog)),
                    ("retry_policies", retries)]
    }

    /// The vectors of section `name`; empty when there is none.
    public func section(_ name: String) -> [JSONValue] {
        sections.first { $0.name == name }?.vectors ?? []
    }

    /// Adds a section of record vectors, e.g. seeded mutations (``SeededMutations``).
    public mutating func append(section name: String, vectors: [JSONValue]) {
        sections.append((name, vectors))
    }

    /// The vectors as JSON text: one header member or vector per line, so that a change to the schema or
    /// to the implementation shows up as a readable diff. Ends with a line break.
    public func jsonText() -> String {
        var lines: [String] = []
        for (key, value) in header {
            lines.append("  \(Self.text(.string(key))): \(Self.text(value)),")
        }
        for (index, section) in sections.enumerated() {
            let last = index == sections.count - 1
            if section.vectors.isEmpty {
                lines.append("  \(Self.text(.string(section.name))): []\(last ? "" : ",")")
                continue
            }
            lines.append("  \(Self.text(.string(section.name))): [")
            for (i, vector) in section.vectors.enumerated() {
                lines.append("    " + Self.text(vector) + (i == section.vectors.count - 1 ? "" : ","))
            }
            lines.append("  ]" + (last ? "" : ","))
        }
        return "{\n" + lines.joined(separator: "\n") + "\n}\n"
    }

    private static func text(_ value: JSONValue) -> String {
        // Vectors hold finite numbers only, so writing cannot fail.
        (try? value.jsonString()) ?? "null"
    }
}
