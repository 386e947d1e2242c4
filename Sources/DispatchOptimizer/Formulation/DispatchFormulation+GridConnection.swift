import Foundation
import GridModel

extension DispatchFormulation {
    /// Grid connection: `0 ≤ import[t] ≤ import_limit`, `0 ≤ export[t] ≤ export_limit` (MW) at the
    /// connection bus; import cost `w_t·price[t]·(1 + surcharges)` with the tariff's time-of-use
    /// price (season × band × day type, holidays as Sundays, discounts, adders) or the flat import
    /// price; export revenue `−w_t·export_price[t]·export[t]`. Demand charge: see
    /// ``addDemandCharge(connection:tariff:)``.
    mutating func addGridConnection() {
        guard let connection = network.gridConnection else { return }
        let surcharge = 1 + (connection.tariff?.surchargeShare ?? 0)
        for h in 0..<window.count {
            let t = window.snapshot(h)
            let w = weight(\.objectiveWeights, h)
            let price = importPrice(connection: connection, hour: h) * surcharge
            gridImport.append(addHourlyColumn("import", "grid", hour: h, lower: 0, upper: connection.importLimit,
                                        cost: w * price, category: .energy))
            gridExport.append(addHourlyColumn("export", "grid", hour: h, lower: 0, upper: connection.exportLimit,
                                        cost: -w * connection.exportPrice.value(at: t), category: .exportRevenue))
            inject(gridImport[h], coefficient: 1, at: connection.bus, hour: h)
            inject(gridExport[h], coefficient: -1, at: connection.bus, hour: h)
        }
        if let tariff = connection.tariff, tariff.demandCharge != nil {
            addDemandCharge(connection: connection, tariff: tariff)
        }
    }

    /// The energy price of window hour `h` before surcharges, currency/MWh.
    func importPrice(connection: GridConnection, hour h: Int) -> Double {
        let time = window.localTimes[h]
        if let tariff = connection.tariff,
           let price = tariff.energyPrice(month: time.month, dayType: window.dayTypes[h], hour: time.hour) {
            return price
        }
        return connection.importPrice.value(at: window.snapshot(h))
    }

    /// Whether import in window hour `h` counts toward the billing demand (its band is counted).
    func countsTowardBillingDemand(_ tariff: Tariff, hour h: Int) -> Bool {
        guard let charge = tariff.demandCharge, let band = window.band(of: tariff, hour: h) else { return false }
        return charge.countedBands.contains(band)
    }

    /// Demand charge per billing month `m` touched by the window (MW; KEPCO 기본공급약관 제68조, docs/dispatch.md):
    ///
    ///     billing_demand[m] ≥ peak[m]                 peak[m] ≥ import[t] for the hours t of m in counted bands
    ///     billing_demand[m] ≥ peak[k]                 ratchet: k one of `ratchet_months`, 1 ≤ m − k ≤ window − 1
    ///     billing_demand[m] ≥ max(floor share × contract demand, ratchet demand)
    ///
    /// A peak is at least its carried value (`state.monthPeakImportMW` for the state's billing month,
    /// `state.monthlyPeakImportMW` for any month). A look-back month `k` before the window enters as the constant
    /// carried peak; a look-back month inside the window gets its own column `month_peak(mYYYY_MM)` with
    /// `billing_demand[k] ≥ month_peak[k]` (row `billing_demand(mK)_own`) and `billing_demand[m] ≥ month_peak[k]`
    /// (row `billing_demand(mM)_ratchet(mK)`), two nonzeros each. Months whose peak sets no later month of
    /// the window bound `billing_demand[m]` directly, as without a ratchet. Cost
    /// `price_per_MW_month·(1 + surcharges)·billing_demand[m]·(Σ w_t over the window's hours in m) / hours(m)`:
    /// the monthly charge pro-rated to the share of the month the window covers. Bounds are capped at the
    /// import limit.
    private mutating func addDemandCharge(connection: GridConnection, tariff: Tariff) {
        guard let charge = tariff.demandCharge else { return }
        var months: [String] = []
        var coveredHours: [String: Double] = [:]
        var monthHours: [String: Double] = [:]
        for h in 0..<window.count {
            let key = window.monthKey(h)
            if coveredHours[key] == nil { months.append(key) }
            coveredHours[key, default: 0] += weight(\.objectiveWeights, h)
            monthHours[key] = window.hoursInMonth(h)
        }
        let limit = connection.importLimit
        var floor = max(connection.ratchetDemand ?? 0, (connection.contractDemand ?? 0) * charge.floorShareOfContract)
        floor = min(floor, limit)
        // Earlier months of the window whose peak ratchets into each month of the window.
        var ratchetSources: [String: [String]] = [:]
        for key in months {
            guard let month = BillingMonth(key: key) else { continue }
            ratchetSources[key] = months.filter { other in
                BillingMonth(key: other).map { charge.ratchets($0, into: month) } ?? false
            }
        }
        let sourceMonths = Set(ratchetSources.values.joined())
        for key in months {
            let lower = max(floor, min(carriedPeak(of: key), limit),
                            min(carriedRatchet(into: key, charge: charge, windowMonths: months), limit))
            let share = (coveredHours[key] ?? 0) / (monthHours[key] ?? 1)
            billingDemand[key] = addColumn(billingDemandName(key), lower: lower, upper: limit,
                                           cost: charge.pricePerMWMonth * (1 + tariff.surchargeShare) * share,
                                           category: .demandCharge)
        }
        var countedHours: [String: [Int]] = [:]
        for h in 0..<window.count where countsTowardBillingDemand(tariff, hour: h) {
            countedHours[window.monthKey(h), default: []].append(h)
        }
        var monthPeak: [String: Int] = [:]
        for key in months {
            guard let billing = billingDemand[key] else { continue }
            if sourceMonths.contains(key) {
                let name = "month_peak(\(monthLabel(key)))"
                let peak = addColumn(name, lower: min(carriedPeak(of: key), limit), upper: limit)
                monthPeak[key] = peak
                builder.addRow(name: "\(billingDemandName(key))_own", lower: 0, terms: [(billing, 1), (peak, -1)])
                if let hours = countedHours[key] { addRunningPeak(hours: hours, peak: peak, peakName: name, importLimit: limit) }
            } else if let hours = countedHours[key] {
                addRunningPeak(hours: hours, peak: billing, peakName: billingDemandName(key), importLimit: limit)
            }
        }
        for key in months {
            guard let billing = billingDemand[key] else { continue }
            for source in ratchetSources[key] ?? [] {
                guard let peak = monthPeak[source] else { continue }
                builder.addRow(name: "\(billingDemandName(key))_ratchet(\(monthLabel(source)))", lower: 0,
                               terms: [(billing, 1), (peak, -1)])
            }
        }
    }

    /// The carried peak import of billing month `key` in counted hours, MW: the state's month-to-date peak
    /// when `key` is its billing month, and the state's recorded peak of that month; 0 without a state.
    func carriedPeak(of key: String) -> Double {
        guard let state else { return 0 }
        let monthToDate = state.billingMonth == key ? state.monthPeakImportMW : 0
        return max(monthToDate, state.monthlyPeakImportMW[key] ?? 0)
    }

    /// The largest carried peak of a month before the window (not in `windowMonths`) that ratchets into
    /// billing month `key`, MW; 0 when there is none.
    private func carriedRatchet(into key: String, charge: Tariff.DemandCharge, windowMonths: [String]) -> Double {
        guard let state, let month = BillingMonth(key: key), !charge.ratchetMonths.isEmpty else { return 0 }
        var earlierKeys = Array(state.monthlyPeakImportMW.keys)
        if let billingMonth = state.billingMonth { earlierKeys.append(billingMonth) }
        var largest = 0.0
        for earlierKey in earlierKeys where !windowMonths.contains(earlierKey) {
            guard let earlier = BillingMonth(key: earlierKey), charge.ratchets(earlier, into: month) else { continue }
            largest = max(largest, carriedPeak(of: earlierKey))
        }
        return largest
    }

    /// `peak ≥ import[t]` for the counted hours `hours` of one month, where `peak` is the month's billing
    /// demand or its own peak column named `peakName`, written so that no column grows with the month:
    /// blocks of `periodSumBlockHours` counted hours each get a running peak `r_k ≥ import[t]` (rows
    /// `peak(grid,tNNNN)`) with `r_k ≥ r_{k−1}` (rows `peak_chain(grid,tNNNN)`) and `peak ≥ r_last` (row
    /// `<peakName>_chain`); the columns `running_peak(grid,tNNNN)` are named after the block's last hour.
    /// A month with one block in the window keeps `peak ≥ import[t]`.
    private mutating func addRunningPeak(hours: [Int], peak: Int, peakName: String, importLimit: Double) {
        let block = periodSumBlockHours
        guard hours.count > block else {
            for h in hours {
                builder.addRow(name: ComponentName.hourly("peak", "grid", window.snapshot(h)), lower: 0,
                               terms: [(peak, 1), (gridImport[h], -1)])
            }
            return
        }
        var previous: Int?
        for first in stride(from: 0, to: hours.count, by: block) {
            let chunk = hours[first..<min(first + block, hours.count)]
            let snapshot = window.snapshot(chunk[chunk.endIndex - 1])
            let running = addColumn(ComponentName.hourly("running_peak", "grid", snapshot), lower: 0, upper: importLimit)
            for h in chunk {
                builder.addRow(name: ComponentName.hourly("peak", "grid", window.snapshot(h)), lower: 0,
                               terms: [(running, 1), (gridImport[h], -1)])
            }
            if let previous {
                builder.addRow(name: ComponentName.hourly("peak_chain", "grid", snapshot), lower: 0,
                               terms: [(running, 1), (previous, -1)])
            }
            previous = running
        }
        if let previous {
            builder.addRow(name: "\(peakName)_chain", lower: 0, terms: [(peak, 1), (previous, -1)])
        }
    }

    /// `billing_demand(mYYYY_MM)` for the month key `yyyy-mm`.
    private func billingDemandName(_ month: String) -> String {
        "billing_demand(\(monthLabel(month)))"
    }

    /// `mYYYY_MM` for the month key `yyyy-mm`, as month names appear in rows and columns.
    private func monthLabel(_ month: String) -> String {
        "m\(month.replacingOccurrences(of: "-", with: "_"))"
    }
}
