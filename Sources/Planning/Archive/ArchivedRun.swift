import Foundation
import Reporting

/// One row of `re100 history`'s run list: a recorded run with its headline KPIs and year-to-date progress toward
/// the grid's annual targets (nil where the run failed or the figure is not a number).
public struct ArchivedRun: Equatable, Encodable {
    /// `runs.id`, increasing with every recorded run.
    public var id: Int64
    /// The run folder under `DIR/runs/`; nil for a run that was not published.
    public var folder: String?
    /// When the run took the lock and when it ended.
    public var startedAt: Date, finishedAt: Date
    /// `ok` or `failed`.
    public var status: String
    /// The process exit code.
    public var exitCode: Int
    /// The error as printed on stderr; nil when ok.
    public var error: String?
    /// The `<grid>` argument, its fingerprint and time zone (nil when the grid could not be read).
    public var gridPath: String, gridFingerprint: String?, timeZone: String?
    /// The first planned hour and the number of hours.
    public var firstHour: Date?, hours: Int?
    /// How the solver ended (`optimal`, `infeasible`, ...); nil when it did not run.
    public var solverStatus: String?
    /// Total cost (the LP objective) in `currency`.
    public var objective: Double?, currency: String?
    /// RE share and hourly CFE score, 0-1.
    public var reShare: Double?, cfeScore: Double?
    /// CO2 in t and the largest hourly import in MW.
    public var co2Tonnes: Double?, peakImportMW: Double?
    /// Wall-clock seconds from taking the lock to recording the run.
    public var totalSeconds: Double
    /// Year-to-date progress after the run's committed hours, with the grid's targets; nil for a failed run or one
    /// recorded before the archive kept it.
    public var yearToDate: YearToDate? = nil

    /// The first planned hour in the grid's zone (`2026-04-03T00:00+09:00`), or nil.
    public var firstHourText: String? {
        firstHour.map { ReportFormat.timestamp($0, timeZone: timeZone.flatMap(TimeZone.init(identifier:)) ?? .gmt) }
    }

    private enum Key: String, CodingKey {
        case id, folder, status, error, hours, objective, currency
        case startedAt = "started_at", finishedAt = "finished_at", exitCode = "exit_code", gridPath = "grid_path"
        case gridFingerprint = "grid_fingerprint_sha256", timeZone = "time_zone", firstHour = "first_hour"
        case solverStatus = "solver_status", reShare = "re_share", cfeScore = "cfe_score", co2Tonnes = "co2_t"
        case peakImportMW = "peak_import_mw", totalSeconds = "total_s"
        case ytdPeriod = "ytd_period", ytdHours = "ytd_hours", ytdDemandMWh = "ytd_demand_mwh"
        case ytdRenewableMWh = "ytd_renewable_mwh", ytdREShare = "ytd_re_share", ytdCFEScore = "ytd_cfe_score"
        case ytdCO2Tonnes = "ytd_co2_t", targetREShare = "target_re_share", targetCFEScore = "target_cfe_score"
        case co2CapTonnes = "target_co2_cap_t"
    }

    /// Every key, `null` where there is no value; instants as UTC ISO-8601 with seconds, `first_hour` in the
    /// grid's zone (docs/outputs.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(folder, forKey: .folder)
        try container.encode(Self.utc(startedAt), forKey: .startedAt)
        try container.encode(Self.utc(finishedAt), forKey: .finishedAt)
        try container.encode(status, forKey: .status)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(error, forKey: .error)
        try container.encode(gridPath, forKey: .gridPath)
        try container.encode(gridFingerprint, forKey: .gridFingerprint)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(firstHourText, forKey: .firstHour)
        try container.encode(hours, forKey: .hours)
        try container.encode(solverStatus, forKey: .solverStatus)
        try container.encode(objective, forKey: .objective)
        try container.encode(currency, forKey: .currency)
        try container.encode(reShare, forKey: .reShare)
        try container.encode(cfeScore, forKey: .cfeScore)
        try container.encode(co2Tonnes, forKey: .co2Tonnes)
        try container.encode(peakImportMW, forKey: .peakImportMW)
        try container.encode(totalSeconds, forKey: .totalSeconds)
        try container.encode(yearToDate?.period, forKey: .ytdPeriod)
        try container.encode(yearToDate?.hours, forKey: .ytdHours)
        try container.encode(yearToDate?.demandMWh, forKey: .ytdDemandMWh)
        try container.encode(yearToDate?.renewableMWh, forKey: .ytdRenewableMWh)
        try container.encode(yearToDate?.reShare, forKey: .ytdREShare)
        try container.encode(yearToDate?.cfeScore, forKey: .ytdCFEScore)
        try container.encode(yearToDate?.co2Tonnes, forKey: .ytdCO2Tonnes)
        try container.encode(yearToDate?.targetREShare, forKey: .targetREShare)
        try container.encode(yearToDate?.targetCFEScore, forKey: .targetCFEScore)
        try container.encode(yearToDate?.co2CapTonnes, forKey: .co2CapTonnes)
    }

    /// `2026-11-23T12:14:28Z`.
    public static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .gmt
        return formatter.string(from: date)
    }
}
