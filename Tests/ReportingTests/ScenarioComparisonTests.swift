import Foundation
import Testing
@testable import Reporting

@Suite("comparison.csv, comparison.json and the comparison table")
struct ScenarioComparisonTests {
    private static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/comparison.schema.json")

    /// The sample result as base; "cheaper" buys 400,000 KRW less energy, reaches RE share 0.5, emits 8 t and
    /// peaks at 15 MW; "stuck" is infeasible with no hour solved.
    static func comparison() -> ScenarioComparison {
        let base = SampleResult.make()
        var cheaper = SampleResult.make()
        cheaper.kpis.costs.energy = 2_000_000
        cheaper.kpis.objective = cheaper.kpis.costs.total
        cheaper.kpis.reShare = 0.5
        cheaper.kpis.co2Tonnes = 8
        cheaper.kpis.peakImportMW = 15
        var stuck = SampleResult.make()
        stuck.status = .infeasible
        stuck.timestamps = []
        return ScenarioComparison(currency: "KRW", rows: [
            .init(scenario: "base", result: base), .init(scenario: "cheaper", result: cheaper),
            .init(scenario: "stuck", result: stuck, error: "the dispatch LP is infeasible"),
            .init(scenario: "broken", error: "grid.toml:3:1: unknown key"),
        ])
    }

    @Test func csvHasOneLinePerScenarioWithHandCheckedDeltas() {
        let lines = Self.comparison().csv().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "scenario,status,hours,total_cost,cost_per_mwh,re_share,cfe_score,co2_t,peak_import_mw,"
            + "curtailed_mwh,unserved_mwh,load_shifted_mwh,ev_v2g_mwh,delta_total_cost,delta_cost_per_mwh,delta_re_share,"
            + "delta_cfe_score,delta_co2_t,delta_peak_import_mw,delta_curtailed_mwh,delta_unserved_mwh,"
            + "delta_load_shifted_mwh,delta_ev_v2g_mwh,x,series,error")
        // 2,550,000.5 KRW / 34 MWh = 75,000.0147 KRW/MWh; RE share 12.5 / 34 = 0.367647; no study point.
        #expect(lines[1] == "base,optimal,2,2550000.5,75000.014706,0.367647,0.25,9.2,20,1.25,0,0,0,0,0,0,0,0,0,0,0,0,0,,,")
        // -400,000 / 34 = -11,764.705882; 0.5 - 12.5/34 = 0.132353.
        #expect(lines[2] == "cheaper,optimal,2,2150000.5,63235.308824,0.5,0.25,8,15,1.25,0,0,0,"
            + "-400000,-11764.705882,0.132353,0,-1.2,-5,0,0,0,0,,,")
        #expect(lines[3] == "stuck,infeasible,0,,,,,,,,,,,,,,,,,,,,,,,the dispatch LP is infeasible")
        #expect(lines[4] == "broken,error,0,,,,,,,,,,,,,,,,,,,,,,,grid.toml:3:1: unknown key")
        #expect(lines[5] == "")
        #expect(lines.count == 6)
    }

    @Test func deltaIsTheRowMinusTheBaseAndNilWhenEitherIsMissing() throws {
        let comparison = Self.comparison()
        for metric in ScenarioComparison.Metric.allCases {
            let base = try #require(comparison.rows[0].value(metric))
            let cheaper = try #require(comparison.rows[1].value(metric))
            #expect(comparison.delta(metric, of: comparison.rows[0]) == 0)
            #expect(comparison.delta(metric, of: comparison.rows[1]) == cheaper - base)
            #expect(comparison.delta(metric, of: comparison.rows[2]) == nil)
        }
        #expect(comparison.failed.map(\.scenario) == ["stuck", "broken"])
    }

    @Test func jsonMatchesTheSchemaAndNamesTheFailures() throws {
        let json = try Self.comparison().json()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        #expect(SchemaChecker(schema: schema).violations(of: document) == [])
        #expect(document["failed"] as? [String] == ["stuck", "broken"])
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.map { $0["scenario"] as? String } == ["base", "cheaper", "stuck", "broken"])
        #expect(rows[1]["delta_total_cost"] as? Double == -400_000)
        #expect(rows[2]["total_cost"] is NSNull)
        #expect(rows[3]["status"] as? String == "error")
        #expect(json == (try Self.comparison().json()))
        #expect(json.hasSuffix("}\n"))
    }

    @Test func tableShowsDifferencesAndListsFailures() {
        let lines = Self.comparison().table().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("scenario  status"))
        #expect(lines[1].hasPrefix("base      optimal"))
        #expect(lines[2].contains("2,150,000 (-400,000)"))  // %.0f rounds the half to even
        #expect(lines[2].contains("50.0 (+13.2)"))
        #expect(lines[3].hasPrefix("stuck     infeasible") && lines[3].hasSuffix("  -"))
        #expect(lines.suffix(4) == ["failed:", "  stuck: infeasible - the dispatch LP is infeasible",
                                    "  broken: error - grid.toml:3:1: unknown key", ""])
        let widths = Set(lines.prefix(5).map(\.count))
        #expect(widths.count == 1)
    }
}
