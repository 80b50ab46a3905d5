/// The generator's identity, written into every generated file's header and printed by
/// `contractgen --version`. The CLI, both plugins and the tests ask here; nothing retypes it.
public enum ContractGenerator {
    /// The generator's version. Generated code names it in its header, so a new version changes every
    /// generated file (and `contractgen check` reports checked-in code made by another version).
    public static let version = "0.1.0"

    /// The command that generates code, as the header's regenerate line spells it.
    public static let commandName = "contractgen"
}
