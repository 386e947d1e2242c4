import GridModel

/// The demand charge of a rolled horizon as the bill computes it, from the committed hours: each billing month
/// pays `price·(1 + surcharges)·billing_demand[m]` pro-rated to the share of the month covered, with
/// `billing_demand[m]` the largest of the month's committed peak in counted hours, the carried month-to-date peak,
/// the contract floor, the connection's ratchet demand and the peaks of the tariff's ratchet months within
/// the look-back (docs/dispatch.md, "Demand charge"). A window's own billing-demand column only sees the month
/// so far, so the sum of windows' pro-rated charges would undercount a peak set late in the month.
struct DemandChargeAccount {
    /// Billing demand per month key, MW, in month order.
    private(set) var billingDemand: [(month: String, megawatts: Double)] = []
    /// The charge, currency.
    private(set) var cost = 0.0

    /// - Parameters:
    ///   - window: the requested hours (committed hours only).
    ///   - imports: grid import per hour of `window`, MW.
    ///   - carried: the state the horizon started from (month-to-date and monthly peaks).
    init(network: Network, connection: GridConnection, tariff: Tariff, charge: Tariff.DemandCharge,
         window: HourWindow, imports: [Double], carried: DispatchState?) {
        var months: [String] = []
        var peak: [String: Double] = [:]
        var covered: [String: Double] = [:]
        var monthHours: [String: Double] = [:]
        for h in 0..<min(window.count, imports.count) {
            let key = window.monthKey(h)
            if covered[key] == nil { months.append(key) }
            covered[key, default: 0] += network.timeAxis.objectiveWeights[window.snapshot(h)]
            monthHours[key] = window.hoursInMonth(h)
            let counted = window.band(of: tariff, hour: h).map(charge.countedBands.contains) ?? false
            if counted { peak[key] = max(peak[key] ?? 0, imports[h]) }
        }
        var monthlyPeaks = carried?.monthlyPeakImportMW ?? [:]
        if let carried, let month = carried.billingMonth {
            monthlyPeaks[month] = max(monthlyPeaks[month] ?? 0, carried.monthPeakImportMW)
        }
        let floor = min(max(connection.ratchetDemand ?? 0, (connection.contractDemand ?? 0) * charge.floorShareOfContract),
                        connection.importLimit)
        for key in months {
            let own = max(peak[key] ?? 0, monthlyPeaks[key] ?? 0)
            monthlyPeaks[key] = own
            var billing = max(own, floor)
            if let month = BillingMonth(key: key) {
                for (earlier, megawatts) in monthlyPeaks {
                    if let earlier = BillingMonth(key: earlier), charge.ratchets(earlier, into: month) { billing = max(billing, megawatts) }
                }
            }
            billingDemand.append((key, billing))
            cost += charge.pricePerMWMonth * (1 + tariff.surchargeShare) * billing * (covered[key] ?? 0) / (monthHours[key] ?? 1)
        }
    }
}
