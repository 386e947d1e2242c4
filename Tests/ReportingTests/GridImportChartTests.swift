import DispatchOptimizer
import Testing
@testable import Reporting

@Suite("Grid import chart: tariff bands and billing peaks")
struct GridImportChartTests {
    @Test func consecutiveHoursOfABandMergeIntoRuns() {
        let runs = HTMLReport.bandRuns(["light", "light", "peak", nil, "peak", "mid"])
        #expect(runs == [.init(band: "light", start: 0, end: 2), .init(band: "peak", start: 2, end: 3),
                         .init(band: "peak", start: 4, end: 5), .init(band: "mid", start: 5, end: 6)])
        #expect(HTMLReport.bandRuns([]).isEmpty)
    }

    /// January: counted (peak) hours import 9 and 7, the 12 MW hour is light: peak 9. February: only 3 counts.
    @Test func billingPeakIsTheLargestImportInCountedHoursPerMonth() {
        let bands = TariffBands(tariffName: "t", bands: ["light", "peak"], countedBands: ["peak"],
                                hourBands: ["light", "peak", "peak", "light", "peak", "light"],
                                billingMonths: ["2026-01", "2026-01", "2026-01", "2026-02", "2026-02", "2026-03"])
        let peaks = HTMLReport.billingPeaks([12, 9, 7, 20, 3, 50], bands: bands)
        #expect(peaks == [.init(month: "2026-01", start: 0, end: 3, peakMW: 9), .init(month: "2026-02", start: 3, end: 5, peakMW: 3)])
    }

    @Test func bandColoursRunFromGreenToRed() {
        #expect(HTMLReport.bandColor(index: 0, count: 3) == "#dcefdf")
        #expect(HTMLReport.bandColor(index: 2, count: 3) == "#f6d3cd")
        #expect(HTMLReport.bandColor(index: 1, count: 2) == "#f6d3cd")
    }

    /// The two-hour sample: hour 0 (8 MW import) in the peak band, hour 1 light.
    @Test func chartShadesTheBandsAndDrawsTheBillingPeak() {
        let sample = HTMLReportTests.report()
        let bands = TariffBands(tariffName: "KEPCO <B>", bands: ["light", "peak"], countedBands: ["peak"],
                                hourBands: ["peak", "light"], billingMonths: ["2026-01", "2026-01"])
        let report = HTMLReport(summary: sample.summary, schedule: sample.schedule, prices: sample.prices, tariffBands: bands)
        let chart = report.gridImportChart()
        #expect(chart.contains("<title>peak band: 2026-01-05T00:00+09:00 to 2026-01-05T00:00+09:00 (1 h)</title>"))
        #expect(chart.contains("<title>light band: 2026-01-05T01:00+09:00 to 2026-01-05T01:00+09:00 (1 h)</title>"))
        #expect(chart.contains("peak band (counts toward the demand charge)"))
        #expect(chart.contains(">billing peak 2026-01: 8.00 MW</text>"))
        #expect(report.gridImportNote.contains("KEPCO <B>"))
        #expect(report.render().contains("KEPCO &lt;B&gt;"))
        // Without bands: no shading, the largest hour as before, and the note says why.
        #expect(!sample.gridImportChart().contains(" band: "))
        #expect(sample.gridImportChart().contains("peak import"))
        #expect(sample.gridImportNote.contains("not at hand"))
    }

    @Test func bandsOfOtherHoursAreIgnored() {
        let sample = HTMLReportTests.report()
        let bands = TariffBands(tariffName: "t", bands: ["peak"], countedBands: ["peak"], hourBands: ["peak"],
                                billingMonths: ["2026-01"])
        #expect(HTMLReport(summary: sample.summary, schedule: sample.schedule, prices: sample.prices, tariffBands: bands).tariffBands == nil)
    }
}
