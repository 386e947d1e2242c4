// swift-tools-version: 6.1
// libFuzzer targets for every reader, in their own package so that the test command never builds them.
// Built by scripts/fuzz with `-sanitize=fuzzer,address` (and lld); each target runs one entry of _ReaderFuzzing.
import PackageDescription

let readers = ["native-grid", "tariff", "overlay", "solver-preset", "pypsa", "matpower", "history-csv", "state"]

let package = Package(
    name: "RE100Fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "RE100", path: "..")],
    targets: [
        // The libFuzzer driver every target shares: runs one reader entry per input.
        .target(name: "FuzzDriver", dependencies: [.product(name: "_ReaderFuzzing", package: "RE100")]),
    ] + readers.map { reader in
        .executableTarget(name: "fuzz-\(reader)", dependencies: ["FuzzDriver"], path: "Sources/fuzz-\(reader)")
    },
    swiftLanguageModes: [.v5]
)
