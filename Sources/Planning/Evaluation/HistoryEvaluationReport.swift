import Foundation

/// What a ``HistoryEvaluation`` measured (docs/uncertainty.md, "Evaluation from the history database"): the realised
/// cost of the recorded plans kept against the actuals, the perfect-foresight cost of the same hours, the regret and
/// its split by forecast series.
public struct HistoryEvaluationReport: Sendable {
    /// The grid's currency.
    public var currency: String
    /// The forecast series, `loads.<id>` then `generators.<id>`, each sorted.
    public var series: [String]
    /// Runs evaluated, their committed hours in all, and the chains of consecutive runs they form.
    public var runs = 0, hours = 0, chains = 0
    /// Runs left out, with the reason (no actual in a committed hour, replanned, overlapping).
    public var skipped: [(id: Int64, reason: String)] = []
    /// The recorded plans kept against the actuals (realised cost with the demand charge of the realised imports).
    public var realised = BacktestReport.Mode()
    /// The runs planned again from their recorded forecasts and start states, kept the same way: the baseline of the
    /// split (equal to `realised` when the grid has not changed since the runs).
    public var replayed = BacktestReport.Mode()
    /// Per series (in `series` order): the runs planned again with that series' actual values.
    public var perfectSeries: [BacktestReport.Mode]
    /// One LP on the actuals over each chain's hours, from the chain's start state, summed.
    public var perfectForesightCost = 0.0

    /// An empty report for `series`.
    init(currency: String, series: [String]) {
        self.currency = currency
        self.series = series
        perfectSeries = [BacktestReport.Mode](repeating: BacktestReport.Mode(), count: series.count)
    }

    /// Realised minus perfect-foresight cost.
    public var regret: Double { realised.realisedCost - perfectForesightCost }

    /// What each series' forecast errors cost: the replayed plans' realised cost minus that of the plans made with the
    /// series' actual values (one series perfect at a time, so the parts need not add up to the regret).
    public var regretBySeries: [(series: String, cost: Double)] {
        zip(series, perfectSeries).map { ($0, replayed.realisedCost - $1.realisedCost) }
    }

    /// The report as text lines.
    public var lines: [String] {
        func money(_ value: Double) -> String { String(format: "%.6e %@", value, currency) }
        let share = perfectForesightCost == 0 ? 0 : 100 * regret / abs(perfectForesightCost)
        var lines = ["history: \(runs) committed runs (\(hours) h in \(chains) chains) against actuals, \(skipped.count) runs left out",
                     "  realised cost: \(money(realised.realisedCost)) (demand charge \(money(realised.demandCharge)))",
                     "  perfect foresight (one LP on the actuals per chain): \(money(perfectForesightCost))",
                     "  regret: \(money(regret)) (" + String(format: "%+.3f %%", share) + " of perfect foresight)",
                     "  unserved \(String(format: "%.3f", realised.unservedMWh)) MWh, of loads that may not be shed "
                        + "\(String(format: "%.3f", realised.unservedFirmMWh)) MWh",
                     "  plans made again from the recorded forecasts: realised \(money(replayed.realisedCost))"]
        for (series, cost) in regretBySeries {
            lines.append("  regret from \(series) forecast errors: \(money(cost))")
        }
        for (id, reason) in skipped {
            lines.append("  left out: run \(id): \(reason)")
        }
        return lines
    }
}
