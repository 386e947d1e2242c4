/// The scenario fan of the HTML report (docs/report.md): what the plan was made from.
extension HTMLReport {
    /// The p10-p90 band and the p50 line of the forecast loads (summed: the scenarios of `--scenarios quantile` move
    /// every series together) and of each forecast generator's availability, over the schedule's hours; the hours a
    /// scenario dispatch shares across its scenarios (the committed ones) are shaded.
    func forecastFan() -> String {
        guard let forecasts, !forecasts.series.isEmpty else { return "<p>Nothing was forecast for this result.</p>" }
        var html = ""
        if forecasts.has("loads.") {
            html += fanChart(title: "Forecast load, all forecast loads summed", yTitle: "load (MW)", prefix: "loads.",
                             forecasts: forecasts)
        }
        for series in forecasts.series where series.name.hasPrefix("generators.") {
            html += fanChart(title: "Forecast availability of " + series.name, yTitle: "availability (per unit of p_nom)",
                             prefix: series.name, forecasts: forecasts)
        }
        var legend: [(label: String, color: String, line: Bool)] = [("p10-p90", Self.fanBand, false), ("p50", Self.fanLine, true)]
        if let shared = summary.scenarioDispatch?.sharedHours, shared > 0 {
            legend.append(("committed hours (\(shared) h, shared by every scenario)", Self.committedShade, false))
        }
        return Self.legend(legend) + html
    }

    private static let fanBand = "#c6dbef", fanLine = "#08519c", committedShade = "#f3e6c4"

    private func fanChart(title: String, yTitle: String, prefix: String, forecasts: ReportForecasts) -> String {
        let hours = schedule.hours
        let p10 = forecasts.sum(prefix, \.p10, over: hours), p50 = forecasts.sum(prefix, \.p50, over: hours)
        let p90 = forecasts.sum(prefix, \.p90, over: hours)
        let high = max(p90.max() ?? 1, p50.max() ?? 1, 1e-9)
        var chart = timeChart(title: title, high: high, yTitle: yTitle, height: 220)
        if let shared = summary.scenarioDispatch?.sharedHours, shared > 0 {
            chart.addRect(x0: 0, x1: Double(min(shared, hours.count)), y0: 0, y1: high, color: Self.committedShade,
                          tooltip: "committed hours")
        }
        chart.addBand(lower: Self.points(p10), upper: Self.points(p90), color: Self.fanBand, label: "p10-p90")
        chart.addLine(Self.points(p50), color: Self.fanLine, width: 2)
        return chart.svg()
    }
}
