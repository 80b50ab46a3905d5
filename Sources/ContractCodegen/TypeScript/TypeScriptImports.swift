import ContractSchema

/// The runtime names a generated module uses, and what it calls them: a runtime name that a schema declaration would
/// shadow (a model called `Lifecycle`, a model `Record` whose `parseRecord` is generated) is imported under an alias.
final class TypeScriptImports {
    /// Every name the module declares at top level.
    let declared: Set<String>
    private(set) var values: Set<String> = []
    private(set) var types: Set<String> = []

    init(contract: Contract) {
        var names: Set<String> = []
        for lifecycle in contract.lifecycles { names.insert(lifecycle.name) }
        for enumeration in contract.enums { names.insert(enumeration.name) }
        for catalog in contract.errorCatalogs { names.insert(catalog.name) }
        for model in contract.models { names.formUnion(TypeScriptModelNames(model.name).all) }
        declared = names
    }

    /// The local name of `name`, aliased with trailing underscores while a declaration or a global uses it.
    func local(_ name: String) -> String {
        var alias = name
        while declared.contains(alias) { alias += "_" }
        return alias
    }

    /// Records the use of the runtime value `name`; returns how the module refers to it.
    func value(_ name: String) -> String {
        values.insert(name)
        return local(name)
    }

    /// Records the use of the runtime type `name`; returns how the module refers to it.
    func type(_ name: String) -> String {
        types.insert(name)
        return local(name)
    }

    /// A global the module refers to (`Object`, `Record`, `Readonly`, `Uint8Array`), through `globalThis` when a
    /// declaration shadows it.
    func global(_ name: String) -> String {
        declared.contains(name) ? "globalThis." + name : name
    }

    /// The import specifiers, sorted by name (case-insensitively, as the reference modules are).
    static func specifiers(_ names: Set<String>, local: (String) -> String) -> [String] {
        names.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            .map { local($0) == $0 ? $0 : "\($0) as \(local($0))" }
    }
}

/// The names generated for one model `X`.
struct TypeScriptModelNames {
    let type: String
    var initType: String { type + "Init" }
    var create: String { "create" + type }
    var violations: String { TypeScriptSyntax.lowerCamel(type) + "Violations" }
    var validate: String { "validate" + type }
    var table: String { TypeScriptSyntax.lowerCamel(type) + "Model" }
    var parse: String { "parse" + type }
    var encode: String { "encode" + type }

    init(_ type: String) { self.type = type }

    var all: [String] { [type, initType, create, violations, validate, table, parse, encode] }
}
