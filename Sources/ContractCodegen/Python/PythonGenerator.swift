import ContractSchema

/// Turns a loaded, linted contract into one Python module (Python 3.11 or later) that imports the runtime
/// beside it (`from . import _runtime as rt`), as packages/python/DESIGN.md describes. Deterministic byte for
/// byte: the output depends only on the contract, the schema path and the provenance.
public struct PythonGenerator: ContractCodeGenerator {
    /// Creates a generator.
    public init() {}

    /// Python.
    public var language: OutputLanguage { .python }

    /// The module for `contract`; `schemaPath` is how the header names the schema.
    public func generate(_ contract: Contract, schemaPath: String, provenance: GenerationProvenance) -> String {
        let header = GeneratedHeader(schemaPath: schemaPath, contractName: contract.name,
                                     contractVersion: contract.version.description, provenance: provenance,
                                     extraArguments: ["--language", "python"])
        return PythonFileEmitter(contract: contract, header: header).emit()
    }
}
