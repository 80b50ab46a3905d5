/// How messages name the values of the schema's types: one home for the wording that the generated
/// decoders, Codable and `contractgen validate` all print.
public enum ValueWording {
    /// "a TaskStatus value (a string)", "an ExecutionStatus value (a string)".
    public static func wireValue(of typeName: String) -> String {
        "\(article(for: typeName)) \(typeName) value (a string)"
    }

    /// "a TaskStepResult object", "an Order object".
    public static func object(of modelName: String) -> String {
        "\(article(for: modelName)) \(modelName) object"
    }

    /// "an" before a type name that starts with a vowel sound, "a" otherwise. Type names are
    /// UpperCamelCase words, so the spelling decides: A, E, I and O take "an"; U takes "an" except where
    /// it sounds like "you" (Unit, User, Usage, Utility, Uniform, Union, Unique).
    public static func article(for name: String) -> String {
        guard let first = name.first else { return "a" }
        switch first {
        case "A", "E", "I", "O": return "an"
        case "U":
            let you = ["Uni", "Use", "Usa", "Usu", "Uti", "Ura", "Uri", "Uro", "Ute"]
            return you.contains { name.hasPrefix($0) } ? "a" : "an"
        default: return "a"
        }
    }
}
