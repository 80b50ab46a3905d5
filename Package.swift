// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ExecutionContracts",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ContractRuntime", targets: ["ContractRuntime"]),
        .library(name: "ContractSchema", targets: ["ContractSchema"]),
        .executable(name: "contractgen", targets: ["contractgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "ContractSchema", dependencies: ["CYAML"]),
        .target(name: "ContractRuntime"),
        .executableTarget(
            name: "contractgen",
            dependencies: [
                "ContractSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ContractSchemaTests",
            dependencies: ["ContractSchema"],
            path: "Tests/ContractSchemaTests"
        ),
        .testTarget(
            name: "ContractRuntimeTests",
            dependencies: ["ContractRuntime"]
        ),
        .testTarget(
            name: "ContractgenCLITests",
            dependencies: ["contractgen"]
        ),
    ]
)
