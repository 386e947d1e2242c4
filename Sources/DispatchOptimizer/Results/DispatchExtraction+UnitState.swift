import Foundation
import GridModel

extension DispatchExtraction {
    /// Adds to `state` what the generators and the demand charge carry past window hour `last` (0-based, a
    /// committed hour): every generator's output in that hour (`lastOutputMW`, where the next window's ramp
    /// limits start), the hours each committed unit has been in its status (`hoursInStatus`), and the peak
    /// import in counted hours of every billing month the hours `0...last` touch (`monthlyPeakImportMW`,
    /// merged with the carried peaks, the ratchet's look-back).
    ///
    /// `hoursInStatus` counts the hours of the last status run up to `last`; when the status never changed
    /// in those hours it adds them to the carried count, and without a carried count (a unit in its status
    /// for longer than any minimum time, the default) it stays absent. Monthly peaks are kept for the month
    /// of hour `last` and the `ratchet_window_months` months before it, the most a later month can look back.
    /// - Parameters:
    ///   - state: the state being built, whose `unitIsOn` already holds the status in hour `last`.
    ///   - previous: the state the window started from.
    ///   - last: the last window hour the state covers.
    func carryGeneratorsAndPeaks(into state: inout DispatchState, from previous: DispatchState, through last: Int) {
        guard last >= 0, last < formulation.window.count else { return }
        for (g, generator) in formulation.network.generators.enumerated() {
            state.lastOutputMW[generator.id.rawValue] = primal.columnValues[formulation.generatorPower[g][last]]
        }
        for (generator, columns) in formulation.commitmentStatus {
            let isOn = (0...last).map { primal.columnValues[columns[$0]] > 0.5 }
            let run = isOn.reversed().prefix { $0 == isOn[last] }.count
            state.unitIsOn[generator] = isOn[last]
            // The status before the window: carried, else on (as the formulation assumes).
            let wasOn = previous.unitIsOn[generator] ?? true
            if run <= last || wasOn != isOn[last] {
                state.hoursInStatus[generator] = run
            } else if let carried = previous.hoursInStatus[generator] {
                state.hoursInStatus[generator] = carried + run
            } else {
                state.hoursInStatus[generator] = nil
            }
        }
        guard let tariff = formulation.network.gridConnection?.tariff, let charge = tariff.demandCharge,
              !formulation.gridImport.isEmpty else { return }
        for h in 0...last where formulation.countsTowardBillingDemand(tariff, hour: h) {
            let month = formulation.window.monthKey(h)
            let imported = primal.columnValues[formulation.gridImport[h]]
            state.monthlyPeakImportMW[month] = max(state.monthlyPeakImportMW[month] ?? 0, imported)
        }
        guard let current = BillingMonth(key: formulation.window.monthKey(last)) else { return }
        state.monthlyPeakImportMW = state.monthlyPeakImportMW.filter { key, _ in
            guard let month = BillingMonth(key: key) else { return false }
            return current.months(since: month) <= max(charge.ratchetWindowMonths, 0)
        }
    }
}
