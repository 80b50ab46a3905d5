import ContractSchema

/// A plain enum becomes a `str` enum of its values. An open enum is the same class; what makes it open is
/// how its fields are typed (`Channel | str`) and read (`rt.EnumType(Channel, open=True)`), so its docstring
/// says so.
struct PythonEnumEmitter {
    let enumeration: EnumDefinition
    let naming: PythonNaming

    func emit(into w: inout PythonWriter) {
        w.block("class \(naming.type(enumeration.name))(str, enum.Enum):") { w in
            var doc = enumeration.doc ?? "The values of \(enumeration.name)."
            if enumeration.isOpen {
                doc += "\n\nOpen: a field of this type holds a member for a known value and the ``str`` as written for any other."
            }
            w.docstring(doc, closesOnOwnLine: true)
            w.line()
            for value in enumeration.values {
                w.line("\(naming.member(value.name, of: enumeration.name)) = \(PythonSyntax.stringLiteral(value.name))")
                w.docstring(value.doc ?? "The ``\(value.name)`` value.")
            }
            w.line()
            w.block("def __str__(self) -> str:") { $0.line("return self.value") }
        }
    }
}
