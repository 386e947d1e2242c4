import Foundation
import Testing
@testable import Reporting

@Suite("HTML report")
struct HTMLReportTests {
    /// Two hours on one bus: PV (solar), a gas engine, a battery, the grid and one load named in Korean.
    static let rows: [ReportSchedule.Row] = [
        .init(timestamp: "2026-01-05T00:00+09:00", unit: "pv", component: "generator", bus: "b", carrier: "solar", powerMW: 0, curtailedMW: 0),
        .init(timestamp: "2026-01-05T00:00+09:00", unit: "gas", component: "generator", bus: "b", carrier: "natural_gas", powerMW: 4),
        .init(timestamp: "2026-01-05T00:00+09:00", unit: "ess", component: "storage_unit", bus: "b", carrier: "battery",
              powerMW: -2, chargeMW: 2, dischargeMW: 0, stateOfChargeMWh: 1.8),
        .init(timestamp: "2026-01-05T00:00+09:00", unit: "grid", component: "grid", bus: "b", carrier: "grid", powerMW: 8,
              chargeMW: 0, dischargeMW: 8),
        .init(timestamp: "2026-01-05T00:00+09:00", unit: "공장<A>", component: "load", bus: "b", carrier: "", powerMW: 10, curtailedMW: 0),
        .init(timestamp: "2026-01-05T01:00+09:00", unit: "pv", component: "generator", bus: "b", carrier: "solar", powerMW: 12, curtailedMW: 1),
        .init(timestamp: "2026-01-05T01:00+09:00", unit: "gas", component: "generator", bus: "b", carrier: "natural_gas", powerMW: 0),
        .init(timestamp: "2026-01-05T01:00+09:00", unit: "ess", component: "storage_unit", bus: "b", carrier: "battery",
              powerMW: 1, chargeMW: 0, dischargeMW: 1, stateOfChargeMWh: 0.7),
        .init(timestamp: "2026-01-05T01:00+09:00", unit: "grid", component: "grid", bus: "b", carrier: "grid", powerMW: -3,
              chargeMW: 3, dischargeMW: 0),
        .init(timestamp: "2026-01-05T01:00+09:00", unit: "공장<A>", component: "load", bus: "b", carrier: "", powerMW: 10, curtailedMW: 0),
    ]

    static let summary = ReportSummary(
        schemaVersion: 1, grid: .init(path: "grids/빛그린 <test>", timeZone: "Asia/Seoul"), status: "optimal", currency: "KRW",
        horizon: .init(start: "2026-01-05T00:00+09:00", end: "2026-01-05T01:00+09:00", hours: 2),
        costs: .init(energy: 1_200_000, demandCharge: 50_000, fuel: 300_000, ppa: 0, certificates: 0, unservedLoad: 0,
                     exportRevenue: -90_000, total: 1_460_000),
        reShare: 0.45, cfeScore: 0.45, co2Tonnes: 5.5, curtailedMWh: 1, unservedMWh: 0, peakImportMW: 8, consumptionMWh: 21,
        cleanCarriers: nil)

    static func report() -> HTMLReport {
        let schedule = ReportSchedule(rows: rows)
        let prices = ReportPrices(rows: [
            .init(timestamp: "2026-01-05T00:00+09:00", bus: "b", lmpPerMWh: 150_000),
            .init(timestamp: "2026-01-05T01:00+09:00", bus: "b", lmpPerMWh: 90_000),
        ], hours: schedule.hours)
        return HTMLReport(summary: summary, schedule: schedule, prices: prices)
    }

    @Test func seriesFromTheSchedule() {
        let schedule = ReportSchedule(rows: Self.rows)
        #expect(schedule.hours == ["2026-01-05T00:00+09:00", "2026-01-05T01:00+09:00"])
        let supply = schedule.supply
        #expect(supply.map(\.name) == ["solar", "natural_gas", "battery discharge", "grid import"])
        #expect(supply.map(\.values) == [[0, 12], [4, 0], [0, 1], [8, 0]])
        #expect(schedule.load == [10, 10])
        #expect(schedule.loadWithCharging == [12, 10])
        #expect(schedule.gridImport == [8, 0])
        #expect(schedule.stateOfCharge == [.init(name: "ess", category: "battery", values: [1.8, 0.7])])
    }

    @Test func carbonFreeIsTheCleanShareOfConsumptionPerHour() {
        let (consumption, carbonFree) = ReportSchedule(rows: Self.rows).carbonFree(cleanCarriers: ["solar"])
        // hour 0: 0 + 4 + 8 = 12 consumed, nothing clean; hour 1: 12 + 0 - 3 = 9 consumed, clean 12 - 3 = 9.
        #expect(consumption == [12, 9])
        #expect(carbonFree == [0, 9])
    }

    @Test func pricesAreBusByHour() {
        let report = Self.report()
        #expect(report.prices.buses == ["b"])
        #expect(report.prices.prices == [[150_000, 90_000]])
    }

    @Test func pageIsSelfContainedEscapedAndDeterministic() {
        let html = Self.report().render()
        #expect(html == Self.report().render())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<h1>re100 report: grids/빛그린 &lt;test&gt;</h1>"))
        #expect(!html.contains("<test>"))
        #expect(!html.contains("<script"))
        // no network: the only URLs are the SVG namespace of each chart
        #expect(html.components(separatedBy: "http").count == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 8)  // 6 charts + 2 colour bars
        #expect(html.contains("<div class=\"value\">1,460,000</div>"))
        #expect(html.contains("<div class=\"value\">45.0</div>"))
        #expect(html.contains("Score over these hours: 42.9 %"))  // 9 of 21 MWh
        #expect(html.contains("peak 8.00 MW at 2026-01-05T00:00+09:00"))
        #expect(html.contains("Export revenue: -90,000 KRW"))
    }

    @Test func hourTicksAtMidnightForLongHorizonsElseEverySixHours() {
        let day = (0..<24).map { String(format: "2026-01-05T%02d:00+09:00", $0) }
        #expect(HTMLReport.hourTicks(day) == [.init(0, "01-05 00:00"), .init(6, "06:00"), .init(12, "12:00"), .init(18, "18:00")])
        let threeDays = day + day.map { $0.replacingOccurrences(of: "01-05", with: "01-06") }
            + day.map { $0.replacingOccurrences(of: "01-05", with: "01-07") }
        #expect(HTMLReport.hourTicks(threeDays) == [.init(0, "01-05"), .init(24, "01-06"), .init(48, "01-07")])
    }

    @Test func missingFiguresShowAsNotAvailable() {
        var summary = Self.summary
        summary.costs = .init()
        summary.reShare = nil
        summary.status = "infeasible"
        let html = HTMLReport(summary: summary, schedule: ReportSchedule(rows: []), prices: ReportPrices(rows: [], hours: [])).render()
        #expect(html.contains("<div class=\"value\">n/a</div>"))
        #expect(html.contains("Solver status: infeasible."))
        #expect(html.contains("No prices in this result."))
    }

    @Test func summaryListOfCleanCarriersWins() {
        var summary = Self.summary
        summary.cleanCarriers = ["natural_gas"]
        let report = HTMLReport(summary: summary, schedule: ReportSchedule(rows: Self.rows), prices: ReportPrices(rows: [], hours: []))
        #expect(report.cleanCarriers == ["natural_gas"])
        #expect(HTMLReport(summary: Self.summary, schedule: ReportSchedule(rows: []), prices: ReportPrices(rows: [], hours: []))
            .cleanCarriers.contains("solar"))
    }
}
