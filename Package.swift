// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ExecutionContracts",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ContractRuntime", targets: ["ContractRuntime"]),
        .library(name: "ContractSchema", targets: ["ContractSchema"]),
        .library(name: "ContractSchemaLoader", targets: ["ContractSchemaLoader"]),
        .library(name: "ContractCodegen", targets: ["ContractCodegen"]),
        .library(name: "ContractEvolution", targets: ["ContractEvolution"]),
        .library(name: "ExecutionContracts", targets: ["ExecutionContracts"]),
        .library(name: "ContractRunTracking", targets: ["ContractRunTracking"]),
        .executable(name: "contractgen", targets: ["contractgen"]),
        .plugin(name: "ContractGenPlugin", targets: ["ContractGenPlugin"]),
        .plugin(name: "GenerateContracts", targets: ["GenerateContracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // `swift package generate-documentation` (DocC) for ContractRuntime and ExecutionContracts.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The checked contract, rules, naming and diagnostics: no YAML. ContractRuntime owns the vocabulary
        // the contract shares with generated code (Outcome, ErrorCategory, RetryPolicy) and text helpers.
        .target(name: "ContractSchema", dependencies: ["ContractRuntime"]),
        // Reading and checking a schema file: libyaml, the loader and lint; produces a ContractSchema.Contract.
        .target(name: "ContractSchemaLoader", dependencies: ["CYAML", "ContractSchema"]),
        // simdjson's first stage in C (AVX2 intrinsics): bit masks of 64-byte blocks of JSON, for skipValue.
        .target(name: "CJSONBlocks"),
        .target(name: "ContractRuntime", dependencies: ["CJSONBlocks"]),
        .target(name: "ContractCodegen", dependencies: ["ContractSchema"]),
        .target(name: "ContractEvolution", dependencies: ["ContractSchema"]),
        .target(name: "ExecutionContracts", dependencies: ["ContractRuntime"]),
        .target(name: "ContractValidation", dependencies: ["ContractSchema", "ContractRuntime"]),
        .target(name: "ContractRunTracking", dependencies: ["ContractRuntime"]),
        // Language-neutral test vectors derived from a checked contract (`contractgen conformance`).
        .target(name: "ContractConformance", dependencies: ["ContractSchema", "ContractValidation", "ContractRuntime"]),
        .executableTarget(
            name: "contractgen",
            dependencies: [
                "ContractSchema",
                "ContractSchemaLoader",
                "ContractCodegen",
                "ContractEvolution",
                "ContractValidation",
                "ContractConformance",
                "ContractRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "ContractGenPlugin",
            capability: .buildTool(),
            dependencies: ["contractgen"]
        ),
        .plugin(
            name: "GenerateContracts",
            capability: .command(
                intent: .custom(verb: "generate-contracts",
                                description: "Regenerate checked-in Swift from contract schemas."),
                permissions: [.writeToPackageDirectory(reason: "Rewrites the checked-in generated contract code.")]
            ),
            dependencies: ["contractgen"]
        ),
        // Seeded random generators (schemas, rule expressions) and the property-check harness shared by
        // the test targets; not a product.
        .target(
            name: "PropertyTesting",
            dependencies: ["ContractSchema", "ContractSchemaLoader", "ContractRuntime"],
            path: "Tests/PropertyTesting"
        ),
        .testTarget(
            name: "ContractSchemaTests",
            dependencies: ["ContractSchema", "ContractSchemaLoader", "PropertyTesting"],
            path: "Tests/ContractSchemaTests"
        ),
        .testTarget(
            name: "ContractSchemaLoaderTests",
            dependencies: ["ContractSchema", "ContractSchemaLoader", "PropertyTesting", "TestSupport"],
            path: "Tests/ContractSchemaLoaderTests"
        ),
        .testTarget(
            name: "ContractRuntimeTests",
            dependencies: ["ContractRuntime", "CJSONBlocks", "PropertyTesting"]
        ),
        .testTarget(
            name: "ContractCodegenTests",
            dependencies: ["ContractCodegen", "ContractSchema", "ContractSchemaLoader", "PropertyTesting", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "GeneratedCodeTests",
            // ContractSchema reads the seed schemas, so lifecycle tests compare with the schema itself.
            // ContractRunTracking holds the generated AgentRun and ExecutionFeed types these tests exercise.
            dependencies: ["ExecutionContracts", "ContractRunTracking", "ContractRuntime", "ContractSchema", "ContractSchemaLoader",
                           "ContractValidation", "PropertyTesting", "DecodingDifferential"]
        ),
        .target(
            // Not a product: the differential decoding policy that GeneratedCodeTests and the FuzzValidate
            // fuzz target share.
            name: "DecodingDifferential",
            dependencies: ["ExecutionContracts", "ContractValidation", "ContractSchema", "ContractSchemaLoader", "ContractRuntime"],
            path: "Tests/DecodingDifferential"
        ),
        .testTarget(
            name: "ContractValidationTests",
            dependencies: ["ContractValidation", "ContractSchema", "ContractSchemaLoader", "ContractRuntime"]
        ),
        .testTarget(
            name: "ContractConformanceTests",
            dependencies: ["ContractConformance", "ContractSchema", "ContractSchemaLoader", "ContractValidation", "ContractRuntime"]
        ),
        .testTarget(
            name: "ContractEvolutionTests",
            dependencies: ["ContractEvolution", "ContractSchema", "ContractSchemaLoader"]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // docs/Architecture.md's dependency rules, checked against this file.
        .testTarget(name: "ArchitectureTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "ContractgenCLITests",
            dependencies: ["contractgen", "TestSupport"]
        ),
    ]
)

// The run stores and their tests bring in swift-nio, swift-crypto and BoringSSL through the database
// drivers. CI's thread-sanitizer pass sets CONTRACTS_CORE_ONLY=1 to build the package without them, so
// that pass does not compile those libraries a second time, and fuzzing (CONTRACTS_FUZZ, below) leaves
// them out too; everything else always includes them.
if Context.environment["CONTRACTS_CORE_ONLY"] == nil && Context.environment["CONTRACTS_FUZZ"] == nil {
    package.products += [
        .library(name: "ContractRunStoreSQLite", targets: ["ContractRunStoreSQLite"]),
        .library(name: "ContractRunStorePostgres", targets: ["ContractRunStorePostgres"]),
        .library(name: "ContractRunStores", targets: ["ContractRunStores"]),
        .executable(name: "contractgen-runs", targets: ["contractgen-runs"]),
    ]
    package.dependencies += [
        // Database drivers for the run stores only; ContractRunTracking itself links neither.
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ]
    package.targets += [
        .target(
            name: "ContractRunStoreSQLite",
            dependencies: ["ContractRunTracking", .product(name: "SQLiteNIO", package: "sqlite-nio")]
        ),
        .target(
            name: "ContractRunStorePostgres",
            dependencies: ["ContractRunTracking", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "ContractRunStores",
            dependencies: ["ContractRunStoreSQLite", "ContractRunStorePostgres"]
        ),
        // `contractgen runs`: a separate executable so that contractgen (and the build plugin's copy of
        // it) does not link the database drivers; contractgen hands `runs` over to it.
        .executableTarget(
            name: "contractgen-runs",
            dependencies: ["ContractRunStores", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Begins a run and waits to be killed: the SIGKILL sweep tests run it as a child process.
        .executableTarget(
            name: "RunTrackerChild",
            dependencies: ["ContractRunStores"],
            path: "Tests/RunTrackerChild"
        ),
        // Databases the run store and `runs` CLI tests write with plain SQL (foreign, malformed or
        // fresh ones); not a product.
        .target(
            name: "RunStoreTestSupport",
            dependencies: ["ContractRunStorePostgres", .product(name: "SQLiteNIO", package: "sqlite-nio"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/RunStoreTestSupport"
        ),
        .testTarget(
            name: "ContractRunsCLITests",
            dependencies: ["contractgen", "contractgen-runs", "RunTrackerChild", "ContractRunStores", "TestSupport",
                           "RunStoreTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "SQLiteNIO", package: "sqlite-nio")]
        ),
        .testTarget(
            name: "ContractRunTrackingTests",
            // ContractCodegen and ContractSchema regenerate the checked-in AgentRun/ExecutionFeed code.
            dependencies: ["ContractRunTracking", "ContractRunStoreSQLite", "ContractRunStorePostgres",
                           "ContractCodegen", "ContractSchema", "ContractSchemaLoader", "RunStoreTestSupport",
                           .product(name: "SQLiteNIO", package: "sqlite-nio"),
                           .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
    ]
}

// libFuzzer targets (Fuzz/NAME/), only when CONTRACTS_FUZZ is set; `scripts/fuzz.sh` builds them with
// `--sanitize=fuzzer`, where libFuzzer supplies `main`. An ordinary executable defines `main` too and
// would not link, and plugins and tests need one, so the fuzzing package holds the package's own
// libraries and the fuzz targets only, and one `swift build` builds all of them.
if Context.environment["CONTRACTS_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzSchemaLint", ["ContractSchema", "ContractSchemaLoader", "ContractCodegen", "ContractValidation"]),
        ("FuzzRuleExpression", ["ContractSchema"]),
        ("FuzzCodePattern", ["ContractSchema"]),
        ("FuzzJSONReader", ["ContractRuntime", "CJSONBlocks"]),
        ("FuzzValidate", ["ContractValidation", "ContractSchema", "ContractSchemaLoader", "ContractRuntime", "ExecutionContracts", "DecodingDifferential"]),
    ]
    // swift-argument-parser serves contractgen only, and `swift build` would link its executables too.
    // (With no dependencies SwiftPM deletes Package.resolved; scripts/fuzz.sh puts it back.)
    package.dependencies.removeAll()
    package.targets.removeAll { [.executable, .plugin, .test].contains($0.type) }
    package.products.removeAll { $0 is Product.Executable || $0 is Product.Plugin }
    package.targets += fuzzTargets.map {
        .executableTarget(name: $0.name, dependencies: $0.dependencies, path: "Fuzz/\($0.name)")
    }
    package.products += fuzzTargets.map { .executable(name: $0.name, targets: [$0.name]) }
}

// CI's thread-sanitizer pass runs a few suites of a few test targets; with CONTRACTS_TEST_TARGETS=A,B (and
// CONTRACTS_CORE_ONLY) the package keeps only those test targets and the targets they depend on, and no
// products, so that pass does not compile contractgen, the code generators or the other test targets.
if let wanted = Context.environment["CONTRACTS_TEST_TARGETS"] {
    var kept = Set(wanted.split(separator: ",").map(String.init))
    var pending = Array(kept)
    let targetsByName = Dictionary(uniqueKeysWithValues: package.targets.map { ($0.name, $0) })
    while let name = pending.popLast() {
        for dependency in targetsByName[name]?.dependencies ?? [] {
            switch dependency {
            case .targetItem(let dependencyName, _), .byNameItem(let dependencyName, _):
                if kept.insert(dependencyName).inserted { pending.append(dependencyName) }
            default:
                break
            }
        }
    }
    package.targets.removeAll { !kept.contains($0.name) }
    package.products.removeAll()
}
