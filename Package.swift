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
        .target(name: "Reporting", dependencies: ["DispatchOptimizer", "Forecasting"]),

        // Command-line interface.
        .executableTarget(
            name: "re100",
            dependencies: [
                "LinearProgramming", "EnergyCalendar", "GridModel", "GridIO", "Forecasting",
                "DispatchOptimizer", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CGLPK"]),
        .testTarget(name: "EnergyCalendarTests", dependencies: ["EnergyCalendar"]),
        .testTarget(name: "GridModelTests", dependencies: ["GridModel"]),
        .testTarget(
            name: "GridIOTests",
            dependencies: ["GridIO", "GridModel", .product(name: "SwiftCSV", package: "SwiftCSV")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "EnergyCalendar"]),
        .testTarget(name: "DispatchOptimizerTests", dependencies: ["DispatchOptimizer", "GridIO", "GridModel"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "CommandLineTests", dependencies: ["re100"]),
    ]
)
