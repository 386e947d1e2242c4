import Foundation
import GridIO
import LinearProgramming
import Testing
import TestSupport
@testable import Planning

@Suite("solver presets")
struct SolverPresetLoaderTests {
    private static let presets = TestFolders.root.appendingPathComponent("solver-configs")

    @Test func defaultFileEqualsCompiledInDefaults() throws {
        let options = try SolverPresetLoader.load(contentsOf: Self.presets.appendingPathComponent("default.toml"))
        #expect(options == SolverOptions())
    }

    @Test(arguments: ["fast.toml", "robust.toml", "mip.toml"])
    func bundledPresetsLoad(file: String) throws {
        _ = try SolverPresetLoader.load(contentsOf: Self.presets.appendingPathComponent(file))
    }

    @Test func everyKeyIsRead() throws {
        let source = try TOMLSource(text: """
            method = "dual_simplex"
            presolve = true
            scaling = "geometric"
            time_limit_seconds = 30
            iteration_limit = 5000
            mip_gap = 0.01
            message_level = "all"
            """, file: "p.toml")
        let options = try SolverPresetLoader.options(from: source)
        #expect(options == SolverOptions(method: .dualSimplex, presolve: true, scaling: .geometric, timeLimitSeconds: 30,
                                         iterationLimit: 5000, mipGap: 0.01, messageLevel: .all))
    }

    @Test func everyProblemIsReportedWithItsLine() throws {
        let source = try TOMLSource(text: """
            # preset
            method = "simplex"
            presolve = "yes"
            time_limit = 10
            mip_gap = 1.5
            """, file: "p.toml")
        do {
            _ = try SolverPresetLoader.options(from: source)
            Issue.record("expected errors")
        } catch {
            let found = error.errors.map { "\($0.line) \($0.field ?? "") \($0.message)" }.sorted()
            #expect(found == ["2 method unknown value", "3 presolve wrong value type", "4 time_limit unknown key", "5 mip_gap value out of range"]
                .sorted())
            #expect(error.errors.allSatisfy { $0.file == "p.toml" })
        }
    }

    /// A finite but absurd time limit is a located error, not a trap when GLPK's milliseconds are computed.
    @Test(arguments: ["1e300", "31536001", "inf", "-1"])
    func absurdTimeLimitsAreLocatedErrors(limit: String) throws {
        let source = try TOMLSource(text: "method = \"dual_simplex\"\ntime_limit_seconds = \(limit)\n", file: "p.toml")
        #expect {
            try SolverPresetLoader.options(from: source)
        } throws: { error in
            (error as? GridDiagnostics)?.errors.map(\.line) == [2]
        }
    }
}
