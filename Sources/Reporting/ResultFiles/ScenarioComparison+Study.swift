import GridModel

/// The study of a comparison: scenarios whose overlays carry a `[study]` point, as cost per MWh against x, one
/// curve per series (docs/cli.md, `re100 compare`).
extension ScenarioComparison {
    /// The x axis title: the first non-empty `x_title` of the rows' study points, empty when none names one.
    public var xTitle: String {
        rows.lazy.compactMap { $0.study?.xTitle }.first { !$0.isEmpty } ?? ""
    }

    /// One curve per series of the rows with a study point, series in row order, points ascending in x.
    public var curves: [StudyCurve] {
        StudyCurve.curves(rows.compactMap { row in
            row.study.map { ($0.series, StudyCurve.Point(scenario: row.scenario, x: $0.x, costPerMWh: row.value(.costPerMWh))) }
        })
    }

    /// A curve as `comparison.json` records it.
    struct CurveFields: Encodable {
        let curve: StudyCurve

        private enum Key: String, CodingKey {
            case series, scenarios, slope = "slope_cost_per_mwh"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(curve.series, forKey: .series)
            try container.encode(curve.points.map(\.scenario), forKey: .scenarios)
            try container.encode(curve.slope.flatMap { $0.isFinite ? $0 : nil }, forKey: .slope)
        }
    }

    /// The study's lines of the terminal table (none without study points): a blank line, a title, one line per
    /// point (series, x, scenario, cost per MWh, CFE score, energy moved, V2G) and each curve's slope.
    func studyTable() -> [String] {
        let curves = curves
        guard !curves.isEmpty else { return [] }
        let byName = Dictionary(rows.map { ($0.scenario, $0) }, uniquingKeysWith: { first, _ in first })
        let axis = xTitle.isEmpty ? "x" : xTitle
        let header = ["series", "scenario", axis, "\(currency)/MWh", "CFE %", "moved MWh", "V2G MWh"]
        let figure = { (row: Row?, metric: Metric, scale: Double, decimals: Int) in
            row?.value(metric).map { KPITable.fixed($0 * scale, decimals) } ?? "-"
        }
        let body = curves.flatMap { curve in
            curve.points.map { point in
                let row = byName[point.scenario]
                return [curve.series.isEmpty ? "-" : curve.series, point.scenario, ReportFormat.number(point.x),
                        figure(row, .costPerMWh, 1, 1), figure(row, .cfeScore, 100, 2), figure(row, .loadShifted, 1, 1),
                        figure(row, .evDischarged, 1, 1)]
            }
        }
        let slopes = curves.map { curve in
            "slope" + (curve.series.isEmpty ? "" : " " + curve.series) + ": "
                + (curve.slope.map { KPITable.fixed($0, 1) } ?? "-") + " \(currency)/MWh per unit of " + axis
        }
        return ["", "cost per MWh against \(axis):"] + Self.aligned([header] + body, leftColumns: 2) + slopes
    }
}
