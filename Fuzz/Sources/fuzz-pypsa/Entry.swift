import FuzzDriver

/// SwiftPM links executables with `main` aliased to `<module>_main`; libFuzzer's driver runs from here.
@_cdecl("fuzz_pypsa_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(.pypsa, argc: argc, argv: argv)
}
