import Foundation
import PackagePlugin

/// Command plugin: rewrites checked-in generated code.
///
///     swift package --allow-writing-to-package-directory generate-contracts
///     swift package --allow-writing-to-package-directory generate-contracts schema/orders.yaml --output Sources/Orders/Generated
///
/// Without arguments it runs `contractgen generate` without arguments in the package root: every entry
/// of the package's `contractgen.yaml` (or, without one, `schema/execution.yaml` into
/// `Sources/ExecutionContracts/Generated`); with arguments they are passed to `contractgen generate` as
/// they are.
@main
struct GenerateContracts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "contractgen")
        let root = context.package.directoryURL
        let toolArguments = ["generate"] + arguments
        let process = Process()
        process.executableURL = tool.url
        process.arguments = toolArguments
        process.currentDirectoryURL = root
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("contractgen \(toolArguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
            throw ExitStatus(code: process.terminationStatus)
        }
    }

    struct ExitStatus: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "contractgen exited with status \(code)" }
    }
}
