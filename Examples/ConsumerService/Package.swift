// swift-tools-version: 6.1
// A service that adopts ExecutionContracts: it applies the build plugin to its own contract
// (Sources/ConsumerService/orders.yaml) and imports the shared ExecutionContracts product.
import PackageDescription

let package = Package(
    name: "ConsumerService",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ExecutionContracts", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ConsumerService",
            dependencies: [
                .product(name: "ExecutionContracts", package: "ExecutionContracts"),
                .product(name: "ContractRuntime", package: "ExecutionContracts"),
            ],
            plugins: [.plugin(name: "ContractGenPlugin", package: "ExecutionContracts")]
        ),
    ]
)
