import Foundation
import Reporting

/// What `re100 history` prints: the recorded runs and the forecast accuracy, as a terminal table, CSV or JSON
/// (docs/outputs.md, "re100 history"). A nil list is a section not asked for (`--show`).
public struct RunArchiveReport: Encodable {
    /// The version of the JSON layout; bumped when a field changes meaning or disappears.
    public static let schemaVersion = 1
    /// Longest error text in the terminal table (its first line, cut with `...`).
    public static let errorWidth = 72

    /// The runs, oldest first.
    public var runs: [ArchivedRun]?
    /// MAE and MAPE by series and horizon hour.
    public var accuracy: [ForecastAccuracy]?

    private enum Key: String, CodingKey {
        case schemaVersion = "schema_version", runs, accuracy
    }

    /// A report of `runs` and `accuracy` (nil: the section was not asked for).
    public init(runs: [ArchivedRun]?, accuracy: [ForecastAccuracy]?) {
        self.runs = runs
        self.accuracy = accuracy
    }

    /// `schema_version` and the sections asked for.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encodeIfPresent(runs, forKey: .runs)
        try container.encodeIfPresent(accuracy, forKey: .accuracy)
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The sections as CSV with a header line each, separated by one empty line when both are shown.
    public func csv() -> String {
        var blocks: [String] = []
        if let runs {
            let header = "id,folder,started_at,finished_at,status,exit_code,error,grid_path,grid_fingerprint_sha256,"
                + "time_zone,first_hour,hours,solver_status,objective,currency,re_share,cfe_score,co2_t,peak_import_mw,total_s,"
                + "ytd_period,ytd_hours,ytd_demand_mwh,ytd_renewable_mwh,ytd_re_share,ytd_cfe_score,ytd_co2_t,"
                + "target_re_share,target_cfe_score,target_co2_cap_t"
            blocks.append(([header] + runs.map { run in
                let ytd = run.yearToDate
                let cells: [String] = [
                    String(run.id), run.folder ?? "", ArchivedRun.utc(run.startedAt), ArchivedRun.utc(run.finishedAt),
                    run.status, String(run.exitCode), run.error ?? "", run.gridPath, run.gridFingerprint ?? "",
                    run.timeZone ?? "", run.firstHourText ?? "", run.hours.map(String.init) ?? "", run.solverStatus ?? "",
                    Self.number(run.objective), run.currency ?? "", Self.number(run.reShare), Self.number(run.cfeScore),
                    Self.number(run.co2Tonnes), Self.number(run.peakImportMW), Self.number(run.totalSeconds),
                    ytd?.period ?? "", ytd?.hours.map(String.init) ?? "", Self.number(ytd?.demandMWh),
                    Self.number(ytd?.renewableMWh), Self.number(ytd?.reShare), Self.number(ytd?.cfeScore),
                    Self.number(ytd?.co2Tonnes), Self.number(ytd?.targetREShare), Self.number(ytd?.targetCFEScore),
                    Self.number(ytd?.co2CapTonnes),
                ]
                return cells.map(ReportFormat.field).joined(separator: ",")
            }).joined(separator: "\n") + "\n")
        }
        if let accuracy {
            blocks.append((["series,horizon_hour,pairs,mae,mape_pct,mape_pairs"] + accuracy.map { item in
                [ReportFormat.field(item.series), String(item.horizonHour), String(item.pairs), Self.number(item.mae),
                 Self.number(item.mapePercent), String(item.mapePairs)].joined(separator: ",")
            }).joined(separator: "\n") + "\n")
        }
        return blocks.joined(separator: "\n")
    }

    /// The terminal tables: runs (cost, RE share, CO2, year-to-date period and hours, RE share, CFE score and CO2
    /// with the grid's targets, seconds, the error's first line), then accuracy.
    public func table() -> String {
        var sections: [String] = []
        if let runs {
            if runs.isEmpty {
                sections.append("no runs recorded\n")
            } else {
                let header = ["id", "run", "started (UTC)", "status", "exit", "first hour", "hours", "total cost",
                              "RE share %", "CO2 t", "YTD", "YTD RE % (target)", "YTD CFE % (target)", "YTD CO2 t (cap)",
                              "seconds", "error"]
                let rows = runs.map { run in
                    let ytd = run.yearToDate
                    return [String(run.id), run.folder ?? "-", ArchivedRun.utc(run.startedAt), run.status, String(run.exitCode),
                     run.firstHourText ?? "-", run.hours.map(String.init) ?? "-",
                     TextTable.number(run.objective, decimals: 0) + (run.currency.map { " " + $0 } ?? ""),
                     TextTable.number(run.reShare.map { $0 * 100 }, decimals: 1), TextTable.number(run.co2Tonnes, decimals: 1),
                     ytd.map { "\($0.period) \($0.hours.map(String.init) ?? "-") h" } ?? "-",
                     Self.progress(ytd?.reShare.map { $0 * 100 }, target: ytd?.targetREShare.map { $0 * 100 }, decimals: 1),
                     Self.progress(ytd?.cfeScore.map { $0 * 100 }, target: ytd?.targetCFEScore.map { $0 * 100 }, decimals: 1),
                     Self.progress(ytd?.co2Tonnes, target: ytd?.co2CapTonnes, decimals: 1),
                     TextTable.number(run.totalSeconds, decimals: 1), Self.shortened(run.error)]
                }
                sections.append(TextTable.render(header, rows, leftAligned: [1, 2, 3, 5, 10, 15]))
            }
        }
        if let accuracy {
            if accuracy.isEmpty {
                sections.append("no forecast accuracy yet: no recorded forecast has a metered actual (re100 actuals add)\n")
            } else {
                let rows = accuracy.map { item in
                    [item.series, String(item.horizonHour), String(item.pairs), TextTable.number(item.mae, decimals: 3),
                     TextTable.number(item.mapePercent, decimals: 2)]
                }
                sections.append("forecast accuracy (MAE in the series' unit; MAPE over non-zero actuals)\n"
                    + TextTable.render(["series", "horizon h", "pairs", "MAE", "MAPE %"], rows, leftAligned: [0]))
            }
        }
        return sections.joined(separator: "\n")
    }

    /// A year-to-date figure with its target in parentheses when the grid has one (`61.2 (60.0)`); `-` when nil.
    private static func progress(_ value: Double?, target: Double?, decimals: Int) -> String {
        let figure = TextTable.number(value, decimals: decimals)
        guard let target else { return figure }
        return figure + " (" + TextTable.number(target, decimals: decimals) + ")"
    }

    /// A CSV number (`ReportFormat.number`), empty when nil.
    private static func number(_ value: Double?) -> String {
        value.map(ReportFormat.number) ?? ""
    }

    /// The first line of `error`, cut to `errorWidth` characters; empty when nil.
    private static func shortened(_ error: String?) -> String {
        guard let line = error?.split(separator: "\n").first.map(String.init) else { return "" }
        return line.count <= errorWidth ? line : String(line.prefix(errorWidth - 3)) + "..."
    }
}
