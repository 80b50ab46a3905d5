import ContractSchema

/// An error catalog becomes a `str` enum of its codes with `category`, `is_retryable`, `default_message` and
/// `status`, read from a private table of `rt.CodeFacts`; its `normalize:` table is written by
/// ``PythonNormalizeTableEmitter``.
struct PythonErrorCatalogEmitter {
    let catalog: ErrorCatalog
    let contract: Contract
    let naming: PythonNaming

    private var name: String { naming.type(catalog.name) }
    private var factsTable: String { "_\(naming.upperSnake(catalog.name))_FACTS" }

    /// The lifecycle whose states `status:` names: the one the catalog names, else the contract's only one.
    private var lifecycle: Lifecycle? {
        if let named = catalog.lifecycle { return contract.lifecycle(named: named) }
        return contract.lifecycles.count == 1 ? contract.lifecycles[0] : nil
    }

    func emit(into w: inout PythonWriter) {
        let normalize = catalog.normalize.map { PythonNormalizeTableEmitter(catalog: catalog, table: $0, naming: naming) }
        w.block("class \(name)(str, enum.Enum):") { w in
            w.docstring(catalog.doc ?? "The error codes of \(catalog.name).", closesOnOwnLine: true)
            w.line()
            for code in catalog.codes {
                w.line("\(naming.member(code.code, of: catalog.name)) = \(PythonSyntax.stringLiteral(code.code))")
                w.docstring(code.doc ?? "The ``\(code.code)`` code.")
            }
            w.line()
            w.block("def __str__(self) -> str:") { $0.line("return self.value") }
            w.line()
            w.line("@property")
            w.block("def category(self) -> rt.ErrorCategory:") { w in
                w.docstring("The broad class of the error, which decides how callers react to it.")
                w.line("return \(factsTable)[self].category")
            }
            w.line()
            w.line("@property")
            w.block("def is_retryable(self) -> bool:") { w in
                w.docstring("Whether retrying the same work may succeed.")
                w.line("return \(factsTable)[self].retryable")
            }
            w.line()
            w.line("@property")
            w.block("def default_message(self) -> str:") { w in
                w.docstring("The message shown to users when no better one is known.")
                w.line("return \(factsTable)[self].message")
            }
            w.line()
            w.line("@property")
            if let lifecycle {
                w.block("def status(self) -> \(naming.type(lifecycle.name)) | None:") { w in
                    w.docstring("The state a record ends in when this error stops it; None when the error names none.")
                    w.line("return \(factsTable)[self].status")
                }
            } else {
                w.block("def status(self) -> None:") { w in
                    w.docstring("The state a record ends in when this error stops it; always None: the catalog names no lifecycle.")
                    w.line("return None")
                }
            }
            normalize?.emitMethods(into: &w)
        }
        w.line()
        w.line()
        let state = lifecycle.map { naming.type($0.name) } ?? "str"
        w.line("\(factsTable): typing.Final[dict[\(name), rt.CodeFacts[\(state)]]] = {")
        w.indented { w in
            for code in catalog.codes {
                let message = code.message ?? ErrorCatalogEmitter.derivedMessage(code.name)
                var facts = ["rt.ErrorCategory.\(code.category.rawValue.uppercased())", code.isRetryable ? "True" : "False",
                             PythonSyntax.stringLiteral(message)]
                if let status = code.status, let lifecycle { facts.append(naming.memberReference(status, of: lifecycle.name)) }
                w.list("\(naming.member(code.code, of: catalog.name).withType(name)): rt.CodeFacts(", facts, "),")
            }
        }
        w.line("}")
        normalize?.emitTable(into: &w)
    }
}

extension String {
    /// `MEMBER` as `Type.MEMBER`.
    fileprivate func withType(_ type: String) -> String { type + "." + self }
}
