import FuzzDriver

/// SwiftPM links executables with `main` aliased to `<module>_main`; libFuzzer's driver runs from here.
@_cdecl("fuzz_state_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(.state, argc: argc, argv: argv)
}
