import ContractSchemaLoader
/// Writes the Swift source that compiles a schema's text into ContractSchema
/// (`Sources/ContractSchemaLoader/Bundled/`), as a raw multi-line string literal a reviewer can read.
enum BundledContractSource {
    /// The source declaring `constant` as exactly `text`, read from `schemaPath`.
    static func swift(for text: String, constant: String, schemaPath: String) -> String {
        var hashes = "#"
        // The literal ends at `"""` followed by its hashes and escapes start with `\` and them.
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        // A line break before the closing delimiter is not part of the literal: add one, so the text keeps
        // its own final line break (or its absence).
        return """
            // Generated from \(schemaPath) by `RECORD_GOLDEN=1 swift test --filter BundledContractTests`. DO NOT EDIT.

            extension BundledContract {
                /// The text of `\(schemaPath)`, byte for byte.
                static let \(constant) = \(hashes)\"\"\"

            """ + text + "\n\"\"\"\(hashes)\n}\n"
    }
}
