import Foundation
import Testing
@testable import Reporting

@Suite("schedule.csv and prices.csv")
struct CSVWriterTests {
    @Test func scheduleIsExact() {
        let text = ScheduleCSV.render(SampleResult.make(), timeZone: SampleResult.seoul)
        #expect(text == """
            timestamp,unit,component,bus,carrier,p_mw,charge_mw,discharge_mw,soc_mwh,curtailed_mw
            2026-01-05T00:00+09:00,pv_roof,generator,mv,solar,0,,,,0
            2026-01-05T00:00+09:00,ess,storage_unit,mv,battery,-2,2,0,11.8,
            2026-01-05T00:00+09:00,kepco,grid,mv,grid,20,0,20,,
            2026-01-05T01:00+09:00,pv_roof,generator,mv,solar,12.5,,,,1.25
            2026-01-05T01:00+09:00,ess,storage_unit,mv,battery,3,0,3,8.6,
            2026-01-05T01:00+09:00,kepco,grid,mv,grid,0,0,0,,

            """)
    }

    @Test func pricesAreExact() {
        let text = PricesCSV.render(SampleResult.make(), timeZone: SampleResult.seoul)
        #expect(text == "timestamp,bus,lmp_per_mwh\n2026-01-05T00:00+09:00,mv,95000\n2026-01-05T01:00+09:00,mv,120000.25\n")
    }

    @Test func timestampsCarryTheOffsetOfTheirInstant() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        // 2026-03-08 07:00Z is 03:00 EDT (after the spring-forward), 06:00Z is 01:00 EST.
        let afterChange = Date(timeIntervalSince1970: 1_772_953_200)
        #expect(ReportFormat.timestamp(afterChange, timeZone: newYork) == "2026-03-08T03:00-04:00")
        #expect(ReportFormat.timestamp(afterChange - 3600, timeZone: newYork) == "2026-03-08T01:00-05:00")
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(ReportFormat.timestamp(SampleResult.start, timeZone: utc) == "2026-01-04T15:00+00:00")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (12.5, "12.5"), (-3, "-3"), (0.000125, "0.000125"), (1e-7, "0"), (-1e-7, "0"),
        (1_234_567.891_234_9, "1234567.891235"), (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func numbers(value: Double, text: String) {
        #expect(ReportFormat.number(value) == text)
    }

    @Test func fieldsWithSeparatorsAreQuoted() {
        #expect(ReportFormat.field("plain") == "plain")
        #expect(ReportFormat.field("a,b") == "\"a,b\"")
        #expect(ReportFormat.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func sameInputGivesSameBytes() {
        let first = SampleResult.make(solveSeconds: 0.1)
        let second = SampleResult.make(solveSeconds: 9.9)
        #expect(ScheduleCSV.render(first, timeZone: SampleResult.seoul) == ScheduleCSV.render(second, timeZone: SampleResult.seoul))
        #expect(PricesCSV.render(first, timeZone: SampleResult.seoul) == PricesCSV.render(second, timeZone: SampleResult.seoul))
    }
}
