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
            billingDemand[key] = addColumn("billing_demand(m\(key.replacingOccurrences(of: "-", with: "_")))", lower: lower, upper: connection.importLimit,
                                           cost: charge.pricePerMWMonth * (1 + tariff.surchargeShare) * share,
                                           category: .demandCharge)
        }
        for h in 0..<window.count where countsTowardBillingDemand(tariff, hour: h) {
            guard let peak = billingDemand[window.monthKey(h)] else { continue }
            builder.addRow(name: ComponentName.hourly("peak", "grid", window.snapshot(h)), lower: 0,
                           terms: [(peak, 1), (gridImport[h], -1)])
        }
    }
}
