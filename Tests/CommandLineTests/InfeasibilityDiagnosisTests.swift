import ArgumentParser
import DispatchOptimizer
import Foundation
import LinearProgramming
import Logging
import Testing
@testable import re100

@Suite("infeasible dispatches")
struct InfeasibilityDiagnosisTests {
    /// single-bus with a 1 MW import limit and a load that may not be shed: infeasible from the first hour.
    static func starvedGrid(in directory: URL) throws -> URL {
        let source = DispatchCommandTests.root.appendingPathComponent("grids/single-bus")
        let grid = directory.appendingPathComponent("starved")
        try FileManager.default.createDirectory(at: grid, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("series.csv"),
                                         to: grid.appendingPathComponent("series.csv"))
        let tariffs = DispatchCommandTests.root.appendingPathComponent("grids/tariffs").path
        let text = try String(contentsOf: source.appendingPathComponent("grid.toml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("value_of_lost_load") }
            .joined(separator: "\n")
            .replacingOccurrences(of: "import_limit_mw = 15.0", with: "import_limit_mw = 1.0")
            .replacingOccurrences(of: "../tariffs", with: tariffs)
        try text.write(to: grid.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        return grid
    }

    @Test func exitsOneAndWritesTheStatus() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = try Self.starvedGrid(in: directory)
        let out = directory.appendingPathComponent("out").path
        var command = try DispatchCommand.parseAsRoot([grid.path, "--hours", "24", "--out", out])
        #expect(throws: ExitCode(1)) { try command.run() }
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"status\" : \"infeasible\""))
        #expect(summary.contains("\"objective\" : null"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["summary.json"])
    }

    @Test func diagnosisNamesTheRowsOfTheLoadsBus() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = try GridLoader.load(try Self.starvedGrid(in: directory).path, scenarios: [], logger: Logger(label: "test"))
        let result = try DispatchOptimizer.dispatch(grid.network, options: DispatchOptions(hourCount: 24), solver: GLPKSolver())
        #expect(result.status == .infeasible)
        let lines = ExitStatus.diagnosisLines(result.diagnosis)
        #expect(lines.first?.hasPrefix("constraints that cannot all hold") == true)
        #expect(lines.dropFirst().contains { $0.hasPrefix("bal(site,t") && $0.contains(" must be violated by ") })
        #expect(ExitStatus.diagnosisLines(nil) == ["no diagnosis: the elastic re-solve found no violated rows"])
    }
}
