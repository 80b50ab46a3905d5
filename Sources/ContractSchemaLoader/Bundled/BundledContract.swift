import ContractSchema

/// A contract compiled into the library, so that tools have the default contract outside this
/// repository (`contractgen validate` in a service's own directory, for one).
public struct BundledContract: Sendable {
    /// Where the contract lives in this repository; it names the contract in locations.
    public let path: String
    /// The schema text: byte for byte the file at ``path`` when the library was built (a test holds
    /// the two equal).
    public let text: String

    /// The default contract, `Execution` (seed 003): `schema/execution.yaml`.
    public static let execution = BundledContract(path: "schema/execution.yaml", text: executionSchemaText)

    /// Reads and lints the contract as ``SchemaLoader/load(contentsOf:)`` reads and lints its file.
    public func load(limits: YAMLLimits = .default) -> SchemaLoadResult {
        SchemaLoader(limits: limits).load(text: text, file: path)
    }
}
