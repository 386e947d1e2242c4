import Foundation

/// The bar charts and the table of the comparison report.
extension ComparisonReport {
    /// How a figure is shown: its title, unit, the factor from the file's unit and the decimals.
    struct Display: Sendable {
        /// The chart's and column's title.
        let title: String
        /// The unit shown.
        let unit: String
        /// Multiplies the file's value (shares 0-1 become percent).
        let scale: Double
        /// Decimals of the labels.
        let decimals: Int
    }

    /// The figures with a bar chart, in page order.
    static let chartedMetrics: [ScenarioComparison.Metric] = [.totalCost, .reShare, .cfeScore, .co2, .peakImport]

    /// How `metric` is shown (costs in the currency).
    func display(_ metric: ScenarioComparison.Metric) -> Display {
        switch metric {
        case .totalCost: return Display(title: "Total cost", unit: currency, scale: 1, decimals: 0)
        case .costPerMWh: return Display(title: "Cost per MWh", unit: currency + "/MWh", scale: 1, decimals: 0)
        case .reShare: return Display(title: "RE share", unit: "%", scale: 100, decimals: 1)
        case .cfeScore: return Display(title: "CFE score (hourly)", unit: "%", scale: 100, decimals: 1)
        case .co2: return Display(title: "CO2", unit: "t", scale: 1, decimals: 1)
        case .peakImport: return Display(title: "Peak import", unit: "MW", scale: 1, decimals: 2)
        case .curtailed: return Display(title: "Curtailed", unit: "MWh", scale: 1, decimals: 1)
        case .unserved: return Display(title: "Unserved", unit: "MWh", scale: 1, decimals: 1)
        case .loadShifted: return Display(title: "Load moved", unit: "MWh", scale: 1, decimals: 1)
        case .evDischarged: return Display(title: "V2G", unit: "MWh", scale: 1, decimals: 1)
        }
    }

    /// `12.3` or `n/a` in the metric's display unit.
    func figure(_ value: Double?, _ metric: ScenarioComparison.Metric) -> String {
        let shown = display(metric)
        return HTMLReport.figure(value.map { $0 * shown.scale }, shown.decimals)
    }

    /// `+1.5` / `-0.2` / `±0` in the metric's display unit divided by `divisor` with `decimals` (default: the
    /// metric's), nil when there is no difference to show.
    func difference(_ metric: ScenarioComparison.Metric, of row: Row, divisor: Double = 1, decimals: Int? = nil) -> String? {
        guard let delta = delta(metric, of: row) else { return nil }
        let shown = display(metric)
        let text = KPITable.fixed(delta * shown.scale / divisor, decimals ?? shown.decimals)
        if text.trimmingCharacters(in: CharacterSet(charactersIn: "-0.,")).isEmpty { return "±0" }
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// One horizontal bar per scenario for `metric` (the base grey, others blue, negative values to the left),
    /// each labelled with its figure and its difference to the base; failed scenarios get a note instead.
    func barChart(_ metric: ScenarioComparison.Metric) -> String {
        let shown = display(metric)
        let values = rows.map { $0.values[metric].map { $0 * shown.scale } }
        let finite = values.compactMap { $0 }
        let largest = finite.map(abs).max() ?? 0
        // Costs above a million in millions, with 2 decimals below 100 million.
        let (divisor, unit, decimals) = metric == .totalCost && largest >= 1e6
            ? (1e6, "million " + currency, largest >= 1e8 ? 1 : 2) : (1.0, shown.unit, shown.decimals)
        let domain = LinearScale.niceDomain(min(finite.min() ?? 0, 0) / divisor, max(finite.max() ?? 0, 0) / divisor)
        var margins = SVGChart.Margins()
        margins.left = 120
        margins.right = 150
        var chart = SVGChart(title: shown.title, width: 540, height: Double(rows.count) * 26 + margins.top + margins.bottom,
                             margins: margins, xDomain: domain, yDomain: 0...Double(max(rows.count, 1)), yDownwards: true)
        let xTicks = chart.x.ticks(count: 4).map { SVGChart.Tick($0, KPITable.fixed($0, HTMLReport.decimals(for: $0))) }
        let yTicks = rows.enumerated().map { SVGChart.Tick(Double($0.offset) + 0.5, $0.element.scenario) }
        chart.addAxes(xTicks: xTicks, yTicks: yTicks, xTitle: shown.title + " (" + unit + ")", yTitle: "", grid: false)
        for (index, row) in rows.enumerated() {
            guard let value = values[index] else {
                chart.addText("no result (" + row.status + ")", x: 0, y: Double(index) + 0.5, dx: 6, dy: 4)
                continue
            }
            // Labels in the axis unit (millions for large costs), the unit itself in the axis title.
            var label = KPITable.fixed(value / divisor, decimals)
            if index > 0, let change = difference(metric, of: row, divisor: divisor, decimals: decimals) {
                label += " (" + change + ")"
            }
            chart.addRect(x0: 0, x1: value / divisor, y0: Double(index) + 0.2, y1: Double(index) + 0.8,
                          color: index == 0 ? "#8c959f" : "#3a6ea5", tooltip: row.scenario + ": " + label + " " + unit)
            chart.addText(label, x: max(value / divisor, 0), y: Double(index) + 0.5, dx: 6, dy: 4)
        }
        return "<div><h3>" + HTMLText.escape(shown.title) + "</h3>" + chart.svg() + "</div>"
    }

    /// The table of every scenario and figure, with links to the scenarios' reports.
    func table() -> String {
        let metrics = ScenarioComparison.Metric.allCases
        var html = "<table><thead><tr><th>scenario</th><th>status</th><th>hours</th>"
            + metrics.map { "<th>" + HTMLText.escape(display($0).title + " (" + display($0).unit + ")") + "</th>" }.joined()
            + "<th>report</th></tr></thead><tbody>"
        for (index, row) in rows.enumerated() {
            html += "<tr id=\"scenario-" + HTMLText.escape(row.scenario) + "\"><td>" + HTMLText.escape(row.scenario) + "</td>"
                + "<td class=\"text\">" + HTMLText.escape(row.status + (row.error.map { ": " + $0 } ?? "")) + "</td>"
                + "<td>\(row.hours)</td>"
            for metric in metrics {
                let change = index > 0 ? difference(metric, of: row).map { " <span class=\"delta\">(" + $0 + ")</span>" } ?? "" : ""
                html += "<td>" + HTMLText.escape(figure(row.values[metric], metric)) + change + "</td>"
            }
            let link = linkedScenarios.contains(row.scenario)
                ? "<a href=\"" + HTMLText.escape(Self.linkPath(row.scenario)) + "\">report</a>" : ""
            html += "<td class=\"text\">" + link + "</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The relative link to a scenario's report, its folder name percent-encoded where needed.
    static func linkPath(_ scenario: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
        return (scenario.addingPercentEncoding(withAllowedCharacters: allowed) ?? scenario) + "/report.html"
    }
}
