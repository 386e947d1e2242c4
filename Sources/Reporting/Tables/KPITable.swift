import DispatchOptimizer
import Foundation

/// The terminal table `re100 dispatch` prints: status, horizon, costs by kind and the RE100 figures, one
/// `label  value unit` line each, numbers right-aligned with fixed decimals; only the status when no hour was solved.
public enum KPITable {
    /// The table text, ending in a newline.
    /// - Parameters:
    ///   - result: the dispatch result.
    ///   - currency: the grid's currency code, the unit of costs.
    ///   - timeZone: the grid's zone, for the horizon's first and last hour.
    public static func render(_ result: DispatchResult, currency: String, timeZone: TimeZone) -> String {
        let kpis = result.kpis
        let costs = kpis.costs
        var rows: [(String, String, String)] = [("status", result.status.rawValue, "")]
        guard !result.timestamps.isEmpty else { return "status  \(result.status.rawValue) (no hours solved)\n" }
        if let first = result.timestamps.first, let last = result.timestamps.last {
            rows.append(("hours", "\(result.timestamps.count)",
                         ReportFormat.timestamp(first, timeZone: timeZone) + " .. " + ReportFormat.timestamp(last, timeZone: timeZone)))
        }
        rows += [
            ("total cost", fixed(kpis.objective, 0), currency),
            ("  energy", fixed(costs.energy, 0), currency),
            ("  demand charge", fixed(costs.demandCharge, 0), currency),
            ("  fuel", fixed(costs.fuel, 0), currency),
            ("  ppa", fixed(costs.ppa, 0), currency),
            ("  certificates", fixed(costs.certificates, 0), currency),
            ("  unserved load", fixed(costs.unservedLoad, 0), currency),
            ("  export revenue", fixed(costs.exportRevenue, 0), currency),
        ]
        // Only when a soft target was missed, so the table of a plan that meets its targets keeps its shape.
        if costs.targetShortfall != 0 { rows.insert(("  target shortfall", fixed(costs.targetShortfall, 0), currency), at: rows.count - 1) }
        rows += [            ("consumption", fixed(kpis.consumptionMWh, 1), "MWh"),
            ("RE share", fixed(kpis.reShare * 100, 1), "%"),
            ("CFE score", fixed(kpis.cfeScore * 100, 1), "%"),
            ("CO2", fixed(kpis.co2Tonnes, 1), "t"),
            ("curtailed", fixed(kpis.curtailedMWh, 1), "MWh"),
            ("unserved", fixed(kpis.unservedMWh, 1), "MWh"),
            ("grid import", fixed(kpis.importMWh, 1), "MWh"),
            ("grid export", fixed(kpis.exportMWh, 1), "MWh"),
            ("peak import", fixed(kpis.peakImportMW, 2), "MW"),
        ]
        let shortfall = kpis.shortfall
        for (label, value, unit) in [("RE share shortfall", shortfall.renewableShareMWh, "MWh"),
                                     ("CFE score shortfall", shortfall.carbonFreeMWh, "MWh"),
                                     ("CO2 above cap", shortfall.co2ExcessTonnes, "t"),
                                     ("PPA volume shortfall", shortfall.ppaVolumeMWh, "MWh")] where value > 0 {
            rows.append((label, fixed(value, 1), unit))
        }
        if let gap = result.mipGap { rows.append(("MIP gap", fixed(gap * 100, 3), "%")) }
        if let gap = result.certifiedGap { rows.append(("proven gap", String(format: "%.1e", gap), "(interior point)")) }
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        return rows.map { label, value, unit in
            let line = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: valueWidth - value.count) + value + (unit.isEmpty ? "" : " " + unit)
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// `value` with `decimals` decimals and thousands separators (`1,234,567.8`); `-` when not finite.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        let negative = value < 0 && text.contains(where: { $0 != "0" && $0 != "." })
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
