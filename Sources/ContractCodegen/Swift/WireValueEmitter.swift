import ContractSchema

/// A lifecycle, closed enum or error catalog on the wire: its conformance to the runtime's
/// `JSONWireValue`, with a matcher that finds the value from the string's bytes without making a
/// `String` (one comparison per value). An open enum conforms to `JSONOpenWireValue`, which needs
/// nothing more.
struct WireValueEmitter {
    let name: String
    /// Wire values and their Swift case names, in schema order; nil for an open enum.
    let values: [(wire: String, caseName: String)]?
    let access: String

    func emit(into w: inout SwiftWriter) {
        guard let values else {
            w.line("extension \(name): \(SwiftSyntax.runtime("JSONOpenWireValue")) {}")
            return
        }
        w.block("extension \(name): \(SwiftSyntax.runtime("JSONWireValue"))") { w in
            w.doc("The type's name in messages.")
            w.line("\(access)static var jsonTypeName: \(SwiftSyntax.std("String")) { \(SwiftSyntax.stringLiteral(name)) }")
            w.line()
            w.doc("The value whose wire value is exactly the bytes of `wire`, found without making a `String`; nil for anything else.")
            let bytes = "\(SwiftSyntax.std("UnsafeBufferPointer"))<\(SwiftSyntax.std("UInt8"))>"
            w.block("\(access)static func wireValue(matching wire: \(bytes)) -> \(name)?") { w in
                for (wire, caseName) in values {
                    w.line("if \(SwiftSyntax.runtime("JSONFields")).wire(wire, is: \(SwiftSyntax.stringLiteral(wire))) { return .\(caseName) }")
                }
                w.line("return nil")
            }
        }
    }

    /// The emitter for a named type of `contract` that is an enumeration of strings; nil for a model.
    init?(type: NamedType, access: String) {
        self.access = access
        switch type {
        case .lifecycle(let l):
            name = l.name
            values = l.states.map { ($0.name, SwiftSyntax.member($0.name)) }
        case .enumeration(let e):
            name = e.name
            values = e.isOpen ? nil : e.values.map { ($0.name, SwiftSyntax.member($0.name)) }
        case .errorCatalog(let c):
            name = c.name
            values = c.codes.map { ($0.code, SwiftSyntax.member($0.name)) }
        case .model:
            return nil
        }
    }
}
