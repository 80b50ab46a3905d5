import ContractSchema

/// Generates one language's source for a checked contract. Each language has one, built from one emitter
/// per construct; all start with the same ``GeneratedHeader`` and are deterministic byte for byte.
public protocol ContractCodeGenerator: Sendable {
    /// The language this generator writes.
    var language: OutputLanguage { get }
    /// The source for `contract`; `schemaPath` is how the header names the schema (see ``GenerationPlan``).
    func generate(_ contract: Contract, schemaPath: String, provenance: GenerationProvenance) -> String
}

extension ContractCodeGenerator {
    /// The source for `contract`, generated as `entry` of a ``GenerationPlan`` says.
    public func generate(_ contract: Contract, for entry: GenerationPlan.Entry) -> String {
        generate(contract, schemaPath: entry.schemaPath, provenance: entry.provenance)
    }
}

extension SwiftGenerator: ContractCodeGenerator {
    /// Swift.
    public var language: OutputLanguage { .swift }
}

/// The generator for each language.
public enum CodeGenerators {
    /// The generator for `language`; `access` applies to Swift only (TypeScript and Python export what a
    /// module declares).
    public static func generator(for language: OutputLanguage, access: AccessLevel = .public) -> any ContractCodeGenerator {
        switch language {
        case .swift: SwiftGenerator(options: SwiftGeneratorOptions(access: access))
        case .typescript: TypeScriptGenerator()
        case .python: PythonGenerator()
        }
    }
}
