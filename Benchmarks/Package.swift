// swift-tools-version: 6.1
// Benchmarks, kept out of the main package so CI and consumers never build them.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "ExecutionContractsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ExecutionContracts", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        // The plain-statement baselines of RunStoreBenchmarks use the stores' drivers directly.
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .executableTarget(
            name: "CodegenBenchmarks",
            dependencies: [
                .product(name: "ContractSchema", package: "ExecutionContracts"),
                .product(name: "ContractCodegen", package: "ExecutionContracts"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CodegenBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                .product(name: "ContractRuntime", package: "ExecutionContracts"),
                .product(name: "ExecutionContracts", package: "ExecutionContracts"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RuntimeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The plain-statement lifecycles both run store benchmarks compare the tracker with.
        .target(
            name: "RunStoreBaseline",
            dependencies: [
                .product(name: "ContractRunStores", package: "ExecutionContracts"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/RunStoreBaseline"
        ),
        .executableTarget(
            name: "RunStoreBenchmarks",
            dependencies: [
                "RunStoreBaseline",
                .product(name: "ContractRunStores", package: "ExecutionContracts"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RunStoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Plain executable (no benchmark plugin): lifecycles per second of the tracker and of the plain
        // statements, interleaved round by round on the same machine; run by run-store-bench.sh.
        .executableTarget(
            name: "RunStoreLifecycles",
            dependencies: [
                "RunStoreBaseline",
                .product(name: "ContractRunStores", package: "ExecutionContracts"),
            ],
            path: "Benchmarks/RunStoreLifecycles"
        ),
        // Plain executable (no benchmark plugin): streams a JSON Lines file through the generated decoder
        // or Foundation's JSONDecoder. Driven by run-validation-bench.sh, compared with pydantic and msgspec.
        .executableTarget(
            name: "DecodeBenchmarks",
            dependencies: [
                .product(name: "ExecutionContracts", package: "ExecutionContracts"),
                .product(name: "ContractRuntime", package: "ExecutionContracts"),
            ],
            path: "Benchmarks/DecodeBenchmarks"
        ),
    ]
)
