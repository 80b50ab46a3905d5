import ContractSchema

/// A plain enum becomes a closed `String` enum, or, when `open: true`, an enum with an
/// `unknown(String)` case that keeps values from newer producers through decoding and encoding.
struct EnumEmitter {
    let enumeration: EnumDefinition
    let access: String

    private var name: String { enumeration.name }

    func emit(into w: inout SwiftWriter) {
        if enumeration.isOpen {
            emitOpen(into: &w)
        } else {
            emitClosed(into: &w)
        }
    }

    private func emitCases(into w: inout SwiftWriter, rawValues: Bool) {
        for value in enumeration.values {
            w.doc(value.doc ?? "The `\(value.name)` value.")
            w.line(rawValues ? SwiftSyntax.caseDeclaration(value.name, rawValue: value.name) : "case \(SwiftSyntax.member(value.name))")
        }
    }

    private func emitClosed(into w: inout SwiftWriter) {
        w.doc(enumeration.doc ?? "The values of \(name).")
        let conformances = ["String", "Sendable", "Hashable", "CaseIterable", "Codable"].map(SwiftSyntax.std)
        w.typeBlock("\(access)enum \(name)", conformances: conformances) { w in
            emitCases(into: &w, rawValues: true)
            w.line()
            w.doc("Decodes a wire value, refusing values that are not listed.")
            w.block("\(access)init(from decoder: any \(SwiftSyntax.std("Decoder"))) throws") { w in
                w.line("self = try decoder.decodeWireValue(\(name).self, typeName: \(SwiftSyntax.stringLiteral(name)))")
            }
        }
    }

    private func emitOpen(into w: inout SwiftWriter) {
        w.doc((enumeration.doc.map { $0 + "\n\n" } ?? "")
              + "Open: a value this version does not know decodes as `unknown` and encodes back unchanged. `allCases` lists the known values only.")
        let conformances = ["RawRepresentable", "Sendable", "Hashable", "CaseIterable", "Codable"].map(SwiftSyntax.std)
        w.typeBlock("\(access)enum \(name)", conformances: conformances) { w in
            emitCases(into: &w, rawValues: false)
            w.doc("A value this version does not know, kept as written. `init(rawValue:)` never makes it for a known value.")
            w.line("case unknown(\(SwiftSyntax.std("String")))")
            w.line()
            w.doc("The known values, in schema order; `unknown` values are not listed.")
            let all = enumeration.values.map { "." + SwiftSyntax.member($0.name) }.joined(separator: ", ")
            w.line("\(access)static let allCases: [\(name)] = [\(all)]")
            w.line()
            w.doc("The known value `rawValue` names, or `unknown` holding it; never nil.")
            w.block("\(access)init(rawValue: \(SwiftSyntax.std("String")))") { w in
                w.switchBlock("rawValue") { w in
                    for value in enumeration.values {
                        w.line("case \(SwiftSyntax.stringLiteral(value.name)): self = .\(SwiftSyntax.member(value.name))")
                    }
                    w.line("default: self = .unknown(rawValue)")
                }
            }
            w.line()
            w.doc("The wire value.")
            w.block("\(access)var rawValue: \(SwiftSyntax.std("String"))") { w in
                w.switchBlock("self") { w in
                    for value in enumeration.values {
                        w.line("case .\(SwiftSyntax.member(value.name)): \(SwiftSyntax.stringLiteral(value.name))")
                    }
                    w.line("case .unknown(let value): value")
                }
            }
            w.line()
            w.doc("Decodes any string: a known value or `unknown`.")
            w.block("\(access)init(from decoder: any \(SwiftSyntax.std("Decoder"))) throws") { w in
                w.line("let container = try decoder.singleValueContainer()")
                w.line("self.init(rawValue: try container.decode(\(SwiftSyntax.std("String")).self))")
            }
            w.line()
            w.doc("Encodes the wire value, an unknown one included.")
            w.block("\(access)func encode(to encoder: any \(SwiftSyntax.std("Encoder"))) throws") { w in
                w.line("var container = encoder.singleValueContainer()")
                w.line("try container.encode(self.rawValue)")
            }
        }
    }
}
