// swift-tools-version: 6.1
// Benchmarks live in their own package so that the test command never builds them.
import PackageDescription

let package = Package(
    name: "RE100Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "RE100", path: "..")],
    targets: [
        .executableTarget(
            name: "re100-bench",
            dependencies: [
                .product(name: "LinearProgramming", package: "RE100"),
                .product(name: "GridModel", package: "RE100"),
                .product(name: "EnergyCalendar", package: "RE100"),
                .product(name: "DispatchOptimizer", package: "RE100"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ]
)
