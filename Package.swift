// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RE100",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "re100", targets: ["re100"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "LinearProgramming", dependencies: ["CGLPK"]),
        .executableTarget(
            name: "re100",
            dependencies: [
                "LinearProgramming",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
    ]
)
