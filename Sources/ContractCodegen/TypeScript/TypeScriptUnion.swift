/// `export type X = "a" | "b";`, wrapped after `=` when it is too long.
enum TypeScriptUnion {
    static func emit(name: String, values: [String], open: Bool = false, imports: TypeScriptImports? = nil,
                     into w: inout TypeScriptWriter) {
        var items = values.map(TypeScriptSyntax.stringLiteral)
        if open, let imports { items.append(imports.type("OtherString")) }
        if items.isEmpty { items = ["never"] }
        TypeScriptText.wrappedList(&w, open: "export type \(name) =", items: items, separator: " | ", close: ";",
                                   oneLineOpen: "export type \(name) = ", oneLineClose: ";", attachClose: true)
    }
}
