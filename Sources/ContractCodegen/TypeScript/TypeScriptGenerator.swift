import ContractSchema

/// Turns a loaded, linted contract into one TypeScript ES module that imports the runtime from `./runtime/index.js`
/// (packages/typescript/DESIGN.md describes the module construct by construct).
///
/// The output is deterministic byte for byte: it depends only on the contract and the schema path as given.
public struct TypeScriptGenerator: ContractCodeGenerator {
    /// Creates a generator.
    public init() {}

    /// TypeScript.
    public var language: OutputLanguage { .typescript }

    /// The module for `contract`; `schemaPath` is how the header names the schema.
    public func generate(_ contract: Contract, schemaPath: String, provenance: GenerationProvenance) -> String {
        let header = GeneratedHeader(schemaPath: schemaPath, contractName: contract.name,
                                     contractVersion: contract.version.description, provenance: provenance,
                                     extraArguments: ["--language", "typescript"])
        return TypeScriptFileEmitter(contract: contract, header: header).emit()
    }
}
