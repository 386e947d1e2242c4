import DispatchOptimizer

/// The self-contained HTML report of one dispatch result (`re100 report`): inline CSS and inline SVG charts,
/// no scripts, no network access. Every chart is documented in docs/report.md. The same inputs give the same
/// bytes.
public struct HTMLReport: Sendable {
    /// The summary of the run.
    public let summary: ReportSummary
    /// The hourly schedule.
    public let schedule: ReportSchedule
    /// The nodal prices over the schedule's hours.
    public let prices: ReportPrices
    /// The tariff band of every hour of the schedule (nil: the grid is not at hand or has no tariff; the grid
    /// import chart then shows no bands and marks the largest import instead of the monthly billing peaks).
    public let tariffBands: TariffBands?
    /// Each EV fleet's minimum stored energy per hour of the schedule (MWh, `e_min_pu·e_nom`), by name; empty when
    /// the grid is not at hand.
    public let fleetMinimumMWh: [String: [Double]]
    /// The forecasts the plan was made from (`forecasts.csv`), nil when nothing was forecast.
    public let forecasts: ReportForecasts?

    /// A report of `summary`, `schedule` and `prices` (all from one result directory), with the tariff bands of
    /// the schedule's hours when known (ignored unless they cover exactly the schedule's hours), the EV fleets'
    /// minimum stored energy per hour when known (series of another length are ignored) and the forecasts behind
    /// the plan when any.
    public init(summary: ReportSummary, schedule: ReportSchedule, prices: ReportPrices, tariffBands: TariffBands? = nil,
                fleetMinimumMWh: [String: [Double]] = [:], forecasts: ReportForecasts? = nil) {
        self.summary = summary
        self.schedule = schedule
        self.prices = prices
        self.tariffBands = tariffBands.flatMap { $0.hourBands.count == schedule.hours.count ? $0 : nil }
        self.fleetMinimumMWh = fleetMinimumMWh.filter { $0.value.count == schedule.hours.count }
        self.forecasts = forecasts.flatMap { $0.series.isEmpty ? nil : $0 }
    }

    /// The carriers the hourly CFE heatmap counts as carbon-free: the summary's list if it has one, else
    /// `ReportSchedule.defaultCleanCarriers`.
    public var cleanCarriers: Set<String> {
        summary.cleanCarriers.map(Set.init) ?? ReportSchedule.defaultCleanCarriers
    }

    /// The whole HTML document.
    public func render() -> String {
        let title = "re100 report: " + summary.grid.path
        var body = "<header><h1>\(HTMLText.escape(title))</h1><p>"
            + HTMLText.escape(horizonText) + "</p></header>\n"
        if summary.status != "optimal" {
            body += "<p class=\"warning\">Solver status: \(HTMLText.escape(summary.status)). Figures cover the solved hours only.</p>\n"
        }
        body += kpiCards() + "\n"
        var sections: [(String, String, String)] = [
            ("Dispatch by carrier", "Power injected per hour, stacked by source; lines: load served and load plus storage charging.", dispatchChart()),
            ("Storage state of charge", "Energy stored at the end of each hour per storage unit and store.", stateOfChargeChart()),
            ("Grid import", gridImportNote, gridImportChart()),
            ("Nodal prices (LMP)", "Locational marginal price per bus and hour: what one more MWh consumed there would cost.", priceHeatmap()),
            ("Hourly carbon-free energy", cfeNote, cfeHeatmap()),
            ("Cost breakdown", "The items of the total cost; export revenue is negative.", costChart()),
        ]
        if hasFlexibility {
            sections.insert(("Flexible loads and EV fleets", "Requested (dashed) against served power of each flexible load; "
                                + "energy in each EV fleet's batteries against the minimum its departures need (dashed).",
                             flexibilityCharts()), at: 2)
        }
        if forecasts != nil {
            sections.insert(("Forecast fan", "The forecasts the plan was made from: p10-p90 band and p50 of the forecast loads and PV availability (docs/uncertainty.md).",
                             forecastFan()), at: 1)
        }
        for (heading, note, content) in sections {
            body += "<section><h2>\(HTMLText.escape(heading))</h2><p class=\"note\">\(HTMLText.escape(note))</p>\(content)</section>\n"
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n<style>\(Self.styleSheet)</style>\n</head>\n<body>\n"
            + body + "<footer>Written by re100 report from schedule.csv, prices.csv and summary.json"
            + (forecasts == nil ? "" : " and forecasts.csv") + ".</footer>\n"
            + "</body>\n</html>\n"
    }

    /// `2026-01-01T00:00+09:00 to 2026-01-07T23:00+09:00 (168 hours, Asia/Seoul) · status optimal · KRW`.
    var horizonText: String {
        let span = [summary.horizon.start, summary.horizon.end].compactMap { $0 }.joined(separator: " to ")
        let zone = summary.grid.timeZone.map { ", " + $0 } ?? ""
        return "\(span) (\(summary.horizon.hours) hours\(zone)) · status \(summary.status) · costs in \(summary.currency)"
    }

    /// The note of the CFE heatmap naming the carriers counted as clean.
    var cfeNote: String {
        "Per hour min(consumption, carbon-free supply) / consumption, carbon-free = generation and physical PPAs of "
            + cleanCarriers.sorted().joined(separator: ", ") + " (minus exports)."
    }

    /// The KPI cards.
    func kpiCards() -> String {
        let perMWh: Double? = {
            guard let total = summary.costs.total, let consumption = summary.consumptionMWh, consumption > 0 else { return nil }
            return total / consumption
        }()
        let cards: [(String, String, String)] = [
            ("Total cost", Self.figure(summary.costs.total, 0), summary.currency),
            ("Cost per MWh", Self.figure(perMWh, 0), summary.currency + "/MWh"),
            ("RE share", Self.figure(summary.reShare.map { $0 * 100 }, 1), "%"),
            ("CFE score (hourly)", Self.figure(summary.cfeScore.map { $0 * 100 }, 1), "%"),
            ("CO2", Self.figure(summary.co2Tonnes, 1), "t"),
            ("Peak import", Self.figure(summary.peakImportMW, 2), "MW"),
            ("Curtailed", Self.figure(summary.curtailedMWh, 1), "MWh"),
            ("Unserved", Self.figure(summary.unservedMWh, 1), "MWh"),
        ]
        return "<div class=\"cards\">" + cards.map { label, value, unit in
            "<div class=\"card\"><div class=\"label\">\(HTMLText.escape(label))</div>"
                + "<div class=\"value\">\(HTMLText.escape(value))</div><div class=\"unit\">\(HTMLText.escape(unit))</div></div>"
        }.joined() + "</div>"
    }

    /// A legend: one entry per (label, colour, is-a-line).
    static func legend(_ entries: [(label: String, color: String, line: Bool)]) -> String {
        "<ul class=\"legend\">" + entries.map { entry in
            "<li><span class=\"\(entry.line ? "swatch line" : "swatch")\" style=\"\(entry.line ? "border-color" : "background"):"
                + "\(HTMLText.escape(entry.color))\"></span>\(HTMLText.escape(entry.label))</li>"
        }.joined() + "</ul>"
    }

    /// `value` with `decimals` decimals and thousands separators; `n/a` when absent or not finite.
    static func figure(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return KPITable.fixed(value, decimals)
    }

    /// The style sheet: system sans-serif with Noto CJK for Korean text, print-friendly.
    static let styleSheet = """
        body{font-family:system-ui,"Noto Sans","Noto Sans CJK KR",sans-serif;margin:24px auto;max-width:1120px;color:#1b1f24;background:#fff}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 2px}
        header p,.note,footer{color:#57606a;font-size:13px;margin:2px 0 8px}
        .warning{background:#fff4e5;border:1px solid #f0a020;padding:8px;border-radius:4px}
        .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:16px 0}
        .card{border:1px solid #d0d7de;border-radius:6px;padding:10px 12px}
        .card .label{font-size:12px;color:#57606a}.card .value{font-size:22px;font-weight:600;margin-top:2px}
        .card .unit{font-size:12px;color:#57606a}
        .legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}
        .swatch{display:inline-block;width:14px;height:10px;margin-right:6px;vertical-align:middle}
        .swatch.line{height:0;border-top:3px solid;width:18px}
        svg{display:block;font-size:11px}svg rect{shape-rendering:crispEdges}svg text{fill:#1b1f24}svg text.title{font-size:12px;fill:#57606a}
        svg text.note{font-size:12px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
        .axis line{stroke:#8c959f;stroke-width:1}.axis line.grid{stroke:#eaeef2}
        footer{margin-top:32px}
        """
}
