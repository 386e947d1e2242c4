import Foundation
import GridIO
import LinearProgramming
import Logging
import Reporting
import Testing
import TestSupport
@testable import Planning

/// The scenario comparison (`re100 compare`) as a library: one horizon for every scenario, rows in order, failures
/// listed, and a folder whose report links only the scenario reports written.
@Suite("scenario comparisons")
struct ScenarioComparisonJobTests {
    static let singleBus = TestFolders.bundledGrid("single-bus").path
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// An overlay in `directory` setting single-bus's PV to `megawatts`.
    static func pvOverlay(_ name: String, megawatts: Double, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name + ".toml")
        try "[set]\ngenerators.pv.p_nom = \(megawatts)\n".write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func job(_ scenarios: [String], common: [String] = [], hours: Int?, start: String? = nil) throws -> ScenarioComparisonJob {
        try ScenarioComparisonJob(grid: singleBus, common: common, scenarios: scenarios, start: start, hours: hours, windows: nil,
                                  solver: SolverOptions(), solverPresetFile: nil, tariffs: NamedFileCatalog(folders: []),
                                  logger: quiet)
    }

    @Test func scenariosAreSolvedInOrderAndMorePVCostsLess() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let job = try Self.job([try Self.pvOverlay("bigger-pv", megawatts: 20, in: directory)], hours: 24)
        #expect(job.names == ["base", "bigger-pv"])
        #expect(try job.horizon.get() == Horizon(firstHour: 0, hourCount: 24, snapshotCount: 48))
        let outcomes = job.run(threads: 2, logger: Self.quiet)
        let (comparison, failures) = job.comparison(outcomes) { "\($0)" }
        #expect(failures.isEmpty)
        #expect(comparison.rows.map(\.scenario) == ["base", "bigger-pv"])
        #expect(comparison.rows.allSatisfy { $0.status == "optimal" && $0.hours == 24 })
        let costs = comparison.rows.compactMap { $0.value(.totalCost) }
        #expect(costs.count == 2 && costs[1] < costs[0])
        // The same outcomes on one thread.
        let serial = job.comparison(job.run(threads: 1, logger: Self.quiet)) { "\($0)" }.comparison
        #expect(try serial.json() == comparison.json())
    }

    /// A common overlay applies to the base and under every scenario (the scenario's own fields win); each row
    /// carries its overlay's study point, and two different x titles are bad input naming both files.
    @Test func commonOverlaysApplyEverywhereAndStudyPointsReachTheRows() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let common = try Self.pvOverlay("common", megawatts: 7, in: directory)
        let study = { (name: String, pv: Double, x: Double, title: String) throws -> String in
            let path = try Self.pvOverlay(name, megawatts: pv, in: directory)
            try (String(contentsOfFile: path, encoding: .utf8) + "[study]\nx = \(x)\nx_title = \"\(title)\"\nseries = \"s\"\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let job = try Self.job([try study("a", 20, 1, "pv (MW)"), try study("b", 30, 2, "")], common: [common], hours: 24)
        #expect(job.grids.map { $0.network.generators.first { $0.id == "pv" }?.nominalPower } == [7, 20, 30])
        #expect(job.grids.map { $0.scenarios.map(\.path) } == [[common], [common, directory.path + "/a.toml"],
                                                                 [common, directory.path + "/b.toml"]])
        let (comparison, _) = job.comparison([nil, nil, nil]) { "\($0)" }
        #expect(comparison.rows.map(\.study?.x) == [nil, 1, 2])
        #expect(comparison.xTitle == "pv (MW)")
        let other = try study("c", 40, 3, "other")
        #expect(throws: PlanningError.badInput("\(other): study.x_title: expected 'pv (MW)' (as in \(directory.path)/a.toml), "
            + "found 'other'")) {
            try Self.job([directory.path + "/a.toml", other], hours: 24)
        }
    }

    /// Hours past the axis fail every scenario with the horizon's error in its row (not the whole comparison);
    /// a start that is no snapshot fails the comparison at once.
    @Test func aHorizonPastTheAxisFailsEveryRow() throws {
        let job = try Self.job([], hours: 49)
        #expect(throws: PlanningError.horizonBeyondSnapshots(first: 0, count: 49, total: 48)) { try job.horizon.get() }
        let (comparison, failures) = job.comparison(job.run(threads: 1, logger: Self.quiet)) { "error: --hours: \($0)" }
        #expect(failures.count == 1)
        #expect(comparison.rows.map(\.error) == ["--hours: 49 hours from snapshot 0 exceed the grid's 48 snapshots"])
        #expect(throws: PlanningError.startNotASnapshot(start: "2026-04-03T00:30",
                                                         snapshots: "2026-04-03T00:00+09:00 .. 2026-04-04T23:00+09:00")) {
            try Self.job([], hours: 24, start: "2026-04-03T00:30")
        }
    }

    @Test func theFolderLinksTheScenarioReportsWritten() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let job = try Self.job([try Self.pvOverlay("bigger-pv", megawatts: 20, in: directory)], hours: 6)
        let outcomes = job.run(threads: 1, logger: Self.quiet)
        let comparison = job.comparison(outcomes) { "\($0)" }.comparison
        let out = directory.appendingPathComponent("out").path
        try job.write(comparison, outcomes: outcomes, to: out)
        for name in ["base", "bigger-pv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name + "/report.html"))
        }
        let written = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(written == ComparisonReport(comparison, linkedScenarios: ["base", "bigger-pv"]).render())
        #expect(try String(contentsOfFile: out + "/comparison.json", encoding: .utf8) == comparison.json())
    }
}
