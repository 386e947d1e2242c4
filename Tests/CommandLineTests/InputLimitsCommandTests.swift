import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import re100

/// Flags are range-checked before they become sizes or counts (issue 14): out-of-range values are usage errors
/// (exit 64) naming the flag, never an overflow, an allocation failure or a run of minutes.
@Suite("Flag limits")
struct InputLimitsCommandTests {
    static let singleBus = TestFolders.bundledGrid("single-bus").path
    static let history = TestFolders.bundledGrid("gwangju-bitgreen-ops").appendingPathComponent("history/loads.csv").path

    /// The exit code and stderr-free outcome of `re100 arguments` run in this process.
    static func exitCode(_ arguments: [String]) -> ExitCode {
        do {
            var command = try RE100Command.parseAsRoot(arguments)
            try command.run()
            return .success
        } catch {
            return RE100Command.exitCode(for: error)
        }
    }

    @Test(arguments: [
        ["dispatch", singleBus, "--hours", "9223372036854775807"],
        ["dispatch", singleBus, "--hours", "87841"],
        ["dispatch", singleBus, "--window", "9223372036854775807", "--step", "1"],
        ["dispatch", singleBus, "--hours", "24", "--window", "48", "--step", "24"],
        ["export-lp", singleBus, "--hours", "1000000000", "--out", "/tmp/never.lp"],
        ["forecast", history, "--horizon", "9223372036854775807"],
        ["backtest", history, "--model", "snaive24", "--horizon", "0"],
        ["compare", singleBus, "--scenario", "x.toml", "--jobs", "1000000"],
        ["run", singleBus, "--out", "/tmp/never", "--wait", "1e300"],
    ])
    func outOfRangeFlagsAreUsageErrors(arguments: [String]) {
        #expect(Self.exitCode(arguments) == ExitCode(64), "\(arguments)")
    }

    @Test func aWindowWithinTheHorizonStillRuns() {
        #expect(Self.exitCode(["dispatch", Self.singleBus, "--hours", "24", "--window", "24", "--step", "12", "--format", "json"]) == .success)
    }
}
