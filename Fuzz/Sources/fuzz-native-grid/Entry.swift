import FuzzDriver

/// SwiftPM links executables with `main` aliased to `<module>_main`; libFuzzer's driver runs from here.
@_cdecl("fuzz_native_grid_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(.nativeGrid, argc: argc, argv: argv)
}
