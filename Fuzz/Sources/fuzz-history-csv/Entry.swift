import FuzzDriver

/// SwiftPM links executables with `main` aliased to `<module>_main`; libFuzzer's driver runs from here.
@_cdecl("fuzz_history_csv_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(.historyCSV, argc: argc, argv: argv)
}
