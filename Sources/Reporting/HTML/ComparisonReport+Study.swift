import Foundation

/// The study section of the comparison report: cost per MWh against the scenarios' `[study]` x values, one line
/// per series with its least-squares slope, and the table of the points (docs/report.md).
extension ComparisonReport {
    /// The x axis title, the first non-empty one of the rows' study points (`x` when none names one).
    var xTitle: String {
        rows.lazy.compactMap { $0.study?.xTitle }.first { !$0.isEmpty } ?? "x"
    }

    /// One curve per series of the rows with a study point, series in row order.
    var curves: [StudyCurve] {
        StudyCurve.curves(rows.compactMap { row in
            row.study.map { ($0.series, StudyCurve.Point(scenario: row.scenario, x: $0.x, costPerMWh: row.values[.costPerMWh])) }
        })
    }

    /// The colour of the `index`-th curve.
    static func curveColor(_ index: Int) -> String {
        CarrierPalette.fallback[(index + 7) % CarrierPalette.fallback.count]
    }

    /// The section (empty when no row has a study point): the line chart and the table of its points.
    func studySection() -> String {
        let curves = curves
        guard !curves.isEmpty else { return "" }
        let legend = curves.enumerated().map { index, curve in
            ((curve.series.isEmpty ? "cost per MWh" : curve.series) + ": slope "
                + HTMLReport.figure(curve.slope, 1) + " \(currency)/MWh per unit", Self.curveColor(index), true)
        }
        return "<section><h2>" + HTMLText.escape("Cost per MWh against " + xTitle) + "</h2><p class=\"note\">"
            + HTMLText.escape("Each point is a scenario placed by its overlay's [study] table; the slope is the least-squares fit of cost per MWh against x.")
            + "</p>" + HTMLReport.legend(legend) + studyChart(curves) + studyTable(curves) + "</section>\n"
    }

    /// The line chart: x as given, cost per MWh on a nice domain around the points (not from zero, so the
    /// slope shows), a line and a dot per point of each curve.
    func studyChart(_ curves: [StudyCurve]) -> String {
        let points = curves.flatMap(\.costs)
        let xDomain = LinearScale.niceDomain(points.map(\.x).min() ?? 0, points.map(\.x).max() ?? 0)
        let yDomain = LinearScale.niceDomain(points.map(\.y).min() ?? 0, points.map(\.y).max() ?? 0)
        var chart = SVGChart(title: "Cost per MWh against " + xTitle, width: 720, height: 320, xDomain: xDomain, yDomain: yDomain)
        let ticks = { (scale: LinearScale) in scale.ticks(count: 5).map { SVGChart.Tick($0, KPITable.fixed($0, HTMLReport.decimals(for: $0))) } }
        chart.addAxes(xTicks: ticks(chart.x), yTicks: ticks(chart.y), xTitle: xTitle, yTitle: "cost per MWh (\(currency)/MWh)")
        for (index, curve) in curves.enumerated() {
            let color = Self.curveColor(index)
            chart.addLine(curve.costs, color: color, width: 2)
            for point in curve.points {
                guard let cost = point.costPerMWh else { continue }
                chart.addCircle(x: point.x, y: cost, radius: 3.5, color: color,
                                tooltip: point.scenario + ": " + KPITable.fixed(cost, 0) + " \(currency)/MWh")
            }
        }
        return chart.svg()
    }

    /// The table of the points: series, scenario, x, cost per MWh, CFE score, energy moved and V2G.
    func studyTable(_ curves: [StudyCurve]) -> String {
        let byName = Dictionary(rows.map { ($0.scenario, $0) }, uniquingKeysWith: { first, _ in first })
        let metrics: [ScenarioComparison.Metric] = [.costPerMWh, .cfeScore, .loadShifted, .evDischarged]
        var html = "<table><thead><tr><th>series</th><th>scenario</th><th>" + HTMLText.escape(xTitle) + "</th>"
            + metrics.map { "<th>" + HTMLText.escape(display($0).title + " (" + display($0).unit + ")") + "</th>" }.joined()
            + "</tr></thead><tbody>"
        for curve in curves {
            for point in curve.points {
                html += "<tr><td>" + HTMLText.escape(curve.series) + "</td><td class=\"text\">" + HTMLText.escape(point.scenario)
                    + "</td><td>" + HTMLText.escape(ReportFormat.number(point.x)) + "</td>"
                    + metrics.map { "<td>" + HTMLText.escape(figure(byName[point.scenario]?.values[$0], $0)) + "</td>" }.joined()
                    + "</tr>"
            }
        }
        return html + "</tbody></table>"
    }
}
