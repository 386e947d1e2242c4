import Foundation
import Testing
@testable import Reporting

@Suite("Comparison report")
struct ComparisonReportTests {
    @Test func comparisonJSONGivesTheSameReportAsTheComparison() throws {
        let comparison = ScenarioComparisonTests.comparison()
        let fromJSON = try ComparisonReport(json: Data(try comparison.json().utf8), linkedScenarios: ["base"])
        let direct = ComparisonReport(comparison, linkedScenarios: ["base"])
        #expect(fromJSON.rows == direct.rows)
        #expect(fromJSON.render() == direct.render())
        #expect(direct.rows.map(\.scenario) == ["base", "cheaper", "stuck", "broken"])
    }

    /// Base: cost 2,550,000.5 KRW, RE share 12.5/34 = 36.8 %, CO2 9.2 t, peak 20 MW; "cheaper": 2,150,000.5 KRW
    /// (-400,000), 50.0 % (+13.2), 8.0 t (-1.2), 15.00 MW (-5.00).
    @Test func barsCarryTheFiguresAndTheDifferencesToTheBase() {
        let report = ComparisonReport(ScenarioComparisonTests.comparison(), linkedScenarios: ["cheaper"])
        let html = report.render()
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        for title in ["Total cost", "RE share", "CFE score (hourly)", "CO2", "Peak import"] {
            #expect(html.contains("aria-label=\"\(title)\""))
        }
        let cost = report.barChart(.totalCost)
        #expect(cost.contains(">2.55</text>"))  // the base has no difference label
        #expect(cost.contains(">2.15 (-0.40)</text>"))
        #expect(cost.contains("Total cost (million KRW)"))
        #expect(html.contains("2,150,000 <span class=\"delta\">(-400,000)</span>"))  // the table keeps every digit
        #expect(report.barChart(.reShare).contains(">50.0 (+13.2)</text>"))
        #expect(report.barChart(.co2).contains(">8.0 (-1.2)</text>"))
        #expect(report.barChart(.peakImport).contains(">15.00 (-5.00)</text>"))
        #expect(report.barChart(.cfeScore).contains(">25.0 (±0)</text>"))
        #expect(cost.contains(">no result (infeasible)</text>"))
        #expect(cost.contains(">no result (error)</text>"))
        #expect(cost.contains("fill=\"#8c959f\""))  // the base bar
        #expect(html.contains("Failed: stuck (infeasible), broken (error)."))
        #expect(html.contains("<a href=\"cheaper/report.html\">report</a>"))
        #expect(html.components(separatedBy: "<a href=").count - 1 == 1)
        #expect(html.contains("grid.toml:3:1: unknown key"))
    }

    @Test func costsAboveAMillionAreShownInMillions() {
        let rows = [
            ComparisonReport.Row(scenario: "base", status: "optimal", error: nil, hours: 1, values: [.totalCost: 4_043_675_819]),
            ComparisonReport.Row(scenario: "pv", status: "optimal", error: nil, hours: 1, values: [.totalCost: 3_798_568_104]),
        ]
        let chart = ComparisonReport(currency: "KRW", rows: rows).barChart(.totalCost)
        #expect(chart.contains("Total cost (million KRW)"))
        #expect(chart.contains(">4,043.7</text>"))
        #expect(chart.contains(">3,798.6 (-245.1)</text>"))
    }

    @Test func scenarioNamesAreEscapedAndLinksEncoded() {
        let rows = [ComparisonReport.Row(scenario: "base", status: "optimal", error: nil, hours: 1, values: [:]),
                    ComparisonReport.Row(scenario: "큰 <pv>", status: "optimal", error: nil, hours: 1, values: [:])]
        let html = ComparisonReport(currency: "KRW", rows: rows, linkedScenarios: ["큰 <pv>"]).render()
        #expect(html.contains(">큰 &lt;pv&gt;</text>"))
        #expect(html.contains("<a href=\"%ED%81%B0%20%3Cpv%3E/report.html\">"))
        #expect(!html.contains("<script"))
    }

    @Test func malformedJSONIsADecodingError() {
        #expect(throws: DecodingError.self) {
            _ = try ComparisonReport(json: Data("{\"currency\": \"KRW\", \"rows\": [{\"scenario\": 1}]}".utf8))
        }
    }
}
