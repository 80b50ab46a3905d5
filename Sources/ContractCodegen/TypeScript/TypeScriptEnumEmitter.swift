import ContractSchema

/// An enum becomes a string-literal union and a same-named `Enumeration` const; an open enum's union also admits any
/// other string (`OtherString`) and its const is an `OpenEnumeration` of the known values.
struct TypeScriptEnumEmitter {
    let enumeration: EnumDefinition
    let imports: TypeScriptImports

    func emit(into w: inout TypeScriptWriter) {
        let name = enumeration.name
        let documented = enumeration.values.contains { $0.doc != nil }
        let bullets = documented ? enumeration.values.map { value -> String in
            "- " + TypeScriptText.code(value.name)
                + (value.doc.map { ": " + TypeScriptWriter.paragraphs($0).joined(separator: " ") } ?? "")
        } : []
        var doc = enumeration.doc
        if enumeration.isOpen {
            let note = "Open: any other string is kept as it was sent."
            doc = doc.map { $0 + " " + note } ?? note
        }
        w.doc(doc, bullets: bullets)
        TypeScriptUnion.emit(name: name, values: enumeration.values.map(\.name), open: enumeration.isOpen,
                             imports: imports, into: &w)
        w.line()
        let literals = enumeration.values.map { TypeScriptSyntax.stringLiteral($0.name) }
        if enumeration.isOpen {
            w.doc("The known values of \(TypeScriptText.code(name)); `\(name).isKnown(value)` tells them from the strings an open enum keeps.")
            let known = literals.isEmpty ? "never" : literals.joined(separator: " | ")
            w.line("export const \(name): \(imports.type("OpenEnumeration"))<\(known)> = \(imports.value("openEnumeration"))<\(known)>({")
        } else {
            w.doc("The values of \(TypeScriptText.code(name)).")
            w.line("export const \(name): \(imports.type("Enumeration"))<\(name)> = \(imports.value("enumeration"))<\(name)>({")
        }
        w.indented { w in
            w.line("name: \(TypeScriptSyntax.stringLiteral(name)),")
            TypeScriptText.wrappedList(&w, open: "values: [", items: literals, close: "],", oneLineOpen: "values: [",
                                       oneLineClose: "],")
        }
        w.line("});")
    }
}
