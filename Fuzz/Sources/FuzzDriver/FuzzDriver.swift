import Foundation
import _ReaderFuzzing

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The reader and context of this process (one target per executable).
private var current: (target: ReaderFuzzing.Target, context: ReaderFuzzing.Context)?

/// libFuzzer's entry: one input to the current reader. Exported so libFuzzer's own `main` object links.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let (target, context) = current else { return 0 }
    ReaderFuzzing.run(target, UnsafeRawBufferPointer(start: data, count: size), context: context)
    return 0
}

/// Runs libFuzzer with the process's arguments on `target`, scratch files in `RE100_FUZZ_SCRATCH` (default: a
/// folder under the temporary directory named after the process).
public func runFuzzer(_ target: ReaderFuzzing.Target, argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let environment = ProcessInfo.processInfo.environment
    let scratch = environment["RE100_FUZZ_SCRATCH"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("re100-fuzz-\(target.rawValue)-\(getpid())")
    // Fuzz/Sources/FuzzDriver/FuzzDriver.swift -> the repository root.
    let repository = environment["RE100_REPOSITORY"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    current = (target, ReaderFuzzing.Context(scratch: scratch, repository: repository))
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
