// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RE100",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "re100", targets: ["re100"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "EnergyCalendar", targets: ["EnergyCalendar"]),
        .library(name: "GridModel", targets: ["GridModel"]),
        .library(name: "GridIO", targets: ["GridIO"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "DispatchOptimizer", targets: ["DispatchOptimizer"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "_ReaderFuzzing", targets: ["_ReaderFuzzing"]),
        .library(name: "Planning", targets: ["Planning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),  // GridIOTests only: reference parser
    ],
    targets: [
        // Solver layer: the only module that imports CGLPK.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "LinearProgramming", dependencies: ["CGLPK"]),

        // Domain and data.
        .target(name: "EnergyCalendar"),
        .target(name: "GridModel", dependencies: ["EnergyCalendar"]),
        .target(name: "GridIO", dependencies: ["GridModel", "EnergyCalendar"]),
        .target(name: "Forecasting", dependencies: ["EnergyCalendar"]),
        .target(name: "DispatchOptimizer", dependencies: ["GridModel", "LinearProgramming"]),
        // Reporting reads the result files back (for `re100 report`) with GridIO's numeric CSV reader.
        .target(name: "Reporting", dependencies: ["DispatchOptimizer", "Forecasting", "GridIO"]),

        // The pipeline every command shares: grid sources, horizons, dispatch jobs, result folders, runs, history.
        .target(
            name: "Planning",
            dependencies: [
                "GridIO", "Forecasting", "DispatchOptimizer", "Reporting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Command-line interface.
        .executableTarget(
            name: "re100",
            dependencies: [
                "Planning", "LinearProgramming", "EnergyCalendar", "GridModel", "GridIO", "Forecasting",
                "DispatchOptimizer", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The readers' fuzz entries (Fuzz/ builds them with libFuzzer; ReaderFuzzingTests replays what it found).
        .target(name: "_ReaderFuzzing", dependencies: ["GridIO", "GridModel", "EnergyCalendar", "Planning"]),

        // Fixtures shared by the test targets: grid folders, networks built in code, scratch folders, a recording logger.
        .target(
            name: "TestSupport",
            dependencies: ["GridModel", "EnergyCalendar", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"
        ),

        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CGLPK"]),
        .testTarget(name: "EnergyCalendarTests", dependencies: ["EnergyCalendar"]),
        .testTarget(name: "GridModelTests", dependencies: ["GridModel", "TestSupport"]),
        .testTarget(
            name: "GridIOTests",
            dependencies: ["GridIO", "GridModel", "TestSupport", .product(name: "SwiftCSV", package: "SwiftCSV")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "EnergyCalendar"]),
        .testTarget(name: "DispatchOptimizerTests", dependencies: ["DispatchOptimizer", "GridIO", "GridModel"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "Planning", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ReaderFuzzingTests", dependencies: ["_ReaderFuzzing"], resources: [.copy("Regressions")]),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["re100", "Planning", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
