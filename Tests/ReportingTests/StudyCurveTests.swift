import Foundation
import GridModel
import Testing
@testable import Reporting

@Suite("Study curves: cost per MWh against the overlays' [study] x")
struct StudyCurveTests {
    /// The sample result with its objective set to `cost` KRW per MWh of its 34 MWh consumed, and `moved` MWh
    /// of flexible load moved.
    static func row(_ name: String, cost: Double, x: Double, series: String, moved: Double = 0) -> ScenarioComparison.Row {
        var result = SampleResult.make()
        result.kpis.objective = cost * 34
        result.kpis.flexibility.loadShiftedMWh = moved
        return ScenarioComparison.Row(scenario: name, result: result,
                                      study: StudyPoint(x: x, xTitle: series == "B" ? "" : "flexible (%)", series: series))
    }

    /// Series A: 100, 92, 80, 60 KRW/MWh at x = 0, 10, 20, 40 and a failed scenario at x = 30; series B (given in
    /// descending x): 80 at 40, 100 at 0. The base has no study point.
    static func comparison() -> ScenarioComparison {
        ScenarioComparison(currency: "KRW", rows: [
            .init(scenario: "base", result: SampleResult.make()),
            row("a-0", cost: 100, x: 0, series: "A"), row("a-20", cost: 80, x: 20, series: "A", moved: 12.5),
            row("b-40", cost: 80, x: 40, series: "B"), row("a-10", cost: 92, x: 10, series: "A"),
            .init(scenario: "a-30", error: "broken", study: StudyPoint(x: 30, series: "A")),
            row("a-40", cost: 60, x: 40, series: "A"), row("b-0", cost: 100, x: 0, series: "B"),
        ])
    }

    @Test func curvesFollowTheSeriesAndSortByXWithTheHandComputedSlope() throws {
        let curves = Self.comparison().curves
        #expect(curves.map(\.series) == ["A", "B"])
        #expect(curves[0].points.map(\.scenario) == ["a-0", "a-10", "a-20", "a-30", "a-40"])
        #expect(curves[0].points[3].costPerMWh == nil)
        // x̄ = 17.5, ȳ = 83: Σ(x−x̄)(y−ȳ) = −17.5·17 − 7.5·9 + 2.5·(−3) + 22.5·(−23) = −890; Σ(x−x̄)² = 875.
        let slope = try #require(curves[0].slope)
        #expect(abs(slope - (-890.0 / 875)) < 1e-12)
        #expect(curves[1].points.map(\.scenario) == ["b-0", "b-40"])
        #expect(curves[1].slope == -0.5)  // (80 − 100) / 40
        #expect(StudyCurve(series: "", points: [.init(scenario: "one", x: 5, costPerMWh: 1)]).slope == nil)
        #expect(Self.comparison().xTitle == "flexible (%)")
    }

    @Test func csvJSONAndTableCarryThePoints() throws {
        let comparison = Self.comparison()
        let lines = comparison.csv().split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix(",x,series,error"))
        #expect(lines[1].hasSuffix(",,,"))
        // a-20: 80 × 34 = 2,720 KRW, 2,720 − 2,550,000.5 = −2,547,280.5; 12.5 MWh moved; x 20 on line A.
        #expect(lines[3] == "a-20,optimal,2,2720,80,0.367647,0.25,9.2,20,1.25,0,12.5,0,-2547280.5,-74920.014706,"
            + "0,0,0,0,0,0,12.5,0,20,A,")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try comparison.json().utf8)) as? [String: Any])
        #expect(document["x_title"] as? String == "flexible (%)")
        let curves = try #require(document["curves"] as? [[String: Any]])
        #expect(curves.map { $0["series"] as? String } == ["A", "B"])
        #expect(curves[1]["scenarios"] as? [String] == ["b-0", "b-40"])
        #expect(curves[1]["slope_cost_per_mwh"] as? Double == -0.5)
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows[0]["x"] is NSNull)
        #expect(rows[2]["x"] as? Double == 20 && rows[2]["series"] as? String == "A")
        let table = comparison.table().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(table.firstIndex(of: "cost per MWh against flexible (%):"))
        #expect(table[start + 1].hasPrefix("series  scenario  flexible (%)  KRW/MWh  CFE %  moved MWh  V2G MWh"))
        #expect(table[start + 4] == "A       a-20                20     80.0  25.00       12.5      0.0")
        #expect(table[start + 5] == "A       a-30                30        -      -          -        -")
        #expect(table.suffix(3) == ["slope A: -1.0 KRW/MWh per unit of flexible (%)",
                                    "slope B: -0.5 KRW/MWh per unit of flexible (%)", ""])
    }

    /// x 0...40 over 78...704 px, cost 60...100 over 274...12 px (720 × 320, default margins): x = 10 lands at
    /// 78 + 10/40·626 = 234.5 px, 92 KRW/MWh at 274 − 32/40·262 = 64.4 px.
    @Test func theChartPlotsEachPointWhereTheHandComputedScalesPutIt() throws {
        let report = ComparisonReport(Self.comparison())
        let chart = report.studyChart(report.curves)
        #expect(chart.contains("points=\"78,12 234.5,64.4 391,143 704,274\""))
        #expect(chart.contains("points=\"78,12 704,143\""))
        #expect(chart.components(separatedBy: "<circle ").count - 1 == 6)  // a-30 failed: no dot
        #expect(chart.contains("<title>a-10: 92 KRW/MWh</title>"))
        let html = report.render()
        #expect(html.contains("<h2>Cost per MWh against flexible (%)</h2>"))
        #expect(html.contains("A: slope -1.0 KRW/MWh per unit"))
        #expect(html.contains("<tr><td>A</td><td class=\"text\">a-20</td><td>20</td><td>80</td><td>25.0</td><td>12.5</td><td>0.0</td></tr>"))
        let fromJSON = try ComparisonReport(json: Data(try Self.comparison().json().utf8))
        #expect(fromJSON.render() == html)
        #expect(!ComparisonReport(ScenarioComparisonTests.comparison()).render().contains("Cost per MWh against"))
    }
}
