import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import ContractValidation

// Fuzz target for the YAML reader, the schema loader and lint: what `contractgen lint` runs
// (`scripts/fuzz.sh FuzzSchemaLint SECONDS`).
//
// Every input is loaded as a schema file and its findings rendered. Nothing may crash, and every finding
// must have a 1-based position. A schema that lints clean is then handed to everything that trusts
// lint: the Swift generator, both exporters and the record validator's planner. A violated expectation
// is reported by `fatalError`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaLint(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let result = SchemaLoader().load(bytes: bytes, file: "fuzz.yaml")
    _ = DiagnosticRenderer.render(result.diagnostics)
    for diagnostic in result.diagnostics {
        let locations = [diagnostic.location] + diagnostic.notes.map(\.location)
        for case let location? in locations where location.line < 1 || location.column < 1 || location.line > count + 1 {
            fatalError("FuzzSchemaLint: finding at \(location) outside the input: \(diagnostic); input \(describe(bytes))")
        }
    }
    guard let contract = result.contract, result.isValid else { return 0 }
    _ = SwiftGenerator(options: SwiftGeneratorOptions())
        .generate(contract, schemaPath: "fuzz.yaml", provenance: .command(outputDirectory: "Generated"))
    _ = MarkdownExporter().page(for: contract)
    _ = JSONSchemaExporter().documents(for: contract)
    for model in contract.models {
        do {
            _ = try RecordValidator(contract: contract, model: model.name)
        } catch {
            fatalError("FuzzSchemaLint: no validator for model \(model.name) of a clean schema: \(error); input \(describe(bytes))")
        }
    }
    return 0
}

private func describe(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self).debugDescription
}
