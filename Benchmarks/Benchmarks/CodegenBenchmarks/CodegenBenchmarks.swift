import Benchmark
import ContractCodegen
import ContractSchema
import ContractSchemaLoader
import Foundation

/// Loading, linting and generating Swift for the synthetic contract (1,000 states, 5,000 transitions,
/// 500 error codes, 200 models) written by scripts/make-synthetic-schema.py, and for the default contract.
/// Set SYNTHETIC_SCHEMA to another file (e.g. one made with SCALE 2) to check that time grows linearly.
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let synthetic = ProcessInfo.processInfo.environment["SYNTHETIC_SCHEMA"]
        ?? root.appendingPathComponent("Tests/Fixtures/synthetic/large.yaml").path
    let execution = root.appendingPathComponent("schema/execution.yaml").path
    let generator = SwiftGenerator(options: SwiftGeneratorOptions(access: .public))

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 50)

    for (name, path) in [("synthetic", synthetic), ("execution", execution)] {
        Benchmark("load and lint \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(SchemaLoader().load(contentsOf: path))
            }
        }
        Benchmark("load, lint and generate \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                let result = SchemaLoader().load(contentsOf: path)
                guard let contract = result.contract, result.isValid else {
                    fatalError("benchmark schema \(path) does not lint clean")
                }
                blackHole(generator.generate(contract, schemaPath: path, provenance: .command(outputDirectory: "Generated")))
            }
        }
    }
}
