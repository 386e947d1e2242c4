import DispatchOptimizer

/// The grid import chart: hourly import over the tariff's time bands, with the demand charge's billing peaks.
extension HTMLReport {
    /// One run of consecutive hours in the same tariff band: hours `start..<end` of the schedule.
    struct BandRun: Sendable, Equatable {
        /// The band's name.
        let band: String
        /// First hour (0-based index into the schedule's hours).
        let start: Int
        /// One past the last hour.
        let end: Int
    }

    /// The billing peak of one month: the largest import in the hours whose band counts toward the demand charge.
    struct BillingPeak: Sendable, Equatable {
        /// `yyyy-mm`.
        let month: String
        /// The month's first and one-past-last hour in the schedule.
        let start: Int, end: Int
        /// The peak, MW.
        let peakMW: Double
    }

    /// Fill colours of the bands, cheapest first: green, yellow, red for three bands (light, mid, peak); green
    /// and red for two; further bands blue and purple.
    static let bandColors = ["#dcefdf", "#fbefc6", "#f6d3cd", "#d9e4f5", "#eadcf2"]

    /// The fill colour of band `index` of `count` bands (cheapest first).
    static func bandColor(index: Int, count: Int) -> String {
        let position = count == 2 && index == 1 ? 2 : index
        return bandColors[position % bandColors.count]
    }

    /// The note above the chart.
    var gridImportNote: String {
        guard let bands = tariffBands else {
            return "Hourly import from the grid with the largest hour marked. Tariff bands are not shown: the grid "
                + "this result was solved with was not at hand."
        }
        let counted = bands.countedBands.isEmpty ? "The tariff has no demand charge."
            : "Dashed: each month's billing peak, the largest import in the " + bands.countedBands.joined(separator: " and ")
                + " bands (it sets the demand charge unless a carried peak, a ratchet or the contract floor is higher)."
        return "Hourly import from the grid over the time bands of the tariff \u{201C}" + bands.tariffName + "\u{201D}. " + counted
    }

    /// Consecutive hours of the same band merged into runs (hours without a band are left out).
    static func bandRuns(_ hourBands: [String?]) -> [BandRun] {
        var runs: [BandRun] = []
        var index = 0
        while index < hourBands.count {
            var end = index + 1
            while end < hourBands.count, hourBands[end] == hourBands[index] { end += 1 }
            if let band = hourBands[index] { runs.append(BandRun(band: band, start: index, end: end)) }
            index = end
        }
        return runs
    }

    /// Per billing month of `bands` (in order), the largest of `imports` in counted hours; months without a
    /// counted hour are left out.
    static func billingPeaks(_ imports: [Double], bands: TariffBands) -> [BillingPeak] {
        var peaks: [BillingPeak] = []
        var index = 0
        while index < imports.count {
            let month = bands.billingMonths[index]
            var end = index
            var peak: Double?
            while end < imports.count, bands.billingMonths[end] == month {
                if bands.countsTowardBillingPeak(hour: end), imports[end].isFinite { peak = max(peak ?? 0, imports[end]) }
                end += 1
            }
            if let peak { peaks.append(BillingPeak(month: month, start: index, end: end, peakMW: peak)) }
            index = end
        }
        return peaks
    }

    /// Grid import over the tariff bands with the monthly billing peaks, or with the largest hour marked when the
    /// bands are not known.
    func gridImportChart() -> String {
        let imports = schedule.gridImport
        guard let peak = imports.max(), let peakHour = imports.firstIndex(of: peak) else {
            return "<p>No grid connection in this result.</p>"
        }
        var chart = timeChart(title: "Grid import", high: peak * 1.1, yTitle: "import (MW)", height: 260)
        let color = CarrierPalette.color(name: "grid", category: "grid", index: 0)
        var legend: [(label: String, color: String, line: Bool)] = []
        let billing = tariffBands.map { Self.billingPeaks(imports, bands: $0) } ?? []
        if let bands = tariffBands {
            let runs = Self.bandRuns(bands.hourBands)
            for run in runs {
                let index = bands.bands.firstIndex(of: run.band) ?? bands.bands.count
                chart.addRect(x0: Double(run.start), x1: Double(run.end), y0: chart.y.domain.lowerBound, y1: chart.y.domain.upperBound,
                              color: Self.bandColor(index: index, count: bands.bands.count),
                              tooltip: run.band + " band: " + schedule.hours[run.start] + " to " + schedule.hours[run.end - 1]
                                + " (\(run.end - run.start) h)")
            }
            let used = Set(runs.map(\.band))
            for (index, band) in bands.bands.enumerated() where used.contains(band) {
                let counted = bands.countedBands.contains(band) ? " (counts toward the demand charge)" : ""
                legend.append((band + " band" + counted, Self.bandColor(index: index, count: bands.bands.count), false))
            }
            chart.addLine(Self.points(imports), color: color, width: 2)
        } else {
            chart.addBand(lower: Self.points(imports.map { _ in 0 }), upper: Self.points(imports), color: "#d5dbe1", label: "grid import")
            chart.addLine(Self.points(imports), color: color, width: 1.5)
        }
        legend.insert(("grid import", color, true), at: 0)
        if billing.isEmpty {
            chart.addLine([(0, peak), (Double(imports.count), peak)], color: "#c0392b", width: 1, dashed: true)
            legend.append(("peak import", "#c0392b", true))
        } else {
            for item in billing {
                chart.addLine([(Double(item.start), item.peakMW), (Double(item.end), item.peakMW)], color: "#c0392b", width: 1.5, dashed: true)
                chart.addText("billing peak " + item.month + ": " + KPITable.fixed(item.peakMW, 2) + " MW", x: Double(item.start),
                              y: item.peakMW, dx: 4, dy: 14)
            }
            legend.append(("billing peak of the month (demand charge)", "#c0392b", true))
        }
        let label = "peak " + KPITable.fixed(peak, 2) + " MW at " + schedule.hours[peakHour]
        chart.addCircle(x: Double(peakHour) + 0.5, y: peak, radius: 5, color: "#c0392b", tooltip: label)
        let rightHalf = Double(peakHour) > Double(imports.count) / 2
        chart.addText(label, x: Double(peakHour) + 0.5, y: peak, dx: rightHalf ? -8 : 8, dy: -8, anchor: rightHalf ? "end" : "start")
        return Self.legend(legend) + chart.svg()
    }
}
