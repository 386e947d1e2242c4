// swift-tools-version: 6.1
// Benchmarks live in their own package so that the test command never builds them.
import PackageDescription

let package = Package(
    name: "RE100Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "RE100", path: ".."),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // LP build/load and dispatch timings (scripts/bench).
        .executableTarget(
            name: "re100-bench",
            dependencies: [
                .product(name: "LinearProgramming", package: "RE100"),
                .product(name: "GridModel", package: "RE100"),
                .product(name: "EnergyCalendar", package: "RE100"),
                .product(name: "DispatchOptimizer", package: "RE100"),
                .product(name: "GridIO", package: "RE100"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        // Numeric CSV reading speed and peak memory: re100's reader versus SwiftCSV (scripts/bench-csv).
        .executableTarget(
            name: "CSVReadBenchmark",
            dependencies: [
                .product(name: "GridIO", package: "RE100"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
    ]
)
