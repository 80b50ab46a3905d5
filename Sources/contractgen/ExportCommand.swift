import ArgumentParser
import ContractCodegen
import ContractRuntime
import ContractSchema
import Foundation

/// `contractgen export`: write JSON Schema or Markdown documentation for schemas.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export schemas as JSON Schema (one document per model) or Markdown with Mermaid diagrams.",
        discussion: """
        --format json-schema writes one JSON Schema (draft 2020-12) document per model, MODEL.schema.json: \
        field types, required keys, nullability, additionalProperties, enums, error codes and nested \
        models under $defs, and the rules JSON Schema can express (if/then/else, allOf). Every rule is \
        listed under the extension keyword x-contract-rules with "expressed": true or false; a rule \
        marked false (such as finished_at >= started_at) is checked only by contractgen validate and \
        the generated code.
        --format markdown writes one page per schema, SCHEMA.md: lifecycles as Mermaid stateDiagram-v2 \
        diagrams with state tables, enums, the error catalog, and each model's fields and rules.
        Without --output the documents go to standard output, one after another. Without a schema file \
        it exports schema/execution.yaml, or the copy of that contract built into contractgen when the \
        current directory has none.
        Schemas are linted first; any error stops the export (exit 1). Exit 2 for unreadable input or \
        an output directory that cannot be written.
        Examples:
          contractgen export --format markdown schema/execution.yaml --output docs
          contractgen export --format json-schema schema/agent_run.yaml --output schemas
        """
    )

    /// What to export.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonSchema = "json-schema"
        case markdown
    }

    @OptionGroup var schema: SchemaOptions

    @Option(help: "What to export: json-schema or markdown.")
    var format: Format

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory to write into (created if missing); standard output if omitted.",
                                                    valueName: "dir"))
    var output: String?

    func run() throws {
        let results = try SchemaSession(options: schema).loadAll(missingDefault: .useBuiltIn)
        let code = SchemaSession.report(results)
        guard code == .success else { throw code }
        var files: [(name: String, text: String, schema: String)] = []
        for (file, result) in results {
            guard let contract = result.contract else { continue }
            switch format {
            case .jsonSchema:
                files += JSONSchemaExporter().documents(for: contract).map { ($0.fileName, $0.schema.rendered(), file) }
            case .markdown:
                files.append((MarkdownExporter.fileName(forSchemaPath: file), MarkdownExporter().page(for: contract), file))
            }
        }
        // Two models of the same name, or two schemas of the same file name, would write one file.
        if output != nil, let clash = GenerationPlan.firstClash(files.map { ($0.name, $0.schema) }) {
            Console.standardError(DisplayText.escaped("""
                error: \(clash.sources.map { "`\($0)`" }.joined(separator: " and ")) would all write `\(clash.file)`; \
                export them into different directories (one --output each)
                """) + "\n")
            throw ExitCode(2)
        }
        guard let output else {
            Console.standardOutput(files.map(\.text).joined(separator: format == .markdown ? "\n---\n\n" : ""))
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Console.standardError(DisplayText.escaped("error: cannot create output directory \(output)") + "\n")
            throw ExitCode(2)
        }
        for file in files {
            let path = URL(fileURLWithPath: output).appendingPathComponent(file.name).path
            guard FileManager.default.createFile(atPath: path, contents: Data(file.text.utf8)) else {
                Console.standardError(DisplayText.escaped("error: cannot write \(path)") + "\n")
                throw ExitCode(2)
            }
            Console.standardError(DisplayText.escaped("wrote \(path)") + "\n")
        }
    }
}
