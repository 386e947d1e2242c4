import ArgumentParser
import Foundation
import Testing
@testable import re100

@Suite("re100 compare", .serialized)
struct CompareCommandTests {
    static let root = DispatchCommandTests.root
    static let example = root.appendingPathComponent("grids/gwangju-bitgreen").path
    static let scenarios = ["larger-pv", "larger-battery", "ppa", "co2-cap"].map {
        root.appendingPathComponent("grids/gwangju-bitgreen/scenarios/\($0).toml").path
    }

    /// Runs `re100 compare` in-process; the exit code it threw, nil when it returned.
    static func compare(_ arguments: [String]) throws -> ExitCode? {
        var command = try CompareCommand.parseAsRoot(arguments + ["--log-level", "error", "--format", "csv"])
        do {
            try command.run()
            return nil
        } catch let exit as ExitCode {
            return exit
        }
    }

    /// Writes the overlay `name` with `text` into `directory`.
    static func overlay(_ name: String, _ text: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// An overlay `bigger-pv.toml` in `directory` doubling single-bus's PV to 20 MW.
    static func biggerPV(in directory: URL) throws -> URL {
        try overlay("bigger-pv.toml", "[set]\ngenerators.pv.p_nom = 20.0\n", in: directory)
    }

    static func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// Every file under `directory` (relative path → content), `summary.json`'s timing lines removed.
    static func files(under directory: URL) throws -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = directory.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let text = try String(contentsOfFile: full, encoding: .utf8)
            found[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("_s\" :") }.joined(separator: "\n")
        }
        return found
    }

    /// The flexibility study on one day: the clean supply and the 80 % CFE target apply to the base and under
    /// both flex overlays (each meets the target), whose `[study]` points make one line; with two points the
    /// least-squares slope is (cost at 40 − cost at 0) / 40.
    @Test func baseScenariosAndStudyPointsGiveTheCostLine() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("study").path
        let overlay = { (name: String) in Self.root.appendingPathComponent("grids/gwangju-bitgreen/scenarios/\(name).toml").path }
        #expect(try Self.compare([Self.example, "--start", "2026-07-06T00:00", "--hours", "24", "--jobs", "2", "--out", out,
                                  "--base-scenario", overlay("clean-supply"), "--base-scenario", overlay("cfe-80"),
                                  "--scenario", overlay("flex-0"), "--scenario", overlay("flex-40")]) == nil)
        let comparison = try Self.json(out + "/comparison.json")
        let rows = try #require(comparison["rows"] as? [[String: Any]])
        #expect(rows.map { $0["x"] as? Double } == [nil, 0, 40])
        #expect(rows.map { $0["series"] as? String } == [nil, "without V2G", "without V2G"])
        for row in rows { #expect(try #require(row["cfe_score"] as? Double) >= 0.8 - 1e-9) }
        #expect(comparison["x_title"] as? String == "flexible compute (%)")
        let curves = try #require(comparison["curves"] as? [[String: Any]])
        #expect(curves.count == 1 && curves[0]["scenarios"] as? [String] == ["flex-0", "flex-40"])
        let costs = try rows.dropFirst().map { try #require($0["cost_per_mwh"] as? Double) }
        let slope = try #require(curves[0]["slope_cost_per_mwh"] as? Double)
        #expect(abs(slope - (costs[1] - costs[0]) / 40) <= 1e-9 * abs(costs[0]))
        #expect(try #require(rows[2]["load_shifted_mwh"] as? Double) > 0)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("aria-label=\"Cost per MWh against flexible compute (%)\""))
    }

    @Test func exampleScenariosAgainstTheBaseAndAPlainDispatch() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("compare").path
        let flags = ["--start", "2026-04-06T00:00", "--hours", "24"]
        #expect(try Self.compare([Self.example] + flags + Self.scenarios.flatMap { ["--scenario", $0] }
                                 + ["--jobs", "2", "--out", out]) == nil)
        let plain = directory.appendingPathComponent("plain").path
        var dispatch = try DispatchCommand.parseAsRoot([Self.example] + flags + ["--out", plain, "--log-level", "error"])
        try dispatch.run()

        // base/ holds exactly what `re100 dispatch --out` writes, apart from timings, and its report.
        let base = try Self.files(under: URL(fileURLWithPath: out + "/base"))
        #expect(base.filter { $0.key != "report.html" } == (try Self.files(under: URL(fileURLWithPath: plain))))
        #expect(base.keys.sorted() == ["prices.csv", "report.html", "schedule.csv", "summary.json"])

        let comparison = try Self.json(out + "/comparison.json")
        let rows = try #require(comparison["rows"] as? [[String: Any]])
        #expect(rows.map { $0["scenario"] as? String } == ["base", "larger-pv", "larger-battery", "ppa", "co2-cap"])
        #expect(comparison["failed"] as? [String] == [])
        let summary = try Self.json(plain + "/summary.json")
        let keys = ["re_share", "cfe_score", "co2_t", "peak_import_mw", "curtailed_mwh", "unserved_mwh"]
        for key in keys { #expect(rows[0][key] as? Double == summary[key] as? Double, "\(key)") }
        #expect(rows[0]["total_cost"] as? Double == summary["objective"] as? Double)
        // cost_per_mwh is computed before the JSON round trip of its two parts: equal to the last digits.
        let costPerMWh = try #require(rows[0]["cost_per_mwh"] as? Double)
        let objective = try #require(summary["objective"] as? Double), consumption = try #require(summary["consumption_mwh"] as? Double)
        #expect(abs(costPerMWh - objective / consumption) <= 1e-12 * abs(costPerMWh))

        // Each delta is the row minus the base, and each scenario's folder holds its own summary.
        for row in rows {
            let name = try #require(row["scenario"] as? String)
            let own = try Self.json(out + "/\(name)/summary.json")
            #expect(row["total_cost"] as? Double == own["objective"] as? Double)
            for key in keys + ["total_cost", "cost_per_mwh"] {
                let value = try #require(row[key] as? Double), baseValue = try #require(rows[0][key] as? Double)
                // JSONSerialization may round the last digit of a parsed double: compare to 1e-12 relative.
                let delta = try #require(row["delta_" + key] as? Double)
                #expect(abs(delta - (value - baseValue)) <= 1e-12 * max(1, abs(value), abs(baseValue)), "\(name) \(key)")
            }
        }
        // Directions measured on this day (Monday 2026-04-06): more PV is cheaper, cleaner and more carbon-free
        // hour by hour; the PPA buys carbon-free energy at a premium; a looser cap than the base's emissions
        // changes nothing.
        func delta(_ index: Int, _ key: String) -> Double { rows[index]["delta_" + key] as? Double ?? .nan }
        #expect(delta(1, "total_cost") < 0 && delta(1, "co2_t") < 0 && delta(1, "cfe_score") > 0)
        #expect(delta(3, "cfe_score") > 0 && delta(3, "co2_t") < 0 && delta(3, "total_cost") > 0)
        #expect(abs(delta(4, "total_cost")) <= 1e-6 * (rows[0]["total_cost"] as? Double ?? 0))
        let csv = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 6 && csv[1].hasPrefix("base,optimal,24,") && csv[5].hasPrefix("co2-cap,optimal,24,"))
    }

    @Test func oneAndTwoJobsWriteIdenticalFilesApartFromTimings() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [[String: String]] = []
        for jobs in ["1", "2"] {
            let out = directory.appendingPathComponent("jobs\(jobs)-\(outputs.count)")
            #expect(try Self.compare([Self.example, "--hours", "24", "--jobs", jobs, "--out", out.path]
                                     + Self.scenarios.prefix(2).flatMap { ["--scenario", $0] }) == nil)
            outputs.append(try Self.files(under: out))
        }
        #expect(outputs[0].count == 3 + 3 * 4)  // comparison.csv/.json/report.html, 3 folders of 4 files
        #expect(outputs[0] == outputs[1])
    }

    @Test func anInfeasibleScenarioExitsOneAndIsNamed() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 100 MW that must run on a 15 MW site that cannot export: the nodal balance cannot hold.
        let mustRun = try Self.overlay(
            "must-run.toml", "[add.generators.must_run]\nbus = \"site\"\ncarrier = \"grid\"\np_nom = 100.0\np_min_pu = 1.0\n",
            in: directory)
        let bigger = try Self.biggerPV(in: directory)
        let out = directory.appendingPathComponent("out").path
        #expect(try Self.compare([DispatchCommandTests.singleBus, "--hours", "24", "--scenario", mustRun.path,
                                  "--scenario", bigger.path, "--out", out]) == ExitCode(1))
        let comparison = try Self.json(out + "/comparison.json")
        #expect(comparison["failed"] as? [String] == ["must-run"])
        let rows = try #require(comparison["rows"] as? [[String: Any]])
        #expect(rows.map { $0["status"] as? String } == ["optimal", "infeasible", "optimal"])
        #expect((rows[1]["error"] as? String)?.hasPrefix("the dispatch LP is infeasible") == true)
        #expect(rows[1]["total_cost"] is NSNull && rows[2]["error"] is NSNull)
        #expect((rows[2]["delta_total_cost"] as? Double).map { $0 < 0 } == true)
        let folders = try FileManager.default.contentsOfDirectory(atPath: out + "/must-run")
        #expect(folders == ["summary.json"])
        #expect((try Self.json(out + "/must-run/summary.json"))["status"] as? String == "infeasible")
    }

    @Test func aDispatchThatCannotBeBuiltIsAnErrorRowAndExit65() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bigger = try Self.biggerPV(in: directory)
        let out = directory.appendingPathComponent("out").path
        // The grid has 48 snapshots.
        #expect(try Self.compare([DispatchCommandTests.singleBus, "--hours", "49", "--scenario", bigger.path, "--out", out])
                == ExitCode(65))
        let comparison = try Self.json(out + "/comparison.json")
        #expect(comparison["failed"] as? [String] == ["base", "bigger-pv"])
        let rows = try #require(comparison["rows"] as? [[String: Any]])
        #expect(rows.map { $0["status"] as? String } == ["error", "error"])
        #expect((rows[1]["error"] as? String)?.contains("49 hours") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/base"))
    }

    @Test func startThatIsNoSnapshotIsAUsageErrorBeforeAnySolve() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bigger = try Self.biggerPV(in: directory)
        let out = directory.appendingPathComponent("out").path
        #expect(try Self.compare([DispatchCommandTests.singleBus, "--start", "2026-04-03T00:30", "--scenario", bigger.path,
                                  "--out", out]) == ExitCode(64))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func badOverlayIsBadInputBeforeAnySolve() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = try Self.overlay("bad.toml", "[set]\ngenerators.nowhere.p_nom = 1.0\n", in: directory)
        let out = directory.appendingPathComponent("out").path
        #expect(try Self.compare([DispatchCommandTests.singleBus, "--scenario", bad.path, "--out", out]) == ExitCode(65))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        [String](), ["--scenario", "a.toml", "--jobs", "0"], ["--scenario", "a.toml", "--scenario", "x/a.toml"],
        ["--scenario", "base.toml"], ["--scenario", "a.toml", "--window", "24"], ["--scenario", "a.toml", "--format", "html"],
    ])
    func invalidArgumentsAreUsageErrors(arguments: [String]) {
        DispatchCommandTests.expectUsageError(["compare", DispatchCommandTests.singleBus] + arguments)
    }

    /// The usage line keeps at most 12 options (swift-argument-parser), so the order is checked in the help's
    /// argument and option lists.
    @Test func helpListsTheFlagsInTheDocumentedOrder() throws {
        let help = CompareCommand.helpMessage(columns: 1000)
        let lists = try #require(help.range(of: "ARGUMENTS:")).lowerBound
        DispatchCommandTests.expectFlags(["<grid>", "--start", "--hours", "--window", "--step", "--base-scenario", "--scenario",
                                          "--jobs", "--solver-config", "--out", "--format"], inOrderIn: String(help[lists...]))
        let command = try #require(try RE100Command.parseAsRoot(["compare", Self.example, "--scenario", "a.toml"]) as? CompareCommand)
        #expect(command.jobCount == ProcessInfo.processInfo.activeProcessorCount && command.format == .table)
    }

    @Test func exitCodeIsOneWhenAnyScenarioIsInfeasibleElseTheFirstFailure() {
        #expect(CompareCommand.exitCode([]) == nil)
        #expect(CompareCommand.exitCode([2, 1, 70]) == 1)
        #expect(CompareCommand.exitCode([65, 2]) == 65)
    }
}
