import ContractSchema

/// How names and literals are spelled in generated TypeScript.
enum TypeScriptSyntax {
    /// `value` as a double-quoted string literal: quotes, backslashes, control characters and line separators are
    /// escaped, everything else is written as it is.
    static func stringLiteral(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether `name` may be written bare as a property name or after `.`: an ASCII identifier other than
    /// `__proto__` (which in an object literal sets the prototype instead of a property).
    static func isPlainPropertyName(_ name: String) -> Bool {
        guard name != "__proto__", let first = name.unicodeScalars.first, isIdentifierStart(first) else { return false }
        return name.unicodeScalars.allSatisfy { isIdentifierStart($0) || ("0"..."9").contains($0) }
    }

    private static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_" || s == "$"
    }

    /// A property name in an interface: bare, quoted, or computed (`["__proto__"]`).
    static func interfaceKey(_ name: String) -> String {
        if isPlainPropertyName(name) { return name }
        return name == "__proto__" ? "[\"__proto__\"]" : stringLiteral(name)
    }

    /// A property name in an object literal; `__proto__` is computed so it makes an own property.
    static func literalKey(_ name: String) -> String {
        interfaceKey(name)
    }

    /// `receiver.name`, or `receiver["name"]` when the name cannot follow a dot.
    static func member(_ receiver: String, _ name: String) -> String {
        isPlainPropertyName(name) ? receiver + "." + name : receiver + "[" + stringLiteral(name) + "]"
    }

    /// lowerCamelCase for a type name (`TaskStepResult` → `taskStepResult`, `HTTPCall` → `httpCall`), the stem of the
    /// model's table and violations function.
    static func lowerCamel(_ typeName: String) -> String {
        let scalars = Array(typeName.unicodeScalars)
        var upper = 0
        while upper < scalars.count, ("A"..."Z").contains(scalars[upper]) { upper += 1 }
        // `HTTPCall`: the capitals but the last start the first word; `ABC`: all of them.
        let lowered = upper == scalars.count || upper <= 1 ? upper : upper - 1
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            result.append(index < lowered ? Unicode.Scalar(scalar.value + 32)! : scalar)
        }
        return String(result)
    }

    /// The largest integer a JavaScript number holds exactly, with every integer below it.
    static let maxSafeInteger: Int64 = 9_007_199_254_740_991

    /// An integer literal: a `number` within ±(2^53−1), else a `bigint` (`9007199254740993n`).
    static func integerLiteral(_ value: Int64) -> (code: String, isBigInt: Bool) {
        value.magnitude <= UInt64(maxSafeInteger) ? (String(value), false) : (String(value) + "n", true)
    }

    /// A double literal as Swift prints it (`0.5`, `1.0`, `1e-05`), which JavaScript reads as the same double.
    static func doubleLiteral(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        return value.description
    }

    /// A double written as JavaScript prints it where it is whole (`2`, not `2.0`).
    static func plainNumber(_ value: Double) -> String {
        let text = doubleLiteral(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
