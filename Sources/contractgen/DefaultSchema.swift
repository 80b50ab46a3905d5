import ArgumentParser
import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import Foundation

/// What commands read when no schema is named: `schema/execution.yaml` in the current directory.
///
/// Outside this repository that file is usually missing. `validate` and `export` then use the copy of
/// the contract compiled into contractgen (``BundledContract/execution``); `lint`, `generate` and
/// `check` work on schema files, so they say which file to name instead.
enum DefaultSchema {
    /// `schema/execution.yaml`.
    static var path: String { BundledContract.execution.path }

    /// Whether the default schema file exists in the current directory.
    static var isPresent: Bool { FileManager.default.fileExists(atPath: path) }

    /// Prints why `command` has nothing to read and what to write instead, and returns exit code 2.
    static func missing(command: String, example: String) -> ExitCode {
        let directory = DisplayText.escaped(FileManager.default.currentDirectoryPath)
        Console.standardError("""
            error: no schema named, and the default \(path) is not in \(directory); \
            name the schema: contractgen \(command) \(example)

            """)
        return ExitCode(2)
    }

    /// The built-in contract, loaded with `limits`, for a command that falls back to it. When it cannot
    /// be used (limits lower than its size, say), prints that its findings are about the built-in copy,
    /// since no such file is at hand.
    static func builtIn(limits: YAMLLimits) -> SchemaLoadResult {
        let result = BundledContract.execution.load(limits: limits)
        if !result.isValid {
            Console.standardError("note: \(path) is not in this directory; these findings are about the built-in copy\n")
        }
        return result
    }
}
