import Foundation
import GridModel
import LinearProgramming

/// Turns one window's solution into schedules, prices and KPI sums for its first `committed` hours.
struct DispatchExtraction {
    let formulation: DispatchFormulation
    let primal: PrimalSolution
    let dual: DualSolution?
    /// Hours of the window that are kept (rolling horizon: the step; otherwise all).
    let committed: Int

    private var network: Network { formulation.network }
    private var window: HourWindow { formulation.window }

    private func values(_ columns: [Int]) -> [Double] {
        columns.prefix(committed).map { primal.columnValues[$0] }
    }

    /// Unit schedules in the order of ``DispatchResult/units``.
    func units() -> [UnitSchedule] {
        var result: [UnitSchedule] = []
        for (g, generator) in network.generators.enumerated() {
            let power = values(formulation.generatorPower[g])
            let available = (0..<committed).map { generator.maximumPerUnit.value(at: window.snapshot($0)) * generator.nominalPower }
            let curtailed = formulation.isRenewable(generator.carrier) ? zip(available, power).map { max(0, $0 - $1) } : nil
            result.append(UnitSchedule(unit: generator.id.rawValue, component: "generator", bus: generator.bus.rawValue,
                                       carrier: generator.carrier.rawValue, power: power, curtailed: curtailed))
        }
        for (s, unit) in network.storageUnits.enumerated() {
            let charge = values(formulation.storageCharge[s]), discharge = values(formulation.storageDischarge[s])
            result.append(UnitSchedule(unit: unit.id.rawValue, component: "storage_unit", bus: unit.bus.rawValue,
                                       carrier: unit.carrier.rawValue, power: zip(discharge, charge).map { $0 - $1 },
                                       charge: charge, discharge: discharge, stateOfCharge: values(formulation.storageEnergy[s])))
        }
        for (s, store) in network.stores.enumerated() {
            result.append(UnitSchedule(unit: store.id.rawValue, component: "store", bus: store.bus.rawValue,
                                       carrier: store.carrier.rawValue, power: values(formulation.storePower[s]),
                                       stateOfCharge: values(formulation.storeEnergy[s])))
        }
        for (k, link) in network.links.enumerated() {
            result.append(UnitSchedule(unit: link.id.rawValue, component: "link", bus: link.bus0.rawValue, carrier: "",
                                       power: values(formulation.linkFlow[k])))
        }
        for (k, contract) in network.powerPurchaseAgreements.enumerated() {
            let delivered = values(formulation.ppaDelivery[k])
            let available = (0..<committed).map { max(0, contract.capacity * contract.profile.value(at: window.snapshot($0))) }
            result.append(UnitSchedule(unit: contract.id.rawValue, component: "ppa", bus: contract.bus?.rawValue ?? "",
                                       carrier: contract.carrier.rawValue, power: delivered,
                                       curtailed: zip(available, delivered).map { max(0, $0 - $1) }))
        }
        if let connection = network.gridConnection {
            let imports = values(formulation.gridImport), exports = values(formulation.gridExport)
            result.append(UnitSchedule(unit: "grid", component: "grid", bus: connection.bus.rawValue,
                                       carrier: connection.carrier.rawValue, power: zip(imports, exports).map { $0 - $1 },
                                       charge: exports, discharge: imports))
        }
        result += network.loads.indices.map(loadSchedule)
        result += fleetSchedules()
        for (k, line) in network.lines.enumerated() {
            result.append(UnitSchedule(unit: line.id.rawValue, component: "line", bus: line.bus0.rawValue, carrier: "",
                                       power: values(formulation.lineFlow[k])))
        }
        for (k, transformer) in network.transformers.enumerated() {
            result.append(UnitSchedule(unit: transformer.id.rawValue, component: "transformer", bus: transformer.bus0.rawValue,
                                       carrier: "", power: values(formulation.transformerFlow[k])))
        }
        return result
    }

    /// LMP per bus with a balance row: dual of the balance divided by the objective weight.
    func prices() -> [BusPrices] {
        guard let dual else { return [] }
        return network.buses.enumerated().compactMap { b, bus in
            guard let rows = formulation.balanceRows[b] else { return nil }
            return BusPrices(bus: bus.id.rawValue, price: (0..<committed).map { h in
                let w = formulation.weight(\.objectiveWeights, h)
                return w == 0 ? 0 : dual.rowDuals[rows[h]] / w
            })
        }
    }

    /// Energy sums over the committed hours, the building blocks of the KPIs; `units` are this
    /// window's schedules from ``units()`` (for curtailment).
    func totals(units: [UnitSchedule]) -> DispatchTotals {
        var totals = DispatchTotals()
        func evaluate(_ expression: DispatchFormulation.Expression) -> Double {
            expression.reduce(0) { $0 + $1.coefficient * primal.columnValues[$1.column] }
        }
        for h in 0..<committed {
            let w = formulation.weight(\.generatorWeights, h)
            let consumption = evaluate(formulation.consumption(h))
            totals.consumption += w * consumption
            totals.renewable += w * evaluate(formulation.renewableSupply(h))
            totals.carbonFreeMatched += w * min(max(consumption, 0), max(evaluate(formulation.carbonFreeSupply(h)), 0))
            totals.co2 += w * evaluate(formulation.emissions(h))
            if !formulation.gridImport.isEmpty {
                let imported = primal.columnValues[formulation.gridImport[h]]
                totals.imported += w * imported
                totals.exported += w * primal.columnValues[formulation.gridExport[h]]
                totals.peakImport = max(totals.peakImport, imported)
            }
            for columns in formulation.unserved.compactMap({ $0 }) { totals.unserved += w * primal.columnValues[columns[h]] }
        }
        for schedule in units where schedule.component == "generator" || schedule.component == "ppa" {
            for (h, value) in (schedule.curtailed ?? []).enumerated() { totals.curtailed += formulation.weight(\.generatorWeights, h) * value }
        }
        if let rec = formulation.recPurchase {
            totals.rec = primal.columnValues[rec] * committedShare
            totals.renewable += totals.rec
        }
        if let premium = formulation.greenPremiumPurchase {
            totals.greenPremium = primal.columnValues[premium] * committedShare
            totals.renewable += totals.greenPremium
        }
        for (k, contract) in network.powerPurchaseAgreements.enumerated() {
            totals.ppaVolume[contract.id.rawValue] = (0..<committed).reduce(0) {
                $0 + formulation.weight(\.generatorWeights, $1) * primal.columnValues[formulation.ppaDelivery[k][$1]]
            }
        }
        addFlexibility(to: &totals)
        totals.costs = costs()
        return totals
    }

    /// Share of the window that is committed (window-wide columns are attributed pro rata).
    private var committedShare: Double { window.count == 0 ? 1 : Double(committed) / Double(window.count) }

    /// Costs per item: objective coefficient × value, grouped by the column's cost category.
    /// Hourly columns count for committed hours only; window-wide ones (billing demand,
    /// certificates) pro rata.
    private func costs() -> CostBreakdown {
        var costs = CostBreakdown()
        for (column, cost) in formulation.columnCosts.enumerated() where cost.category != .none && cost.category != .targetShortfall {
            let factor = cost.hour.map { $0 < committed ? 1 : 0 } ?? committedShare
            let amount = cost.coefficient * primal.columnValues[column] * factor
            switch cost.category {
            case .none: break
            case .energy: costs.energy += amount
            case .demandCharge: costs.demandCharge += amount
            case .fuel: costs.fuel += amount
            case .ppa: costs.ppa += amount
            case .certificates: costs.certificates += amount
            case .unservedLoad: costs.unservedLoad += amount
            case .exportRevenue: costs.exportRevenue += amount
            case .targetShortfall: break  // reported from the period's final shortfall (DispatchKPIs.addShortfalls)
            }
        }
        return costs
    }
}

/// Sums over committed hours, added across windows, from which the KPIs are computed.
struct DispatchTotals {
    var consumption = 0.0
    var renewable = 0.0
    var carbonFreeMatched = 0.0
    var co2 = 0.0
    var imported = 0.0
    var exported = 0.0
    var peakImport = 0.0
    var unserved = 0.0
    var curtailed = 0.0
    /// MWh moved by flexible loads and its value at the hours' prices (currency).
    var loadShifted = 0.0
    var loadShiftingValue = 0.0
    /// MWh charged into and fed back from EV fleets.
    var fleetCharged = 0.0
    var fleetDischarged = 0.0
    /// MWh taken under each PPA, by name.
    var ppaVolume: [String: Double] = [:]
    /// MWh of RECs and green premium attributed to the committed hours.
    var rec = 0.0
    var greenPremium = 0.0
    var costs = CostBreakdown()

    mutating func add(_ other: DispatchTotals) {
        consumption += other.consumption
        renewable += other.renewable
        carbonFreeMatched += other.carbonFreeMatched
        co2 += other.co2
        imported += other.imported
        exported += other.exported
        peakImport = max(peakImport, other.peakImport)
        unserved += other.unserved
        curtailed += other.curtailed
        loadShifted += other.loadShifted
        loadShiftingValue += other.loadShiftingValue
        fleetCharged += other.fleetCharged
        fleetDischarged += other.fleetDischarged
        ppaVolume.merge(other.ppaVolume, uniquingKeysWith: +)
        rec += other.rec
        greenPremium += other.greenPremium
        costs.energy += other.costs.energy
        costs.demandCharge += other.costs.demandCharge
        costs.fuel += other.costs.fuel
        costs.ppa += other.costs.ppa
        costs.certificates += other.costs.certificates
        costs.unservedLoad += other.costs.unservedLoad
        costs.exportRevenue += other.costs.exportRevenue
    }

    /// The KPIs of these sums.
    var kpis: DispatchKPIs {
        DispatchKPIs(objective: costs.total, costs: costs, consumptionMWh: consumption, renewableSupplyMWh: renewable,
                     reShare: consumption + unserved > 0 ? renewable / (consumption + unserved) : 0,
                     cfeScore: consumption + unserved > 0 ? carbonFreeMatched / (consumption + unserved) : 0, co2Tonnes: co2,
                     curtailedMWh: curtailed, unservedMWh: unserved, peakImportMW: peakImport,
                     importMWh: imported, exportMWh: exported,
                     flexibility: FlexibilityKPIs(loadShiftedMWh: loadShifted, loadShiftingValue: loadShiftingValue,
                                                  evChargedMWh: fleetCharged, evDischargedMWh: fleetDischarged))
    }
}

extension DispatchExtraction {
    /// The state after the first `hours` committed hours: stored energy of every storage unit, store and EV
    /// fleet, the backlog of every flexible load, and the billing month's peak import in counted hours. Stored
    /// energy a rounding hair below 0 (a simplex vertex within GLPK's feasibility tolerance, −1.5e-13 MWh seen after
    /// some days of `re100 run`) is handed on as 0: the next run refuses negative energy in its state.
    func endState(carrying previous: DispatchState, after hours: Int) -> DispatchState {
        var state = previous
        let last = min(hours, committed) - 1
        guard last >= 0 else { return state }
        for (s, unit) in network.storageUnits.enumerated() {
            state.storedEnergyMWh[unit.id.rawValue] = max(0, primal.columnValues[formulation.storageEnergy[s][last]])
        }
        for (s, store) in network.stores.enumerated() {
            state.storedEnergyMWh[store.id.rawValue] = max(0, primal.columnValues[formulation.storeEnergy[s][last]])
        }
        for (generator, columns) in formulation.commitmentStatus {
            state.unitIsOn[generator] = primal.columnValues[columns[last]] > 0.5
        }
        if let tariff = network.gridConnection?.tariff {
            for h in 0...last where formulation.countsTowardBillingDemand(tariff, hour: h) {
                let month = window.monthKey(h)
                if state.billingMonth != month {
                    state.billingMonth = month
                    state.monthPeakImportMW = 0
                }
                state.monthPeakImportMW = max(state.monthPeakImportMW, primal.columnValues[formulation.gridImport[h]])
            }
        }
        carryGeneratorsAndPeaks(into: &state, from: previous, through: last)
        carryFlexibility(into: &state, from: previous, through: last)
        return state
    }
}

extension PeriodProgress {
    /// Adds the sums of `hours` more covered hours.
    mutating func add(_ totals: DispatchTotals, hours: Int) {
        self.hours += hours
        demandMWh += totals.consumption + totals.unserved
        renewableMWh += totals.renewable
        carbonFreeMatchedMWh += totals.carbonFreeMatched
        co2Tonnes += totals.co2
        ppaVolumeMWh.merge(totals.ppaVolume, uniquingKeysWith: +)
        recMWh += totals.rec
        greenPremiumMWh += totals.greenPremium
    }
}
