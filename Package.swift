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
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure domain: plans, actions, statuses, quarters, validation, derived facts. No I/O.
        .target(name: "PlanModel"),
        // Text that reaches a terminal: sanitising, display width, truncation.
        .target(name: "TerminalText"),
        // The JSON plan file: loading with precise errors, stable encoding, safe saving.
        .target(name: "PlanStore", dependencies: ["PlanModel", "TerminalText"]),
        // Workbooks as rows of cells: .xlsx read and written, .csv read. Knows nothing of plans.
        .target(
            name: "Spreadsheet",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Board reports: what changed, exceptions, exports (Markdown, HTML, CSV, JSON, XLSX, Mustache)
        // and the tracker import.
        .target(
            name: "PlanReports",
            dependencies: [
                "PlanModel", "TerminalText", "Spreadsheet", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The application layer under both front ends: opening a plan for editing (lock, read-only
        // reason, validation), saving (merge, backups, closed-quarter copies), export requests
        // (options → bytes → safe write) and the typed errors both front ends report.
        .target(name: "PlanApp", dependencies: ["PlanModel", "PlanStore", "PlanReports", "TerminalText", "Spreadsheet"]),
        // Wide-character ncurses, with C wrappers for what Swift 6 cannot import.
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The interactive front end: state, keymap, update, pure render, and a thin ncurses backend.
        .target(name: "PlanTUI", dependencies: ["PlanApp", "PlanModel", "PlanStore", "PlanReports", "TerminalText", "CNcurses"]),
        .executableTarget(
            name: "dplan",
            dependencies: [
                "PlanApp", "PlanModel", "PlanStore", "TerminalText", "PlanTUI", "PlanReports", "Spreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What tests share: outside programs (tmux, Chromium, pandoc…) as a `.requires` trait.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "PlanModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: ["Spreadsheet", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PlanReportsTests",
            dependencies: [
                "PlanReports", "PlanModel", "PlanStore", "Spreadsheet", "TestSupport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // Model-based property tests: random edit sequences keep every promise of docs/reliability.md.
        .testTarget(
            name: "PlanPropertyTests",
            dependencies: [
                "PlanModel", "PlanStore", "PlanReports", "PlanApp", "Spreadsheet",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PlanAppTests",
            dependencies: [
                "PlanApp", "PlanModel", "PlanStore", "PlanReports", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "DplanCLITests", dependencies: ["dplan", "PlanStore", "PlanModel", "Spreadsheet", "TerminalText", "TestSupport"]),
        .testTarget(
            name: "PlanTUITests",
            dependencies: [
                "PlanTUI", "PlanModel", "PlanStore", "dplan", "TestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
