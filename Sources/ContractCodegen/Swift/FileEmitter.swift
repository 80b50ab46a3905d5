import ContractSchema

/// Writes one Swift file for one contract: header, imports, the runtime version check, then every
/// lifecycle (with its retry policy), enum, error catalog (with its normalize table) and model in schema
/// order, and below `// MARK: - JSON support` their codecs.
struct FileEmitter {
    let contract: Contract
    let options: SwiftGeneratorOptions
    let header: GeneratedHeader

    func emit() -> String {
        var w = SwiftWriter()
        for line in header.lines {
            w.line("// " + line)
        }
        if let doc = contract.doc {
            w.line("//")
            w.comment(doc)
        }
        w.line()
        w.line("import ContractRuntime")
        w.line("import Foundation")
        w.line()
        w.line("// Fails to compile, naming the version needed, against a ContractRuntime with another API.")
        w.line("private typealias _RequiresContractRuntimeAPI = ContractRuntime.ContractRuntimeAPIVersion_1")
        let access = options.access.modifier
        for lifecycle in contract.lifecycles {
            w.line()
            LifecycleEmitter(lifecycle: lifecycle, contract: contract, access: access).emit(into: &w)
            if let retry = lifecycle.retry {
                w.line()
                RetryPolicyEmitter(lifecycle: lifecycle, retry: retry, contract: contract, access: access).emit(into: &w)
            }
        }
        for enumeration in contract.enums {
            w.line()
            EnumEmitter(enumeration: enumeration, access: access).emit(into: &w)
        }
        for catalog in contract.errorCatalogs {
            w.line()
            ErrorCatalogEmitter(catalog: catalog, contract: contract, access: access).emit(into: &w)
            if let table = catalog.normalize {
                w.line()
                NormalizeTableEmitter(catalog: catalog, table: table, access: access).emit(into: &w)
            }
        }
        for model in contract.models {
            w.line()
            ModelEmitter(model: model, contract: contract, access: access).emit(into: &w)
        }
        // As in swift-protobuf's output: the types a reader looks for first, the codecs below.
        w.line()
        w.line("// MARK: - JSON support")
        let wireTypes = contract.lifecycles.map(NamedType.lifecycle) + contract.enums.map(NamedType.enumeration)
            + contract.errorCatalogs.map(NamedType.errorCatalog)
        for type in wireTypes {
            guard let emitter = WireValueEmitter(type: type, access: access) else { continue }
            w.line()
            emitter.emit(into: &w)
        }
        for model in contract.models {
            w.line()
            CodableEmitter(model: model, contract: contract, access: access).emit(into: &w)
            w.line()
            FastJSONEmitter(model: model, contract: contract, access: access).emit(into: &w)
        }
        return w.text
    }
}
