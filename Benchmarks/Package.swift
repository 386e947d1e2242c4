// swift-tools-version: 6.1
// Benchmarks for re100, kept out of the main package so `swift test` never builds them.
import PackageDescription

let package = Package(
    name: "RE100Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "RE100", path: ".."),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // Numeric CSV reading speed and peak memory: re100's reader versus SwiftCSV (scripts/bench-csv).
        .executableTarget(
            name: "CSVReadBenchmark",
            dependencies: [
                .product(name: "GridIO", package: "RE100"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        )
    ]
)
