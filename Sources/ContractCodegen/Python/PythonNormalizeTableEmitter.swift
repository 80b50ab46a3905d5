import ContractSchema

/// A catalog's `normalize:` table becomes `for_failure` and `normalize` on the catalog and the private table
/// from every `rt.FailureKind` to a code (kinds the schema leaves out get its `default:` code).
struct PythonNormalizeTableEmitter {
    let catalog: ErrorCatalog
    let table: NormalizeTable
    let naming: PythonNaming

    private var name: String { naming.type(catalog.name) }
    private var normalizeTable: String { "_\(naming.upperSnake(catalog.name))_NORMALIZE" }

    /// The runtime's `FailureKind` member for a schema kind.
    private static func kindMember(_ kind: NormalizeTable.Kind) -> String {
        kind == .default ? "DEFAULT" : kind.rawValue.uppercased()
    }

    /// The wire code for `kind`: the table's entry, else its `default:` entry.
    private func code(for kind: NormalizeTable.Kind) -> String? {
        table.code(for: kind) ?? table.code(for: .default)
    }

    /// `for_failure` and `normalize`, inside the catalog's class.
    func emitMethods(into w: inout PythonWriter) {
        let summary = NormalizeTable.Kind.allCases.compactMap { kind in table.code(for: kind).map { "\(kind.rawValue) \($0)" } }
        w.line()
        w.line("@classmethod")
        w.block("def for_failure(cls, kind: rt.FailureKind) -> \(name):") { w in
            w.docstring("The code the schema's ``normalize:`` table gives ``kind`` (\(summary.joined(separator: ", "))).")
            w.line("return \(normalizeTable)[kind]")
        }
        w.line()
        w.line("@classmethod")
        w.block("def normalize(cls, error: BaseException) -> rt.NormalizedError[\(name)]:") { w in
            w.docstring("``error`` as a code of this catalog: a ``NormalizedError`` of this catalog as it is, an exception whose ``contract_error_code`` is one of these codes with that code, anything else by its ``FailureKind`` through the ``normalize:`` table. The user message is the code's message; the exception's text is kept as ``detail``.")
            w.line("return rt.normalize_error(error, \(normalizeTable))")
        }
    }

    /// The table, after the catalog's facts.
    func emitTable(into w: inout PythonWriter) {
        w.line("\(normalizeTable): typing.Final[dict[rt.FailureKind, \(name)]] = {")
        w.indented { w in
            for kind in NormalizeTable.Kind.allCases {
                guard let code = code(for: kind) else { continue }
                w.line("rt.FailureKind.\(Self.kindMember(kind)): \(naming.memberReference(code, of: catalog.name)),")
            }
        }
        w.line("}")
    }
}
