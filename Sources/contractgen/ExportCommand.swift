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
        var writer = OutputFiles()
        for (file, result) in results {
            guard let contract = result.contract else { continue }
            switch format {
            case .jsonSchema:
                writer.files += JSONSchemaExporter().documents(for: contract).map { ($0.fileName, $0.schema.rendered(), file) }
            case .markdown:
                writer.files.append((MarkdownExporter.fileName(forSchemaPath: file), MarkdownExporter().page(for: contract), file))
            }
        }
        // Two models of the same name, or two schemas of the same file name, would write one file.
        try writer.write(to: output, separator: format == .markdown ? "\n---\n\n" : "", verb: "export")
    }
}
