import Foundation
import GridModel

/// Gives each rolling window (and each scheduled run) what is left of the period's targets and limits, and how
/// its stored energy starts and ends (docs/dispatch.md, "Rolling windows"):
/// - every period sum starts from the year to date (``PeriodProgress``);
/// - at the window's end it must reach the guide: the one-LP plan's running sum at that hour (``PlanGuide``),
///   or without a plan the rest of the period's requirement spread evenly over its remaining hours
///   (`target − (target − so far)·remaining after / remaining before`);
/// - limits on purchases (PPA maximum volume, REC and green-premium limits) allow what is left of them;
/// - the window that ends the period meets the targets themselves.
struct WindowBudgeter {
    let network: Network
    /// First snapshot of the period's requested hours and their number.
    let firstHour: Int
    let hourCount: Int
    /// The one-LP plan of the requested hours; nil: pro-rata guide.
    let guide: PlanGuide?
    /// Hours of the period left from each snapshot on (inclusive), for the pro-rata guide; nil: the requested hours.
    let remainingHours: ((Int) -> Double)?

    /// The boundary of the window of snapshots `start ..< start + length`, given the progress so far.
    func boundary(start: Int, length: Int, progress: PeriodProgress) -> WindowBoundary {
        var boundary = WindowBoundary()
        let end = min(start + length, firstHour + hourCount) - 1  // last snapshot of the window inside the period
        let endsPeriod = start + length >= firstHour + hourCount
        let targets = network.targets
        let before = remaining(from: start), after = endsPeriod ? 0 : remaining(from: end + 1)
        // The requirement at the window's end: the plan's running sum there, or the rest spread over the remaining hours.
        func due(_ target: Double, soFar: Double, plan: [Double]?) -> Double {
            if endsPeriod { return target }
            if let plan, end - firstHour < plan.count { return plan[end - firstHour] }
            return before > 0 ? target - (target - soFar) * after / before : target
        }
        if let share = targets.annualRenewableShare {
            let soFar = progress.renewableMWh - share * progress.demandMWh
            boundary.renewableShare = .init(initial: soFar, lower: due(0, soFar: soFar, plan: guide?.renewableShare))
        }
        if let score = targets.hourlyCarbonFreeScore {
            let soFar = progress.carbonFreeMatchedMWh - score * progress.demandMWh
            boundary.carbonFree = .init(initial: soFar, lower: due(0, soFar: soFar, plan: guide?.carbonFree))
        }
        if let cap = targets.co2Cap {
            boundary.co2 = .init(initial: progress.co2Tonnes,
                                 upper: due(cap, soFar: progress.co2Tonnes, plan: guide?.co2))
        }
        for contract in network.powerPurchaseAgreements where contract.minimumVolume != nil || contract.maximumVolume != nil {
            let soFar = progress.ppaVolumeMWh[contract.id.rawValue] ?? 0
            let lower = contract.minimumVolume.map { due($0, soFar: soFar, plan: guide?.ppaVolume[contract.id.rawValue]) }
            boundary.ppaVolume[contract.id.rawValue] = .init(initial: soFar, lower: lower ?? -.infinity,
                                                             upper: contract.maximumVolume ?? .infinity)
        }
        boundary.recRemaining = network.contracts.recLimit.map { $0 - progress.recMWh }
        boundary.greenPremiumRemaining = network.contracts.greenPremiumLimit.map { $0 - progress.greenPremiumMWh }
        if let guide, !endsPeriod {
            for (id, values) in guide.energyValue where end - firstHour < values.count {
                boundary.terminalEnergyValue[id] = values[end - firstHour]
            }
        }
        return boundary
    }

    private func remaining(from snapshot: Int) -> Double {
        if let remainingHours { return remainingHours(snapshot) }
        return Double(max(0, firstHour + hourCount - snapshot))
    }
}
