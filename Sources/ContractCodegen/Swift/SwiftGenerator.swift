import ContractSchema

/// The access level of generated declarations.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    /// `public`: for a library product such as `ExecutionContracts`.
    case `public`
    /// `package`: visible to the other targets of the package.
    case `package`
    /// `internal` (written without a modifier): for code generated into the target that uses it.
    case `internal`

    /// The modifier followed by a space, or nothing for `internal`.
    var modifier: String {
        switch self {
        case .public: "public "
        case .package: "package "
        case .internal: ""
        }
    }
}

/// How Swift code is generated.
public struct SwiftGeneratorOptions: Sendable, Hashable {
    /// The access level of every generated type and member.
    public var access: AccessLevel

    /// Creates options.
    public init(access: AccessLevel = .public) {
        self.access = access
    }

    /// What the regenerate command needs besides the schema and `--output` to give the same output.
    var commandArguments: [String] {
        access == .public ? [] : ["--access", access.rawValue]
    }
}

/// Turns a loaded, linted contract into one Swift source file.
///
/// The output is deterministic byte for byte: it depends only on the contract, the schema path as
/// given and the options. It imports Foundation and ContractRuntime only.
public struct SwiftGenerator: Sendable {
    /// The options in effect.
    public var options: SwiftGeneratorOptions

    /// Creates a generator.
    public init(options: SwiftGeneratorOptions) {
        self.options = options
    }

    /// The Swift source for `contract`; `schemaPath` is how the header names the schema (relative to the
    /// package root, so the output does not depend on where the package is checked out or how the path
    /// was typed; ``GenerationPlan`` works it out).
    public func generate(_ contract: Contract, schemaPath: String, provenance: GenerationProvenance) -> String {
        let header = GeneratedHeader(schemaPath: schemaPath, contractName: contract.name,
                                     contractVersion: contract.version.description, provenance: provenance,
                                     extraArguments: options.commandArguments)
        return FileEmitter(contract: contract, options: options, header: header).emit()
    }
}
