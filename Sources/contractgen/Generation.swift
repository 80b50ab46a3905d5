import ArgumentParser
import ContractCodegen
import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import Foundation

extension OutputLanguage: ExpressibleByArgument {}

/// Access level of generated declarations.
enum AccessOption: String, ExpressibleByArgument, CaseIterable {
    case `public`, package, `internal`

    var level: AccessLevel {
        switch self {
        case .public: .public
        case .package: .package
        case .internal: .internal
        }
    }
}

/// Generation shared by `generate` and `check`: what to generate (the schemas named, or without
/// arguments every entry of `contractgen.yaml`, or the bundled default), the plan for each output
/// directory (from ContractCodegen), and the loaded contracts. This only prints problems.
struct Generation {
    /// Schemas generated into one directory at one access level.
    struct Job {
        var files: [String]
        var output: String
        var access: AccessOption
        var language: OutputLanguage = .swift
        /// The bundled default (`schema/execution.yaml`): when it is missing, say which file to name.
        var isDefault = false
    }

    /// Where the bundled default contract's generated code is checked in.
    static let defaultOutput = "Sources/ExecutionContracts/Generated"

    /// The jobs the arguments ask for. Schemas named: one job into `output`. None named and no `output`:
    /// the entries of `contractgen.yaml` when the current directory has one, grouped by output directory
    /// and access level in the order written; else the default contract into ``defaultOutput``.
    static func jobs(schemas: [String], output: String?, access: AccessOption, language: OutputLanguage) throws -> [Job] {
        if !schemas.isEmpty { return [Job(files: schemas, output: output ?? defaultOutput, access: access, language: language)] }
        guard output == nil, FileManager.default.fileExists(atPath: GenerationManifest.fileName) else {
            return [Job(files: [DefaultSchema.path], output: output ?? defaultOutput, access: access, language: language,
                        isDefault: true)]
        }
        let (manifest, diagnostics) = GenerationManifest.load(contentsOf: GenerationManifest.fileName)
        Console.standardError(DiagnosticRenderer.render(diagnostics))
        guard let manifest else { throw ExitCode(diagnostics.contains { $0.location == nil } ? 2 : 1) }
        var jobs: [Job] = []
        for entry in manifest.entries {
            let access = AccessOption(rawValue: entry.access) ?? .public
            let language = OutputLanguage(rawValue: entry.language) ?? .swift
            if let index = jobs.firstIndex(where: { $0.output == entry.output && $0.access == access && $0.language == language }) {
                jobs[index].files.append(entry.schema)
            } else {
                jobs.append(Job(files: [entry.schema], output: entry.output, access: access, language: language))
            }
        }
        return jobs
    }

    /// The plan for `job`; a clash (two schemas, one file) is printed and exits 2.
    static func plan(_ job: Job, buildPlugin: Bool = false) throws -> GenerationPlan {
        do {
            return try GenerationPlan(schemas: job.files, outputDirectory: job.output, language: job.language,
                                      buildPlugin: buildPlugin)
        } catch {
            Console.standardError("error: \(DisplayText.escaped(error.description))\n")
            throw ExitCode(2)
        }
    }

    /// `job`'s schemas, loaded and linted, their findings printed; exits with 1 or 2 when any has errors
    /// or cannot be read.
    static func load(_ job: Job, options: SchemaOptions, command: String) throws -> [(file: String, result: SchemaLoadResult)] {
        let session = SchemaSession(options: options)
        let results = job.isDefault
            ? try session.loadAll(missingDefault: .nameTheFile(
                command: command, example: "path/to/contract.yaml --output DIR, or list the schemas in contractgen.yaml"))
            : session.load(job.files)
        let code = SchemaSession.report(results)
        guard code == .success else { throw code }
        return results
    }

    /// The generator for `job`'s language.
    static func generator(for job: Job) -> any ContractCodeGenerator {
        CodeGenerators.generator(for: job.language, access: job.access.level)
    }

    /// The files besides the modules that `job`'s output directory holds: the language's runtime.
    static func runtimeFiles(for job: Job) -> [(path: String, contents: String)] {
        (job.language.runtimeFiles ?? []).map { (job.output.hasSuffix("/") ? job.output + $0.path : job.output + "/" + $0.path, $0.contents) }
    }
}
