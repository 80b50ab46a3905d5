import ContractSchema

/// Writes one Python module for one contract: header, the contract's doc as the module docstring, imports,
/// the runtime version check, `__all__`, then every lifecycle (with its tables and retry policy), enum, error
/// catalog (with its tables) and model in schema order, and below `# MARK: - JSON support` the models' field
/// tables (packages/python/DESIGN.md, "Shape of a generated module").
struct PythonFileEmitter {
    let contract: Contract
    let header: GeneratedHeader

    func emit() -> String {
        let naming = PythonNaming(contract: contract)
        var w = PythonWriter()
        for line in header.lines {
            w.line("# " + line)
        }
        w.docstring(contract.doc ?? "The contract \(contract.name) \(contract.version).", closesOnOwnLine: true)
        w.line()
        w.lines(["from __future__ import annotations", "", "import dataclasses", "import enum", "import typing", "",
                 "from . import _runtime as rt", "", "rt.require_api_version(1, __name__)", ""])
        var exported = ["CONTRACT_NAME", "CONTRACT_VERSION"]
        exported += (contract.lifecycles.map(\.name) + contract.enums.map(\.name) + contract.errorCatalogs.map(\.name)
                     + contract.models.map(\.name)).map(naming.type)
        let retrying = contract.lifecycles.compactMap { lifecycle in
            lifecycle.retry.map { PythonRetryPolicyEmitter(lifecycle: lifecycle, retry: $0, contract: contract, naming: naming) }
        }
        exported += retrying.map(\.constantName)
        w.list("__all__ = [", exported.sorted().map(PythonSyntax.stringLiteral), "]", tailOnOwnLine: true)
        w.line()
        w.line("CONTRACT_NAME: typing.Final = \(PythonSyntax.stringLiteral(contract.name))")
        w.docstring("The contract's name in the schema.")
        w.line("CONTRACT_VERSION: typing.Final = \(PythonSyntax.stringLiteral(contract.version.description))")
        w.docstring("The contract's version in the schema.")
        for lifecycle in contract.lifecycles {
            w.line()
            w.line()
            PythonLifecycleEmitter(lifecycle: lifecycle, contract: contract, naming: naming).emit(into: &w)
            if let retry = lifecycle.retry {
                w.line()
                PythonRetryPolicyEmitter(lifecycle: lifecycle, retry: retry, contract: contract, naming: naming).emit(into: &w)
            }
        }
        for enumeration in contract.enums {
            w.line()
            w.line()
            PythonEnumEmitter(enumeration: enumeration, naming: naming).emit(into: &w)
        }
        for catalog in contract.errorCatalogs {
            w.line()
            w.line()
            PythonErrorCatalogEmitter(catalog: catalog, contract: contract, naming: naming).emit(into: &w)
        }
        for model in contract.models {
            w.line()
            w.line()
            PythonModelEmitter(model: model, contract: contract, naming: naming).emit(into: &w)
        }
        if !contract.models.isEmpty {
            w.line()
            w.line()
            w.line("# MARK: - JSON support")
            w.line()
            for model in contract.models {
                PythonModelSpecEmitter(model: model, contract: contract, naming: naming).emit(into: &w)
            }
        }
        return w.text
    }
}
