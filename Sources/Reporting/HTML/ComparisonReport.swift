import Foundation
import GridModel

/// The self-contained HTML report of a scenario comparison (`re100 compare --out DIR` writes it as
/// `DIR/report.html`; `re100 report DIR` renders it from `DIR/comparison.json`): one small bar chart per key figure
/// (total cost, RE share, CFE score, CO2, peak import) with the base first and every difference to it labelled,
/// and a table of all scenarios with links to their own reports. Inline CSS and SVG, no scripts; the same rows
/// give the same bytes. Documented in docs/report.md.
public struct ComparisonReport: Sendable {
    /// One scenario as `comparison.json` records it.
    public struct Row: Sendable, Equatable {
        /// `base`, or the overlay file's name without its extension.
        public var scenario: String
        /// The solver's termination status, or `error`.
        public var status: String
        /// Why the scenario failed, nil when it ended optimal.
        public var error: String?
        /// Hours solved.
        public var hours: Int
        /// The figures by metric (nil: none).
        public var values: [ScenarioComparison.Metric: Double]
        /// Where the study chart plots the scenario, nil for none.
        public var study: StudyPoint?

        /// A row with its figures.
        public init(scenario: String, status: String, error: String?, hours: Int,
                    values: [ScenarioComparison.Metric: Double], study: StudyPoint? = nil) {
            self.scenario = scenario
            self.status = status
            self.error = error
            self.hours = hours
            self.values = values
            self.study = study
        }
    }

    /// The grid's currency, the unit of costs.
    public let currency: String
    /// The rows, the base first.
    public let rows: [Row]
    /// Scenarios whose folder holds a `report.html` to link to (`<scenario>/report.html`).
    public let linkedScenarios: Set<String>

    /// A report of `rows` (the base first) in `currency`, linking to the reports of `linkedScenarios`.
    public init(currency: String, rows: [Row], linkedScenarios: Set<String> = []) {
        self.currency = currency
        self.rows = rows
        self.linkedScenarios = linkedScenarios
    }

    /// The report of an in-memory comparison.
    public init(_ comparison: ScenarioComparison, linkedScenarios: Set<String> = []) {
        let rows = comparison.rows.map { row in
            var values: [ScenarioComparison.Metric: Double] = [:]
            for metric in ScenarioComparison.Metric.allCases { values[metric] = row.value(metric) }
            return Row(scenario: row.scenario, status: row.status, error: row.error, hours: row.hours, values: values,
                       study: row.study)
        }
        self.init(currency: comparison.currency, rows: rows, linkedScenarios: linkedScenarios)
    }

    /// The report of a `comparison.json` (docs/comparison.schema.json).
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(json: Data, linkedScenarios: Set<String> = []) throws {
        let file = try JSONDecoder().decode(ComparisonFile.self, from: json)
        let rows = file.rows.map { fileRow in
            var row = fileRow.row
            row.study?.xTitle = file.xTitle ?? ""
            return row
        }
        self.init(currency: file.currency, rows: rows, linkedScenarios: linkedScenarios)
    }

    /// `row`'s `metric` minus the base's, nil when either is missing.
    func delta(_ metric: ScenarioComparison.Metric, of row: Row) -> Double? {
        guard let base = rows.first?.values[metric], let value = row.values[metric] else { return nil }
        return value - base
    }

    /// The whole HTML document.
    public func render() -> String {
        let title = "re100 comparison: " + (rows.first?.scenario ?? "base") + " and \(max(rows.count - 1, 0)) scenarios"
        let failed = rows.filter { $0.status != "optimal" }
        var body = "<header><h1>\(HTMLText.escape(title))</h1><p>" + HTMLText.escape(
            "Each scenario is one overlay applied alone on the base grid; differences are to the base. Costs in \(currency).")
            + "</p></header>\n"
        if !failed.isEmpty {
            body += "<p class=\"warning\">" + HTMLText.escape("Failed: " + failed.map { "\($0.scenario) (\($0.status))" }
                .joined(separator: ", ") + ". They have no bars.") + "</p>\n"
        }
        body += "<section><h2>Key figures</h2><p class=\"note\">"
            + HTMLText.escape("One bar per scenario, the base first (grey); labels give the figure and its difference to the base.")
            + "</p><div class=\"charts\">" + Self.chartedMetrics.map { barChart($0) }.joined() + "</div></section>\n"
        body += studySection()
        body += "<section><h2>Scenarios</h2><p class=\"note\">" + HTMLText.escape(
            "Every figure of comparison.json, the difference to the base in parentheses; each scenario's own report is linked where it was written.")
            + "</p>" + table() + "</section>\n"
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n<style>\(HTMLReport.styleSheet)\n\(Self.extraStyle)</style>\n</head>\n<body>\n"
            + body + "<footer>Written by re100 from comparison.json.</footer>\n</body>\n</html>\n"
    }

    /// Table and chart grid styles added to the single report's style sheet.
    static let extraStyle = """
        .charts{display:grid;grid-template-columns:1fr 1fr;gap:12px 24px}h3{font-size:14px;margin:8px 0 0}
        table{border-collapse:collapse;font-size:13px;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:right}
        th:first-child,td:first-child,td.text{text-align:left}td .delta{color:#57606a}
        """
}

/// `comparison.json` as decoded for the report.
private struct ComparisonFile: Decodable {
    let currency: String
    let rows: [FileRow]
    let xTitle: String?

    enum CodingKeys: String, CodingKey {
        case currency, rows, xTitle = "x_title"
    }

    /// One row: the fixed fields and one optional number per metric.
    struct FileRow: Decodable {
        let row: ComparisonReport.Row

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var values: [ScenarioComparison.Metric: Double] = [:]
            for metric in ScenarioComparison.Metric.allCases {
                values[metric] = try container.decodeIfPresent(Double.self, forKey: Key(stringValue: metric.rawValue))
            }
            let x = try container.decodeIfPresent(Double.self, forKey: Key(stringValue: "x"))
            let series = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "series"))
            row = ComparisonReport.Row(
                scenario: try container.decode(String.self, forKey: Key(stringValue: "scenario")),
                status: try container.decode(String.self, forKey: Key(stringValue: "status")),
                error: try container.decodeIfPresent(String.self, forKey: Key(stringValue: "error")),
                hours: try container.decode(Int.self, forKey: Key(stringValue: "hours")), values: values,
                study: x.map { StudyPoint(x: $0, series: series ?? "") })
        }
    }
}
