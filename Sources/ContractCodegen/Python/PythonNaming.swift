import ContractSchema

/// How schema names become Python names in one generated module, decided once per contract so that
/// every emitter spells a type, member, field or table the same way and no two names collide.
///
/// Rules (packages/python/DESIGN.md, "Names"): types keep the schema's name unless Python or the module
/// already means something by it; enum members are the wire value (or a code's `name`) in UPPER_SNAKE;
/// field attributes are the wire name unless that is a keyword, a name the model class or module uses,
/// or a name Python would mangle. A clash gets a trailing `_`, repeated until the name is unique.
struct PythonNaming {
    /// Python keywords (soft keywords such as `match` and `type` are valid names and stay as they are).
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Names every generated module binds or reads at module level besides its types.
    static let moduleNames: Set<String> = ["dataclasses", "enum", "typing", "rt", "annotations"]

    /// Built-in names generated code reads inside class bodies, where a field of the same name would
    /// shadow them (`str` in an annotation, `dict` as a default factory, `BaseException` in `normalize`).
    static let builtinsUsed: Set<String> = [
        "str", "int", "float", "bool", "tuple", "list", "dict", "classmethod", "property", "BaseException", "self",
        "cls", "object",
    ]

    /// What the model base class (`rt.ContractModel`) and the generated class define.
    static let modelMembers: Set<String> = [
        "from_json", "from_dict", "to_json", "to_dict", "validate", "violations", "_spec",
    ]

    private(set) var typeNames: [String: String] = [:]
    private(set) var upperSnakeNames: [String: String] = [:]
    private var memberNames: [String: [String: String]] = [:]
    private var attributeNames: [String: [String: String]] = [:]

    init(contract: Contract) {
        let types = contract.lifecycles.map(\.name) + contract.enums.map(\.name) + contract.errorCatalogs.map(\.name)
            + contract.models.map(\.name)
        var usedTypes: Set<String> = []
        var usedSnake: Set<String> = []
        for type in types {
            var python = type
            while Self.keywords.contains(python) || Self.builtinsUsed.contains(python) || usedTypes.contains(python) {
                python += "_"
            }
            usedTypes.insert(python)
            typeNames[type] = python
            var snake = Self.upperSnake(camelCase: type)
            while usedSnake.contains(snake) { snake += "_" }
            usedSnake.insert(snake)
            upperSnakeNames[type] = snake
        }
        for lifecycle in contract.lifecycles {
            memberNames[lifecycle.name] = Self.uniqueMembers(lifecycle.states.map { ($0.name, $0.name) })
        }
        for enumeration in contract.enums {
            memberNames[enumeration.name] = Self.uniqueMembers(enumeration.values.map { ($0.name, $0.name) })
        }
        for catalog in contract.errorCatalogs {
            memberNames[catalog.name] = Self.uniqueMembers(catalog.codes.map { ($0.code, $0.name) })
        }
        let moduleLevel = Self.moduleNames.union(types).union(usedTypes)
        for model in contract.models {
            var used: Set<String> = []
            var names: [String: String] = [:]
            for field in model.fields {
                var python = field.name
                if python.hasPrefix("__") {
                    // Python mangles `__name` inside a class body; one leading underscore is never mangled.
                    python = "_" + python.drop { $0 == "_" }
                }
                while Self.keywords.contains(python) || Self.builtinsUsed.contains(python)
                        || Self.modelMembers.contains(python) || moduleLevel.contains(python) || used.contains(python) {
                    python += "_"
                }
                used.insert(python)
                names[field.name] = python
            }
            attributeNames[model.name] = names
        }
    }

    /// The Python class name of the schema type `name`.
    func type(_ name: String) -> String { typeNames[name] ?? name }

    /// `SubTaskStatus` → `SUB_TASK_STATUS`, unique among the contract's types: the stem of the type's
    /// private tables and of its retry policy's name.
    func upperSnake(_ type: String) -> String { upperSnakeNames[type] ?? Self.upperSnake(camelCase: type) }

    /// The member of the enum, lifecycle or catalog `type` for a wire value (a catalog's code).
    func member(_ wire: String, of type: String) -> String {
        memberNames[type]?[wire] ?? Self.upperSnake(wire: wire)
    }

    /// `Type.MEMBER`, as code refers to a value.
    func memberReference(_ wire: String, of type: String) -> String {
        self.type(type) + "." + member(wire, of: type)
    }

    /// The dataclass attribute of the field whose wire name is `field`.
    func attribute(_ field: String, of model: String) -> String {
        attributeNames[model]?[field] ?? field
    }

    /// Members for `(wire, source)` pairs, unique within their type.
    private static func uniqueMembers(_ values: [(wire: String, source: String)]) -> [String: String] {
        var used: Set<String> = []
        var names: [String: String] = [:]
        for value in values where names[value.wire] == nil {
            var python = upperSnake(wire: value.source)
            while used.contains(python) { python += "_" }
            used.insert(python)
            names[value.wire] = python
        }
        return names
    }

    /// `timed_out` → `TIMED_OUT`, `agent-test` → `AGENT_TEST`, `2xx` → `V_2XX`: split on every character that
    /// is not an ASCII letter or digit, upper-cased, joined with `_`.
    static func upperSnake(wire: String) -> String {
        let words = wire.unicodeScalars.split { !isAlphanumeric($0) }.map { String(String.UnicodeScalarView($0)).uppercased() }
        var name = words.joined(separator: "_")
        if name.isEmpty { return "VALUE" }
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "V_" + name }
        return name
    }

    /// `SubTaskStatus` → `SUB_TASK_STATUS`, `HTTPStatus` → `HTTP_STATUS`, `Job2Status` → `JOB2_STATUS`.
    static func upperSnake(camelCase name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            let isUpper = ("A"..."Z").contains(scalar)
            if index > 0 && isUpper {
                let previous = scalars[index - 1]
                let previousIsUpper = ("A"..."Z").contains(previous)
                let nextIsLower = index + 1 < scalars.count && ("a"..."z").contains(scalars[index + 1])
                if !previousIsUpper || nextIsLower { out += "_" }
            }
            out += String(scalar).uppercased()
        }
        return out
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}
