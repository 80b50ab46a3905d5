/// How schema names become Swift names. The linter and the code generator share these rules so that
/// every name the linter accepts generates code that compiles.
public enum SwiftNaming {
    /// The lowerCamelCase Swift name for a wire value or field name: `timed_out` → `timedOut`,
    /// `PENDING` → `pending`, `CODE_GEN` → `codeGen`, `2xx` → `_2xx`. Nil if nothing usable remains.
    public static func memberName(_ wire: String) -> String? {
        // `_` separates words like any other non-alphanumeric: `timed_out` → `timedOut`.
        let words = wire.unicodeScalars.split { !isAlphanumericScalar($0) }.map { String(String.UnicodeScalarView($0)) }
        guard !words.isEmpty else { return nil }
        var result = ""
        for (index, word) in words.enumerated() {
            let isAllUpper = word.unicodeScalars.allSatisfy { !isLowercase($0) }
            if index == 0 {
                result += isAllUpper ? word.lowercased() : lowercasingLeadingCapitals(word)
            } else {
                let body = isAllUpper ? word.lowercased() : word
                result += body.prefix(1).uppercased() + body.dropFirst()
            }
        }
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) {
            result = "_" + result
        }
        return result
    }

    /// The name as it must be written in Swift source: keywords are wrapped in backticks.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether `name` is an UpperCamelCase Swift type name made of ASCII letters and digits.
    public static func isTypeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Whether `name` is usable as a field name (and as an identifier in rules).
    public static func isFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_"
        else { return false }
        return name.unicodeScalars.allSatisfy(isIdentifierScalar)
    }

    /// Swift keywords; names equal to one are escaped with backticks.
    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "async", "package", "consume", "copy", "discard", "each", "some", "any",
    ]

    /// Names that cannot be members of a generated type even with backticks, or that the generated
    /// code already uses on every type.
    public static let reservedMembers: Set<String> = [
        "self", "Self", "Type", "Protocol", "init", "deinit", "subscript", "rawValue", "hashValue", "allCases",
        "description", "debugDescription",
    ]

    /// Members generated on every lifecycle enum; a state may not take one of these names.
    public static let lifecycleMembers: Set<String> = [
        "initial", "isTerminal", "allowedTransitions", "canTransition", "transition", "outcome", "legacyValues",
        "lifecycleName", "init", "unknown", "transitionError", "guardCheck",
    ]

    /// Members generated on every error catalog enum.
    public static let errorCatalogMembers: Set<String> = [
        "isRetryable", "category", "defaultMessage", "status", "normalize", "catalogName", "code", "unknown",
    ]

    /// Members generated on every plain enum.
    public static let enumMembers: Set<String> = ["unknown", "knownCases"]

    /// Members generated on every model struct.
    public static let modelMembers: Set<String> = [
        "validate", "violations", "jsonUTF8Data", "jsonString", "encode", "hash", "CodingKeys", "wireNames",
        "modelName", "rules", "checkRulesAfterDecoding", "checkRulesBeforeEncoding",
    ]

    /// Type names a schema may not declare. Generated code spells every name it takes from Swift,
    /// Foundation and ContractRuntime with its module (`Swift.String`), so schema types may share those
    /// names; what it cannot qualify is refused here: the modules themselves, the names that member
    /// lookup inside a generated type finds before a type of the module (the nested `CodingKeys`, the
    /// `RawValue` and `AllCases` of its conformances, the catalog protocol's `Status`), and the
    /// keywords that name types.
    public static let reservedTypeNames: Set<String> = [
        "Swift", "Foundation", "ContractRuntime", "CodingKeys", "RawValue", "AllCases", "Status",
        "Self", "Type", "Protocol", "Any", "AnyObject",
    ]

    /// What a reserved type name already means to generated code, for the message that refuses it.
    public static func reservedTypeNameReason(_ name: String) -> String {
        switch name {
        case "Swift", "Foundation", "ContractRuntime": "the module `\(name)`, through which it names what it uses"
        case "CodingKeys": "each model's coding keys"
        case "RawValue", "AllCases": "the `\(name)` of every enum's conformances"
        case "Status": "the lifecycle an error catalog's codes end in"
        default: "a Swift keyword"
        }
    }

    private static func isIdentifierScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }

    private static func isAlphanumericScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    private static func isLowercase(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }

    /// `HTTPStatus` → `httpStatus`, `Value` → `value`, `sessionId` → `sessionId`.
    private static func lowercasingLeadingCapitals(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var upperRun = 0
        while upperRun < scalars.count, ("A"..."Z").contains(scalars[upperRun]) { upperRun += 1 }
        if upperRun == 0 { return word }
        // Keep the last capital of a run when a lowercase letter follows: it starts the next word.
        let cut = upperRun > 1 && upperRun < scalars.count ? upperRun - 1 : upperRun
        let head = String(String.UnicodeScalarView(scalars[..<cut])).lowercased()
        return head + String(String.UnicodeScalarView(scalars[cut...]))
    }
}
