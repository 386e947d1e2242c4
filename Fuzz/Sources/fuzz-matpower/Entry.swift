import FuzzDriver

/// SwiftPM links executables with `main` aliased to `<module>_main`; libFuzzer's driver runs from here.
@_cdecl("fuzz_matpower_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(.matpower, argc: argc, argv: argv)
}
