import DispatchOptimizer
import Foundation
import GridModel

/// `comparison.csv`/`comparison.json` and the terminal table of `re100 compare`: one row per scenario (`base`
/// first) with the KPIs of its dispatch and their differences to the base. Field by field in docs/outputs.md,
/// typed in docs/comparison.schema.json. A figure is null (empty in CSV) when the scenario solved no hour or the
/// figure is not a finite number; a difference is null when either side is.
public struct ScenarioComparison: Sendable, Encodable {
    /// The version of this layout; bumped when a field changes meaning or disappears.
    public static let schemaVersion = 1

    /// One scenario's outcome.
    public struct Row: Sendable, Equatable {
        /// `base`, or the overlay file's name without its extension.
        public var scenario: String
        /// The solver's termination status (`optimal`, `infeasible`, ...), or `error` when the dispatch could not run.
        public var status: String
        /// Why the scenario failed (nil when it ended optimal).
        public var error: String?
        /// Hours solved.
        public var hours: Int
        /// The KPIs, nil when no hour was solved.
        public var kpis: DispatchKPIs?
        /// Where the study chart plots the scenario (its overlay's `[study]`), nil for none.
        public var study: StudyPoint?

        /// The row of a dispatch result; `error` names the failure of a non-optimal one.
        public init(scenario: String, result: DispatchResult, error: String? = nil, study: StudyPoint? = nil) {
            self.scenario = scenario
            status = result.status.rawValue
            self.error = error
            hours = result.timestamps.count
            kpis = result.timestamps.isEmpty ? nil : result.kpis
            self.study = study
        }

        /// The row of a scenario whose dispatch could not run (status `error`).
        public init(scenario: String, error: String, study: StudyPoint? = nil) {
            self.scenario = scenario
            status = "error"
            self.error = error
            hours = 0
            kpis = nil
            self.study = study
        }

        /// The figure of `metric`, nil when there is none or it is not finite.
        public func value(_ metric: Metric) -> Double? {
            guard let kpis else { return nil }
            let value: Double
            switch metric {
            case .totalCost: value = kpis.objective
            case .costPerMWh: value = kpis.objective / kpis.consumptionMWh
            case .reShare: value = kpis.reShare
            case .cfeScore: value = kpis.cfeScore
            case .co2: value = kpis.co2Tonnes
            case .peakImport: value = kpis.peakImportMW
            case .curtailed: value = kpis.curtailedMWh
            case .unserved: value = kpis.unservedMWh
            case .loadShifted: value = kpis.flexibility.loadShiftedMWh
            case .evDischarged: value = kpis.flexibility.evDischargedMWh
            }
            return value.isFinite ? value : nil
        }
    }

    /// The compared figures, in column order; `rawValue` is the field name (`delta_` + it for the difference).
    public enum Metric: String, Sendable, CaseIterable {
        /// Total cost (the LP objective), currency.
        case totalCost = "total_cost"
        /// Total cost per MWh consumed, currency/MWh.
        case costPerMWh = "cost_per_mwh"
        /// Annual RE share, 0-1.
        case reShare = "re_share"
        /// Hourly carbon-free score, 0-1.
        case cfeScore = "cfe_score"
        /// CO2, t.
        case co2 = "co2_t"
        /// Largest hourly grid import, MW.
        case peakImport = "peak_import_mw"
        /// Curtailed renewable energy, MWh.
        case curtailed = "curtailed_mwh"
        /// Unserved demand, MWh.
        case unserved = "unserved_mwh"
        /// Energy flexible loads moved into other hours, MWh.
        case loadShifted = "load_shifted_mwh"
        /// Energy EV fleets fed back (vehicle-to-grid), MWh.
        case evDischarged = "ev_v2g_mwh"
    }

    /// The grid's currency (ISO 4217), the unit of costs.
    public let currency: String
    /// The rows, `base` first.
    public let rows: [Row]

    /// A comparison of `rows`; the first row is the base every difference is taken to.
    public init(currency: String, rows: [Row]) {
        self.currency = currency
        self.rows = rows
    }

    /// The scenarios that did not end optimal, in row order.
    public var failed: [Row] { rows.filter { $0.status != "optimal" } }

    /// `row`'s `metric` minus the base's, nil when either is missing.
    public func delta(_ metric: Metric, of row: Row) -> Double? {
        guard let base = rows.first?.value(metric), let value = row.value(metric) else { return nil }
        return value - base
    }

    /// The CSV header: `scenario,status,hours`, the figures, their `delta_` differences, `x,series,error`.
    public static var header: [String] {
        ["scenario", "status", "hours"] + Metric.allCases.map(\.rawValue)
            + Metric.allCases.map { "delta_" + $0.rawValue } + ["x", "series", "error"]
    }

    /// `comparison.csv`: the header and one line per row, numbers as `ReportFormat.number`, missing values empty.
    public func csv() -> String {
        let lines = rows.map { row in
            let figures = Metric.allCases.map { row.value($0).map(ReportFormat.number) ?? "" }
            let deltas = Metric.allCases.map { delta($0, of: row).map(ReportFormat.number) ?? "" }
            return ([ReportFormat.field(row.scenario), row.status, "\(row.hours)"] + figures + deltas
                    + [row.study.map { ReportFormat.number($0.x) } ?? "", ReportFormat.field(row.study?.series ?? ""),
                       ReportFormat.field(row.error ?? "")]).joined(separator: ",")
        }
        return ([Self.header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    private enum Key: String, CodingKey {
        case schemaVersion = "schema_version", currency, base, failed, rows, xTitle = "x_title", curves
    }

    private struct Fields: Encodable {
        let comparison: ScenarioComparison
        let row: Row

        struct Name: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Name.self)
            try container.encode(row.scenario, forKey: Name(stringValue: "scenario"))
            try container.encode(row.status, forKey: Name(stringValue: "status"))
            try container.encode(row.error, forKey: Name(stringValue: "error"))
            try container.encode(row.hours, forKey: Name(stringValue: "hours"))
            for metric in Metric.allCases {
                try container.encode(row.value(metric), forKey: Name(stringValue: metric.rawValue))
                try container.encode(comparison.delta(metric, of: row), forKey: Name(stringValue: "delta_" + metric.rawValue))
            }
            try container.encode(row.study?.x, forKey: Name(stringValue: "x"))
            try container.encode(row.study?.series, forKey: Name(stringValue: "series"))
        }
    }

    /// Encodes `schema_version`, `currency`, `base`, `failed` (the names of failed scenarios), `rows`, and the
    /// study: `x_title` and `curves` (one per series: `series`, `scenarios` in x order, `slope_cost_per_mwh`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(currency, forKey: .currency)
        try container.encode(rows.first?.scenario, forKey: .base)
        try container.encode(failed.map(\.scenario), forKey: .failed)
        try container.encode(rows.map { Fields(comparison: self, row: $0) }, forKey: .rows)
        try container.encode(xTitle, forKey: .xTitle)
        try container.encode(curves.map(CurveFields.init), forKey: .curves)
    }

    /// `comparison.json`: pretty-printed with sorted keys and a final newline, byte-identical for the same input.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The terminal table: one line per scenario with cost, cost per MWh, RE share, CFE score, CO2, peak import,
    /// curtailment and unserved energy, each difference to the base in parentheses; `-` where there is no value.
    public func table() -> String {
        let columns: [(title: String, metric: Metric, scale: Double, decimals: Int)] = [
            ("total cost \(currency)", .totalCost, 1, 0), ("\(currency)/MWh", .costPerMWh, 1, 0),
            ("RE share %", .reShare, 100, 1), ("CFE %", .cfeScore, 100, 1), ("CO2 t", .co2, 1, 1),
            ("peak import MW", .peakImport, 1, 2), ("curtailed MWh", .curtailed, 1, 1), ("unserved MWh", .unserved, 1, 1),
        ]
        let header = ["scenario", "status"] + columns.map(\.title)
        let body = rows.enumerated().map { index, row in
            [row.scenario, row.status] + columns.map { column in
                guard let value = row.value(column.metric) else { return "-" }
                let text = KPITable.fixed(value * column.scale, column.decimals)
                guard index > 0, let delta = delta(column.metric, of: row) else { return text }
                let change = KPITable.fixed(delta * column.scale, column.decimals)
                return text + " (" + (change.hasPrefix("-") ? "" : "+") + change + ")"
            }
        }
        let lines = Self.aligned([header] + body, leftColumns: 2)
        let failures = failed.map { "\($0.scenario): \($0.status)" + ($0.error.map { " - " + $0 } ?? "") }
        return (lines + (failures.isEmpty ? [] : ["", "failed:"] + failures.map { "  " + $0 }) + studyTable())
            .joined(separator: "\n") + "\n"
    }

    /// `cells` as lines of columns two spaces apart, the first `leftColumns` left-aligned, the others right-aligned.
    static func aligned(_ cells: [[String]], leftColumns: Int) -> [String] {
        let widths = (cells.first ?? []).indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < leftColumns ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
