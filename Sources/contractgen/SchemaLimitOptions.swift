import ArgumentParser
import ContractSchema
import ContractSchemaLoader

/// The limits on schema files, shared by every command that reads schemas.
struct SchemaLimitOptions: ParsableArguments {
    @Option(name: NumericOption.maxSchemaBytes.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxSchemaBytes.help("Refuse schema files larger than this many bytes, before reading them.",
                                                    default: YAMLLimits.default.maxBytes),
            transform: NumericOption.maxSchemaBytes.parser)
    var maxSchemaBytes: Int = YAMLLimits.default.maxBytes

    @Option(name: NumericOption.maxSchemaDepth.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxSchemaDepth.help("Refuse YAML whose mappings and lists nest deeper than this.",
                                                    default: YAMLLimits.default.maxDepth),
            transform: NumericOption.maxSchemaDepth.parser)
    var maxSchemaDepth: Int = YAMLLimits.default.maxDepth

    @Option(name: NumericOption.maxSchemaNodes.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxSchemaNodes.help("Refuse YAML with more nodes (scalars, mappings, lists) than this.",
                                                    default: YAMLLimits.default.maxNodes),
            transform: NumericOption.maxSchemaNodes.parser)
    var maxSchemaNodes: Int = YAMLLimits.default.maxNodes

    @Option(name: NumericOption.maxTypeDepth.nameSpecification, parsing: .unconditional,
            help: NumericOption.maxTypeDepth.help("Refuse field types that nest list<…> and map<…> deeper than this.",
                                                  default: YAMLLimits.default.maxTypeDepth),
            transform: NumericOption.maxTypeDepth.parser)
    var maxTypeDepth: Int = YAMLLimits.default.maxTypeDepth

    /// The YAML limits the options ask for.
    var limits: YAMLLimits {
        YAMLLimits(maxBytes: maxSchemaBytes, maxDepth: maxSchemaDepth, maxNodes: maxSchemaNodes, maxTypeDepth: maxTypeDepth)
    }
}
