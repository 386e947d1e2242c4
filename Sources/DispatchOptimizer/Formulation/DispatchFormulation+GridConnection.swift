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

    /// Demand charge per billing month `m` touched by the window: `peak[m] ≥ import[t]` for the
    /// hours of `m` in counted bands; `peak[m]` is at least the carried month-to-date peak, the
    /// ratchet demand and the floor share of the contract demand. Cost
    /// `price_per_MW_month·(1 + surcharges)·peak[m]·(Σ w_t over the window's hours in m) / hours(m)`:
    /// the monthly charge pro-rated to the share of the month the window covers.
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
        var floor = max(connection.ratchetDemand ?? 0, (connection.contractDemand ?? 0) * charge.floorShareOfContract)
        floor = min(floor, connection.importLimit)
        for key in months {
            var lower = floor
            if let state, state.billingMonth == key { lower = max(lower, min(state.monthPeakImportMW, connection.importLimit)) }
            let share = (coveredHours[key] ?? 0) / (monthHours[key] ?? 1)
            billingDemand[key] = addColumn(billingDemandName(key), lower: lower, upper: connection.importLimit,
                                           cost: charge.pricePerMWMonth * (1 + tariff.surchargeShare) * share,
                                           category: .demandCharge)
        }
        var countedHours: [String: [Int]] = [:]
        for h in 0..<window.count where countsTowardBillingDemand(tariff, hour: h) {
            countedHours[window.monthKey(h), default: []].append(h)
        }
        for key in months {
            guard let peak = billingDemand[key], let hours = countedHours[key] else { continue }
            addRunningPeak(month: key, hours: hours, billingDemand: peak, importLimit: connection.importLimit)
        }
    }

    /// `billing_demand[m] ≥ import[t]` for the counted hours `hours` of one month, written so that no
    /// column grows with the month: blocks of `periodSumBlockHours` counted hours each get a running
    /// peak `r_k ≥ import[t]` (rows `peak(grid,tNNNN)`) with `r_k ≥ r_{k−1}` (rows `peak_chain(grid,tNNNN)`)
    /// and `billing_demand[m] ≥ r_last` (row `billing_demand(mYYYY_MM)_chain`); the columns `running_peak(grid,tNNNN)` are named after the
    /// block's last hour. A month with one block in the window keeps `billing_demand[m] ≥ import[t]`.
    private mutating func addRunningPeak(month: String, hours: [Int], billingDemand peak: Int, importLimit: Double) {
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
            builder.addRow(name: "\(billingDemandName(month))_chain", lower: 0, terms: [(peak, 1), (previous, -1)])
        }
    }

    /// `billing_demand(mYYYY_MM)` for the month key `yyyy-mm`.
    private func billingDemandName(_ month: String) -> String {
        "billing_demand(m\(month.replacingOccurrences(of: "-", with: "_")))"
    }
}
