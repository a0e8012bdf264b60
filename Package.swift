// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dplan", targets: ["dplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure domain: plans, actions, statuses, quarters, validation, derived facts. No I/O.
        .target(name: "PlanModel"),
        // Text that reaches a terminal: sanitising, display width, truncation.
        .target(name: "TerminalText"),
        // The JSON plan file: loading with precise errors, stable encoding, safe saving.
        .target(name: "PlanStore", dependencies: ["PlanModel"]),
        .executableTarget(
            name: "dplan",
            dependencies: [
                "PlanModel", "PlanStore", "TerminalText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "PlanModel"]),
        .testTarget(name: "DplanCLITests", dependencies: ["dplan", "PlanStore", "PlanModel"]),
    ]
)
