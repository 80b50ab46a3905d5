import ContractSchema

/// The runtime names a generated module uses, and what it calls them: a runtime name that a schema declaration would
/// shadow (a model called `Lifecycle`, a model `Record` whose `parseRecord` is generated) is imported under an alias.
final class TypeScriptImports {
    /// Every name the module declares at top level.
    let declared: Set<String>
    private(set) var values: Set<String> = []
    private(set) var types: Set<String> = []

    /// The names derived from each model, by model name.
    private let modelNames: [String: TypeScriptModelNames]

    init(contract: Contract) {
        var names: Set<String> = []
        for lifecycle in contract.lifecycles { names.insert(lifecycle.name) }
        for enumeration in contract.enums { names.insert(enumeration.name) }
        for catalog in contract.errorCatalogs { names.insert(catalog.name) }
        for model in contract.models { names.insert(model.name) }
        var derived: [String: TypeScriptModelNames] = [:]
        for model in contract.models {
            let resolved = TypeScriptModelNames(model.name, avoiding: names)
            names.formUnion(resolved.all)
            derived[model.name] = resolved
        }
        declared = names
        modelNames = derived
    }

    /// The names generated for the model `name`.
    func names(ofModel name: String) -> TypeScriptModelNames {
        modelNames[name] ?? TypeScriptModelNames(name, avoiding: [])
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

/// The names generated for one model `X`: `XInit`, `createX`, `xViolations`, `validateX`, `xModel`, `parseX`,
/// `encodeX`. A name another declaration already has (model `Model`'s `createModel` against model `Create`'s table,
/// `JSONValue` and `JsonValue` both giving `jsonValue...`) gets trailing underscores until it is free.
struct TypeScriptModelNames {
    let type: String
    let initType: String
    let create: String
    let violations: String
    let validate: String
    let table: String
    let parse: String
    let encode: String

    init(_ type: String, avoiding taken: Set<String>) {
        var taken = taken
        func free(_ base: String) -> String {
            var name = base
            while taken.contains(name) { name += "_" }
            taken.insert(name)
            return name
        }
        let stem = TypeScriptSyntax.lowerCamel(type)
        self.type = type
        initType = free(type + "Init")
        create = free("create" + type)
        violations = free(stem + "Violations")
        validate = free("validate" + type)
        table = free(stem + "Model")
        parse = free("parse" + type)
        encode = free("encode" + type)
    }

    var all: [String] { [type, initType, create, violations, validate, table, parse, encode] }
}
