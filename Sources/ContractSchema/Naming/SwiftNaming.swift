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

    /// Type names the generated code uses from Swift, Foundation and ContractRuntime; a schema type may not
    /// shadow them.
    public static let reservedTypeNames: Set<String> = [
        "String", "Bool", "Int", "Int64", "Double", "Date", "Data", "Array", "Dictionary", "Optional", "Set", "Error",
        "Codable", "Decodable", "Encodable", "Decoder", "Encoder", "CodingKey", "Sendable", "Hashable", "Equatable",
        "CaseIterable", "Any", "AnyObject", "Self", "Type", "Protocol", "Foundation", "ContractRuntime",
        "JSONValue", "TransitionError", "ValidationFailure", "RuleViolation", "ErrorCategory", "NormalizedError",
        "Outcome", "ContractRuntimeVersion", "ContractLifecycle", "ContractErrorCatalog", "ContractModel",
        "RFC3339Timestamp", "RuleNumber", "RuleOperators", "AnyCodingKey", "JSONObject", "JSONValueEncoder",
        "ContractRuntimeAPIVersion_1", "CodingUserInfoKey", "FailureKind", "NormalizingErrorCatalog", "RetryPolicy",
        "CatalogRetryPolicy", "Duration", "JSONReader", "JSONReadError", "JSONDecodingOptions", "JSONFields", "JSONOutput",
        "RecordError", "TrackedStatus", "FinishResult", "FinishError", "ContractErrorConvertible", "ContractTimeoutError",
    ]

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
