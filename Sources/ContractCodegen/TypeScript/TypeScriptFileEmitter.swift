import ContractSchema

/// Writes one TypeScript module for one contract: header, the runtime imports it uses, the runtime version check,
/// then every lifecycle, enum, error catalog and model in schema order, and below `// MARK: - JSON support` each
/// model's codec table, `parseX` and `encodeX`.
struct TypeScriptFileEmitter {
    let contract: Contract
    let header: GeneratedHeader

    /// Where generated modules find the runtime.
    static let runtimeModule = "./runtime/index.js"

    func emit() -> String {
        let imports = TypeScriptImports(contract: contract)
        let requireAPI = imports.value("requireContractRuntimeAPI")
        var body = TypeScriptWriter()
        for lifecycle in contract.lifecycles {
            body.line()
            TypeScriptLifecycleEmitter(lifecycle: lifecycle, contract: contract, imports: imports).emit(into: &body)
        }
        for enumeration in contract.enums {
            body.line()
            TypeScriptEnumEmitter(enumeration: enumeration, imports: imports).emit(into: &body)
        }
        for catalog in contract.errorCatalogs {
            body.line()
            TypeScriptErrorCatalogEmitter(catalog: catalog, contract: contract, imports: imports).emit(into: &body)
        }
        for model in contract.models {
            body.line()
            TypeScriptModelEmitter(model: model, contract: contract, imports: imports).emit(into: &body)
            body.line()
            TypeScriptRulesEmitter(model: model, contract: contract, imports: imports).emit(into: &body)
        }
        if !contract.models.isEmpty {
            body.line()
            body.line("// MARK: - JSON support")
        }
        for model in contract.models {
            body.line()
            TypeScriptCodecEmitter(model: model, contract: contract, imports: imports).emit(into: &body)
        }

        var w = TypeScriptWriter()
        for line in header.lines { w.line("// " + line) }
        if let doc = contract.doc {
            w.line("//")
            w.comment(doc)
        }
        w.line()
        let from = " from " + TypeScriptSyntax.stringLiteral(Self.runtimeModule) + ";"
        TypeScriptText.wrappedList(&w, open: "import {", items: TypeScriptImports.specifiers(imports.values, local: imports.local),
                                   close: "}" + from, oneLineOpen: "import { ", oneLineClose: " }" + from)
        if !imports.types.isEmpty {
            TypeScriptText.wrappedList(&w, open: "import type {",
                                       items: TypeScriptImports.specifiers(imports.types, local: imports.local),
                                       close: "}" + from, oneLineOpen: "import type { ", oneLineClose: " }" + from)
        }
        w.line()
        w.line("\(requireAPI)(1);")
        return w.text + body.text
    }
}
