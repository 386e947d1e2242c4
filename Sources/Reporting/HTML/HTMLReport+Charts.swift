/// The charts of the HTML report, each one `SVGChart` over the schedule's hours.
extension HTMLReport {
    /// The title of every hourly x axis.
    var hourAxisTitle: String {
        "hour (local time" + (summary.grid.timeZone.map { ", " + $0 } ?? "") + ")"
    }

    /// A time-series chart over the schedule's hours (hour `i` spans `i...i+1`) with y from 0 (or below) to a nice
    /// maximum above `high`, axes drawn.
    func timeChart(title: String, low: Double = 0, high: Double, yTitle: String, height: Double = 300) -> SVGChart {
        let domain = LinearScale.niceDomain(min(low, 0), high)
        var chart = SVGChart(title: title, height: height, xDomain: 0...Double(max(schedule.hours.count, 1)), yDomain: domain)
        let yTicks = chart.y.ticks().map { SVGChart.Tick($0, KPITable.fixed($0, Self.decimals(for: $0))) }
        chart.addAxes(xTicks: Self.hourTicks(schedule.hours), yTicks: yTicks, xTitle: hourAxisTitle, yTitle: yTitle)
        return chart
    }

    /// Ticks at day starts (`01-05`) for more than 48 hours, else every 6 hours (`01-05 06:00`).
    static func hourTicks(_ hours: [String]) -> [SVGChart.Tick] {
        let everyDay = hours.count > 48
        return hours.enumerated().compactMap { index, timestamp in
            let characters = Array(timestamp)
            guard characters.count >= 16 else { return nil }
            let hour = Int(String(characters[11...12])) ?? -1
            let day = String(characters[5...9])
            if everyDay { return hour == 0 ? SVGChart.Tick(Double(index), day) : nil }
            return hour % 6 == 0 ? SVGChart.Tick(Double(index), hour == 0 ? day + " 00:00" : String(characters[11...15])) : nil
        }
    }

    /// Decimals for a tick label: none for whole numbers, else up to 2.
    static func decimals(for value: Double) -> Int {
        value == value.rounded() ? 0 : (value * 10 == (value * 10).rounded() ? 1 : 2)
    }

    /// Points at the middle of each hour.
    static func points(_ values: [Double]) -> [(x: Double, y: Double)] {
        values.enumerated().map { (Double($0.offset) + 0.5, $0.element.isFinite ? $0.element : 0) }
    }

    /// Stacked areas of supply by source with the load lines.
    func dispatchChart() -> String {
        let supply = schedule.supply.filter { $0.values.contains { $0 > 0 } }
        let load = schedule.load, withCharging = schedule.loadWithCharging
        var tops = Array(repeating: 0.0, count: schedule.hours.count)
        var bands: [(lower: [Double], upper: [Double])] = []
        for series in supply {
            let lower = tops
            for index in tops.indices { tops[index] += series.values[index] }
            bands.append((lower, tops))
        }
        let high = (tops + withCharging).max() ?? 1
        var chart = timeChart(title: "Dispatch by carrier", high: high, yTitle: "power (MW)", height: 340)
        var legend: [(label: String, color: String, line: Bool)] = []
        for (index, series) in supply.enumerated() {
            let color = CarrierPalette.color(name: series.name, category: series.category, index: index)
            chart.addBand(lower: Self.points(bands[index].lower), upper: Self.points(bands[index].upper), color: color, label: series.name)
            legend.append((series.name, color, false))
        }
        chart.addLine(Self.points(load), color: "#111111", width: 2)
        legend.append(("load served", "#111111", true))
        if withCharging != load {
            chart.addLine(Self.points(withCharging), color: "#c0392b", width: 1.5, dashed: true)
            legend.append(("load + storage charging", "#c0392b", true))
        }
        return Self.legend(legend) + chart.svg()
    }

    /// One line per storage unit's state of charge.
    func stateOfChargeChart() -> String {
        let series = schedule.stateOfCharge
        guard !series.isEmpty else { return "<p>No storage units or stores in this result.</p>" }
        let high = series.flatMap(\.values).filter(\.isFinite).max() ?? 1
        var chart = timeChart(title: "Storage state of charge", high: high, yTitle: "stored energy (MWh)", height: 240)
        var legend: [(label: String, color: String, line: Bool)] = []
        for (index, item) in series.enumerated() {
            let color = index == 0 ? CarrierPalette.color(name: item.category, category: "storage", index: 0)
                : CarrierPalette.fallback[index % CarrierPalette.fallback.count]
            chart.addLine(Self.points(item.values), color: color, width: 2)
            legend.append((item.name + " (" + item.category + ")", color, true))
        }
        return Self.legend(legend) + chart.svg()
    }

    /// A heatmap: one row per label, one column per value, colours on the sequential scale between `low` and
    /// `high`, with the colour bar below.
    func heatmap(title: String, rows: [String], values: [[Double]], columnTicks: [SVGChart.Tick], xTitle: String,
                 yTitle: String, low: Double, high: Double, unit: String, tooltip: (Int, Int) -> String) -> String {
        let columns = values.map(\.count).max() ?? 0
        let rowHeight = rows.count > 12 ? 18.0 : 28.0
        var margins = SVGChart.Margins()
        margins.left = 110
        var chart = SVGChart(title: title, height: Double(rows.count) * rowHeight + margins.top + margins.bottom, margins: margins,
                             xDomain: 0...Double(max(columns, 1)), yDomain: 0...Double(max(rows.count, 1)), yDownwards: true)
        let span = high > low ? high - low : 1
        for (row, rowValues) in values.enumerated() {
            for (column, value) in rowValues.enumerated() where value.isFinite {
                chart.addRect(x0: Double(column), x1: Double(column + 1), y0: Double(row), y1: Double(row + 1),
                              color: SVGChart.sequentialColor((value - low) / span), tooltip: tooltip(row, column))
            }
        }
        let rowTicks = rows.enumerated().map { SVGChart.Tick(Double($0.offset) + 0.5, $0.element) }
        chart.addAxes(xTicks: columnTicks, yTicks: rowTicks, xTitle: xTitle, yTitle: yTitle, grid: false)
        return chart.svg() + colorBar(low: low, high: high, unit: unit)
    }

    /// The colour scale of a heatmap: 7 swatches from `low` to `high` with tick labels, as a small chart.
    func colorBar(low: Double, high: Double, unit: String) -> String {
        let margins = SVGChart.Margins(top: 4, right: 520, bottom: 40, left: 110)
        let domain = high > low ? low...high : low...(low + 1)
        var bar = SVGChart(title: "colour scale (\(unit))", height: 64, margins: margins, xDomain: domain, yDomain: 0...1)
        let steps = 7
        for step in 0..<steps {
            let from = domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double(step) / Double(steps)
            let to = domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double(step + 1) / Double(steps)
            bar.addRect(x0: from, x1: to, y0: 0, y1: 1, color: SVGChart.sequentialColor((Double(step) + 0.5) / Double(steps)),
                        tooltip: KPITable.fixed(from, 0) + " to " + KPITable.fixed(to, 0) + " " + unit)
        }
        // both ends of the scale (whole numbers for wide scales) and the nice ticks not within 20 % of an end
        let width = domain.upperBound - domain.lowerBound
        let inner = bar.x.ticks(count: 4).filter {
            $0 - domain.lowerBound >= width * 0.2 && domain.upperBound - $0 >= width * 0.2
        }
        let end = { (value: Double) in SVGChart.Tick(value, KPITable.fixed(value, width >= 100 ? 0 : 2)) }
        let ticks = [end(domain.lowerBound)] + inner.map { SVGChart.Tick($0, KPITable.fixed($0, Self.decimals(for: $0))) }
            + [end(domain.upperBound)]
        bar.addAxes(xTicks: ticks, yTicks: [], xTitle: unit, yTitle: "", grid: false)
        return bar.svg()
    }

    /// LMP heatmap, bus × hour.
    func priceHeatmap() -> String {
        let finite = prices.prices.flatMap { $0 }.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "<p>No prices in this result.</p>" }
        let unit = summary.currency + "/MWh"
        return heatmap(
            title: "Nodal prices", rows: prices.buses, values: prices.prices, columnTicks: Self.hourTicks(schedule.hours),
            xTitle: hourAxisTitle, yTitle: "bus", low: low, high: high, unit: unit,
            tooltip: { row, column in
                prices.buses[row] + " " + schedule.hours[column] + ": " + KPITable.fixed(prices.prices[row][column], 0) + " " + unit
            })
    }

    /// Hourly CFE heatmap, day × hour of day (hours repeated by a daylight-saving change are summed).
    func cfeHeatmap() -> String {
        let (consumption, carbonFree) = schedule.carbonFree(cleanCarriers: cleanCarriers)
        var days: [String] = []
        var sums: [[(consumption: Double, carbonFree: Double)]] = []
        for (index, timestamp) in schedule.hours.enumerated() {
            let characters = Array(timestamp)
            guard characters.count >= 13, let hour = Int(String(characters[11...12])), (0..<24).contains(hour) else { continue }
            let day = String(characters[0...9])
            if days.last != day {
                days.append(day)
                sums.append(Array(repeating: (0, 0), count: 24))
            }
            sums[sums.count - 1][hour].consumption += consumption[index]
            sums[sums.count - 1][hour].carbonFree += carbonFree[index]
        }
        guard !days.isEmpty else { return "<p>No hours in this result.</p>" }
        let shares = sums.map { $0.map { $0.consumption > 0 ? $0.carbonFree / $0.consumption * 100 : Double.nan } }
        let totalConsumption = consumption.reduce(0, +)
        let score = totalConsumption > 0 ? carbonFree.reduce(0, +) / totalConsumption * 100 : Double.nan
        let note = "<p class=\"note\">Score over these hours: " + Self.figure(score, 1) + " % (summary.json: "
            + Self.figure(summary.cfeScore.map { $0 * 100 }, 1) + " %).</p>"
        let ticks = stride(from: 0, to: 24, by: 3).map { SVGChart.Tick(Double($0), ($0 < 10 ? "0" : "") + "\($0):00") }
        return note + heatmap(
            title: "Hourly carbon-free energy", rows: days, values: shares, columnTicks: ticks, xTitle: "hour of day (local time)",
            yTitle: "day", low: 0, high: 100, unit: "% carbon-free",
            tooltip: { row, column in
                days[row] + " " + (column < 10 ? "0" : "") + "\(column):00: " + Self.figure(shares[row][column], 1) + " % carbon-free ("
                    + KPITable.fixed(sums[row][column].carbonFree, 1) + " of " + KPITable.fixed(sums[row][column].consumption, 1) + " MWh)"
            })
    }

    /// Horizontal bars of the cost items, in millions of the currency when the largest item exceeds a million.
    func costChart() -> String {
        let items = summary.costs.items
        let values = items.map { $0.value ?? 0 }
        let largest = values.map(abs).max() ?? 0
        let (divisor, unit) = largest >= 1e6 ? (1e6, "million " + summary.currency) : (1.0, summary.currency)
        let scaled = values.map { $0 / divisor }
        let domain = LinearScale.niceDomain(min(scaled.min() ?? 0, 0), max(scaled.max() ?? 0, 0))
        var margins = SVGChart.Margins()
        margins.left = 130
        margins.right = 150
        var chart = SVGChart(title: "Cost breakdown", height: Double(items.count) * 30 + margins.top + margins.bottom,
                             margins: margins, xDomain: domain, yDomain: 0...Double(items.count), yDownwards: true)
        let xTicks = chart.x.ticks().map { SVGChart.Tick($0, KPITable.fixed($0, Self.decimals(for: $0))) }
        let yTicks = items.enumerated().map { SVGChart.Tick(Double($0.offset) + 0.5, $0.element.label) }
        chart.addAxes(xTicks: xTicks, yTicks: yTicks, xTitle: "cost (\(unit))", yTitle: "", grid: false)
        for (index, item) in items.enumerated() {
            let value = scaled[index]
            let text = Self.figure(item.value, 0) + " " + summary.currency
            chart.addRect(x0: 0, x1: value, y0: Double(index) + 0.2, y1: Double(index) + 0.8,
                          color: value < 0 ? "#2e8b57" : "#3a6ea5", tooltip: item.label + ": " + text)
            chart.addText(text, x: max(value, 0), y: Double(index) + 0.5, dx: 6, dy: 4)
        }
        return chart.svg()
    }
}
