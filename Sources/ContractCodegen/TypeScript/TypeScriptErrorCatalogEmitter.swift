import ContractSchema

/// An error catalog becomes a string-literal union of its codes and a same-named `ErrorCatalog` const holding each
/// code's facts and the `normalize:` table.
struct TypeScriptErrorCatalogEmitter {
    let catalog: ErrorCatalog
    let contract: Contract
    let imports: TypeScriptImports

    /// The lifecycle `status:` names: the catalog's `lifecycle:`, or the contract's only lifecycle.
    var statusLifecycle: String? {
        catalog.lifecycle ?? (contract.lifecycles.count == 1 ? contract.lifecycles[0].name : nil)
    }

    func emit(into w: inout TypeScriptWriter) {
        let name = catalog.name
        let bullets = catalog.codes.map { code -> String in
            "- " + TypeScriptText.code(code.code) + " (" + TypeScriptText.code(code.name) + ")"
                + (code.doc.map { ": " + TypeScriptWriter.paragraphs($0).joined(separator: " ") } ?? "")
        }
        w.doc(catalog.doc, bullets: bullets)
        TypeScriptUnion.emit(name: name, values: catalog.codes.map(\.code), into: &w)
        w.line()
        w.doc(constDoc)
        let arguments = [name] + (statusLifecycle.map { [$0] } ?? [])
        TypeScriptText.constDeclaration(
            &w, "export const \(name): \(imports.type("ErrorCatalog"))<\(arguments.joined(separator: ", "))>",
            callee: imports.value("errorCatalog"), typeArguments: arguments)
        w.indented { w in
            w.line("name: \(TypeScriptSyntax.stringLiteral(name)),")
            w.line("codes: [")
            w.indented { w in
                for code in catalog.codes { emitCode(code, into: &w) }
            }
            w.line("],")
            if let table = catalog.normalize, let fallback = table.code(for: .default) {
                let kinds = NormalizeTable.Kind.allCases.filter { $0 != .default }
                var items = kinds.compactMap { kind in
                    table.code(for: kind).map { "\(kind.rawValue): \(TypeScriptSyntax.stringLiteral($0))" }
                }
                items.append("default: " + TypeScriptSyntax.stringLiteral(fallback))
                TypeScriptText.wrappedList(&w, open: "normalize: {", items: items, close: "},",
                                           oneLineOpen: "normalize: { ", oneLineClose: " },")
            }
        }
        w.line("});")
    }

    private var constDoc: String {
        let name = TypeScriptText.code(catalog.name)
        var doc = "The codes of \(name) with their facts"
        if catalog.normalize?.code(for: .default) != nil {
            doc += ", and `\(catalog.name).normalize(error)` through the schema's `normalize:` table"
        }
        doc += "."
        for lifecycle in contract.lifecycles where lifecycle.retry != nil {
            let retry = RetryPolicyEmitter(lifecycle: lifecycle, retry: lifecycle.retry!, contract: contract, access: "")
            guard retry.catalog?.name == catalog.name, let table = catalog.normalize,
                  let exhausted = table.code(for: .retryExhausted) ?? table.code(for: .default) else { continue }
            doc += " With `withRetry(operation, { policy: \(lifecycle.name).retryPolicy, catalog: \(catalog.name) })` it"
                + " decides what is retried, and exhaustion rejects with \(TypeScriptText.code(exhausted))."
        }
        return doc
    }

    private func emitCode(_ code: ErrorCodeDefinition, into w: inout TypeScriptWriter) {
        let facts = "{ code: \(TypeScriptSyntax.stringLiteral(code.code)), name: \(TypeScriptSyntax.stringLiteral(code.name)), "
            + "category: \(TypeScriptSyntax.stringLiteral(code.category.rawValue)), retryable: \(code.isRetryable), "
            + "status: \(statusLifecycle == nil ? "null" : code.status.map(TypeScriptSyntax.stringLiteral) ?? "null"),"
        let message = "message: \(TypeScriptSyntax.stringLiteral(code.message ?? "")) },"
        if w.indentation.count + facts.count + 1 + message.count <= TypeScriptWriter.width {
            w.line(facts + " " + message)
        } else {
            w.line(facts)
            w.line("  " + message)
        }
    }
}
