import ContractSchema

/// A catalog's `normalize:` table becomes a `NormalizingErrorCatalog` conformance: the table as a
/// switch over `FailureKind` (built at generation time, nothing per call), and `normalize(_:)`.
struct NormalizeTableEmitter {
    let catalog: ErrorCatalog
    let table: NormalizeTable
    let access: String

    private var name: String { catalog.name }

    /// The runtime's `FailureKind` case for a schema kind.
    static func kindCase(_ kind: NormalizeTable.Kind) -> String {
        switch kind {
        case .validation: "validation"
        case .timeout: "timeout"
        case .cancellation: "cancellation"
        case .retryExhausted: "retryExhausted"
        case .default: "other"
        }
    }

    /// The wire code for `kind`: the table's entry, else its `default:` entry.
    private func code(for kind: NormalizeTable.Kind) -> String? {
        table.code(for: kind) ?? table.code(for: .default)
    }

    /// The Swift case of a wire code of this catalog.
    private func caseRef(_ wire: String) -> String {
        "." + SwiftSyntax.member(catalog.code(wire)?.name ?? wire)
    }

    func emit(into w: inout SwiftWriter) {
        let summary = NormalizeTable.Kind.allCases.compactMap { kind in code(for: kind).map { "\(kind.rawValue) \($0)" } }
        w.doc("How \(name) normalizes Swift errors: the schema's `normalize:` table.")
        w.block("extension \(name): \(SwiftSyntax.runtime("NormalizingErrorCatalog"))") { w in
            w.doc("The code the schema's `normalize:` table gives `kind` (\(summary.joined(separator: ", "))); a kind the table leaves out gets the `default:` code.")
            w.block("\(access)static func code(for kind: \(SwiftSyntax.runtime("FailureKind"))) -> \(name)") { w in
                w.switchBlock("kind") { w in
                    var groups: [(code: String, kinds: [String])] = []
                    for kind in NormalizeTable.Kind.allCases {
                        guard let code = code(for: kind) else { continue }
                        if let i = groups.firstIndex(where: { $0.code == code }) {
                            groups[i].kinds.append("." + Self.kindCase(kind))
                        } else {
                            groups.append((code, ["." + Self.kindCase(kind)]))
                        }
                    }
                    for group in groups {
                        w.line("case \(group.kinds.joined(separator: ", ")): \(caseRef(group.code))")
                    }
                }
            }
            w.line()
            w.doc("`error` as a code of this catalog: a `NormalizedError<\(name)>` as it is, an error that declares a code of this catalog (`ContractErrorConvertible`) with that code, anything else by its `FailureKind` through the table. The user message is the code's message; the error's description is kept as `detail`.")
            let normalized = SwiftSyntax.runtime("NormalizedError")
            w.block("\(access)static func normalize(_ error: any \(SwiftSyntax.std("Error"))) -> \(normalized)<\(name)>") { w in
                w.line("\(normalized)(normalizing: error)")
            }
        }
    }
}
