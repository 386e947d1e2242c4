import Foundation
import Testing

/// Where scripts/test ran the Snakemake sweep of workflow/ (its working directory, holding `results/`).
enum SweepOutput {
    static let directory: URL? = ProcessInfo.processInfo.environment["RE100_SWEEP_OUTPUT"].map { URL(fileURLWithPath: $0) }
}

/// The table the Snakemake workflow collects (`results/sweep.csv`, docs/scale-out.md) from the sweep scripts/test
/// runs with workflow/config.yaml: Gwangju Bitgreen, one week, base plus three overlays. Every figure must be
/// the one of its job's summary.json, to the last bit. Skipped unless RE100_SWEEP_OUTPUT is set; when it is
/// set, a missing table fails.
@Suite(.enabled(if: SweepOutput.directory != nil, "set RE100_SWEEP_OUTPUT (scripts/test does)"))
struct SweepTableTests {
    /// sweep.csv's columns (workflow/scripts/collect_sweep.py, docs/scale-out.md).
    static let columns = [
        "grid", "scenario", "status", "hours", "currency", "total_cost", "cost_per_mwh", "re_share", "cfe_score", "co2_t",
        "peak_import_mw", "curtailed_mwh", "unserved_mwh", "consumption_mwh",
    ]
    /// The jobs of workflow/config.yaml, in row order.
    static let jobs = ["base", "larger-pv", "larger-battery", "ppa"].map { ("gwangju-bitgreen", $0) }

    /// The summary.json fields the table repeats.
    struct Summary: Decodable {
        struct Horizon: Decodable { let hours: Int }
        struct Scenario: Decodable { let path: String }
        let status: String
        let currency: String
        let horizon: Horizon
        let scenarios: [Scenario]
        let objective: Double
        let re_share: Double
        let cfe_score: Double
        let co2_t: Double
        let peak_import_mw: Double
        let curtailed_mwh: Double
        let unserved_mwh: Double
        let consumption_mwh: Double
    }

    /// The table as one dictionary per row (column -> text), after checking the header.
    private func rows() throws -> [[String: String]] {
        let results = try #require(SweepOutput.directory).appendingPathComponent("results")
        let text = try String(contentsOf: results.appendingPathComponent("sweep.csv"), encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\""), "no field needs quoting")
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == Self.columns)
        return lines.dropFirst().map { cells in
            #expect(cells.count == Self.columns.count)
            return Dictionary(uniqueKeysWithValues: zip(Self.columns, cells))
        }
    }

    private func summary(grid: String, scenario: String) throws -> Summary {
        let file = try #require(SweepOutput.directory).appendingPathComponent("results/\(grid)/\(scenario)/summary.json")
        return try JSONDecoder().decode(Summary.self, from: Data(contentsOf: file))
    }

    @Test func oneRowPerJobInConfigOrder() throws {
        let rows = try rows()
        #expect(rows.map { $0["grid"] ?? "" } == Self.jobs.map(\.0))
        #expect(rows.map { $0["scenario"] ?? "" } == Self.jobs.map(\.1))
    }

    @Test func everyFigureIsItsSummarys() throws {
        for row in try rows() {
            let grid = try #require(row["grid"]), scenario = try #require(row["scenario"])
            let summary = try summary(grid: grid, scenario: scenario)
            #expect(row["status"] == "optimal" && summary.status == "optimal", "\(scenario)")
            #expect(row["hours"] == "168" && summary.horizon.hours == 168)
            #expect(row["currency"] == summary.currency)
            func figure(_ column: String) -> Double? { row[column].flatMap(Double.init) }
            for column in Self.columns.dropFirst(5) {
                let value = figure(column)
                #expect(value?.isFinite == true, "\(scenario).\(column) = \(row[column] ?? "nil") is no number")
            }
            #expect(figure("total_cost") == summary.objective, "\(scenario)")
            #expect(figure("cost_per_mwh") == summary.objective / summary.consumption_mwh)
            #expect(figure("re_share") == summary.re_share)
            #expect(figure("cfe_score") == summary.cfe_score)
            #expect(figure("co2_t") == summary.co2_t)
            #expect(figure("peak_import_mw") == summary.peak_import_mw)
            #expect(figure("curtailed_mwh") == summary.curtailed_mwh)
            #expect(figure("unserved_mwh") == summary.unserved_mwh)
            #expect(figure("consumption_mwh") == summary.consumption_mwh)
            // base is the grid alone; every other row applied exactly its own overlay.
            #expect(summary.scenarios.map { URL(fileURLWithPath: $0.path).lastPathComponent }
                == (scenario == "base" ? [] : [scenario + ".toml"]))
        }
    }

    @Test func overlaysChangeTheResult() throws {
        let rows = try rows()
        let base = try #require(rows.first { $0["scenario"] == "base" })
        for row in rows where row["scenario"] != "base" {
            #expect(row["total_cost"] != base["total_cost"], "\(row["scenario"] ?? "") costs the same as base")
        }
    }
}
