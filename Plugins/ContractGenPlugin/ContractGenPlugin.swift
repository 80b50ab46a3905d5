import Foundation
import PackagePlugin

/// Build-tool plugin: generates Swift from every `.yaml`/`.yml` contract in the target that applies it.
///
/// Each schema becomes one file in the plugin work directory, named after the schema
/// (`contracts/orders.yaml` → `orders.swift`), so outputs are known before the tool runs and
/// incremental builds only regenerate when a schema or the generator changes.
@main
struct ContractGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let schemas = module.sourceFiles.map(\.url).filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        guard !schemas.isEmpty else {
            Diagnostics.warning("ContractGenPlugin: target \(target.name) has no .yaml contracts; nothing to generate")
            return []
        }
        let tool = try context.tool(named: "contractgen")
        let outputDirectory = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedContracts")
        var seen: [String: URL] = [:]
        return try schemas.map { schema in
            let name = schema.deletingPathExtension().lastPathComponent + ".swift"
            if let other = seen[name] {
                throw PluginError.clashingOutputs(schema.path, other.path, name)
            }
            seen[name] = schema
            return .buildCommand(
                displayName: "Generating \(name) from \(schema.lastPathComponent)",
                executable: tool.url,
                arguments: ["generate", schema.path, "--output", outputDirectory.path, "--quiet", "--build-plugin"],
                inputFiles: [schema, tool.url],
                outputFiles: [outputDirectory.appendingPathComponent(name)]
            )
        }
    }

    enum PluginError: Error, CustomStringConvertible {
        case clashingOutputs(String, String, String)

        var description: String {
            switch self {
            case let .clashingOutputs(a, b, name):
                "ContractGenPlugin: \(a) and \(b) would both generate \(name); rename one of them"
            }
        }
    }
}
