import ContractSchema

/// An error catalog becomes a `String` enum of its codes conforming to `ContractErrorCatalog`, with
/// each code's retryability, category, default message and resulting lifecycle state.
struct ErrorCatalogEmitter {
    let catalog: ErrorCatalog
    let contract: Contract
    let access: String

    private var name: String { catalog.name }

    /// The lifecycle whose states `status:` names: the one the catalog names, else the contract's only one.
    private var lifecycle: Lifecycle? {
        if let named = catalog.lifecycle { return contract.lifecycle(named: named) }
        return contract.lifecycles.count == 1 ? contract.lifecycles[0] : nil
    }

    private func caseRef(_ code: ErrorCodeDefinition) -> String { "." + SwiftSyntax.member(code.name) }

    /// "validation_error" → "Validation error."
    static func derivedMessage(_ name: String) -> String {
        let words = name.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst() + "."
    }

    func emit(into w: inout SwiftWriter) {
        w.doc(catalog.doc ?? "The error codes of \(name).")
        let conformances = ["String", "Sendable", "Hashable", "CaseIterable", "Codable"].map(SwiftSyntax.std)
            + [SwiftSyntax.runtime("ContractErrorCatalog")]
        w.typeBlock("\(access)enum \(name)", conformances: conformances) { w in
            for code in catalog.codes {
                w.doc(code.doc ?? code.message ?? "The `\(code.code)` error.")
                w.line(SwiftSyntax.caseDeclaration(code.name, rawValue: code.code))
            }
            w.line()
            w.doc("The catalog's name in errors.")
            w.line("\(access)static var catalogName: \(SwiftSyntax.std("String")) { \(SwiftSyntax.stringLiteral(name)) }")
            w.line()
            w.doc("Whether retrying the same work may succeed.")
            w.block("\(access)var isRetryable: \(SwiftSyntax.std("Bool"))") { w in
                w.switchBlock("self") { w in
                    for retryable in [true, false] {
                        let codes = catalog.codes.filter { $0.isRetryable == retryable }.map(caseRef)
                        if !codes.isEmpty { w.line("case \(codes.joined(separator: ", ")): \(retryable)") }
                    }
                }
            }
            w.line()
            w.doc("The broad class of the error, which decides how callers react to it.")
            w.block("\(access)var category: \(SwiftSyntax.runtime("ErrorCategory"))") { w in
                w.switchBlock("self") { w in
                    for code in catalog.codes { w.line("case \(caseRef(code)): .\(code.category.rawValue)") }
                }
            }
            w.line()
            w.doc("The message shown to users when no better one is known.")
            w.block("\(access)var defaultMessage: \(SwiftSyntax.std("String"))") { w in
                w.switchBlock("self") { w in
                    for code in catalog.codes {
                        let message = code.message ?? Self.derivedMessage(code.name)
                        w.line("case \(caseRef(code)): \(SwiftSyntax.stringLiteral(message))")
                    }
                }
            }
            if let lifecycle {
                w.line()
                w.doc("The state a record ends in when this error stops it; nil when the error names none.")
                w.block("\(access)var status: \(lifecycle.name)?") { w in
                    w.switchBlock("self") { w in
                        for code in catalog.codes {
                            w.line("case \(caseRef(code)): \(code.status.map { SwiftSyntax.optionalCaseRef(SwiftSyntax.member($0), type: lifecycle.name) } ?? "nil")")
                        }
                    }
                }
            }
            w.line()
            w.doc("Decodes a wire value, refusing codes that are not in the catalog.")
            w.block("\(access)init(from decoder: any \(SwiftSyntax.std("Decoder"))) throws") { w in
                w.line("self = try decoder.decodeWireValue(\(name).self, typeName: \(name).catalogName)")
            }
        }
    }
}
