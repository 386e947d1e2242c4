import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming

/// The multi-period dispatch LP of one window, built family by family as in ARCHITECTURE.md
/// ("Dispatch formulation"), with index maps from components and hours to columns and rows so
/// that solutions and duals map back to schedules and prices.
///
/// Column and row names follow the components (`p(pv_roof,t0012)`, `bal(bus_154kv,t0012)`).
/// Hours `h` are 0-based within the window; snapshot `window.start + h` of the time axis.
struct DispatchFormulation {
    let network: Network
    let window: HourWindow
    let state: DispatchState?
    var builder = LinearModelBuilder()

    /// Names made safe for the LP format, per component list, in network order.
    let busNames: [String]
    /// Index of each bus by id.
    let busIndex: [Bus.ID: Int]
    /// Balance row of (bus, hour): `balanceRows[bus][h]`, nil for buses without any terms.
    var balanceRows: [[Int]?] = []

    // Column maps, `[component][h]` unless noted.
    var generatorPower: [[Int]] = []
    var storageCharge: [[Int]] = []
    var storageDischarge: [[Int]] = []
    var storageEnergy: [[Int]] = []
    var storePower: [[Int]] = []
    var storeEnergy: [[Int]] = []
    var linkFlow: [[Int]] = []
    var lineFlow: [[Int]] = []
    var transformerFlow: [[Int]] = []
    var unserved: [[Int]?] = []
    /// Moved power and backlog of every load, nil for loads that cannot move.
    var flexibleShift: [FlexibleLoadColumns?] = []
    var fleetCharge: [[Int]] = []
    var fleetDischarge: [[Int]] = []
    var fleetEnergy: [[Int]] = []
    var ppaDelivery: [[Int]] = []
    var gridImport: [Int] = []
    var gridExport: [Int] = []
    /// The decided start energy of cyclic units rolled over a longer horizon (``WindowBoundary/EnergyStart/free``), by id.
    var energyStart: [String: Int] = [:]
    /// Energy continuity rows of every storage unit, store and EV fleet, `[id][h]` (their duals value stored energy).
    var continuityRows: [String: [Int]] = [:]
    /// Hourly matched carbon-free consumption columns `cfe[h]` (empty without a CFE target).
    var carbonFreeMatched: [Int] = []
    /// Billing-demand column per month key in the window.
    var billingDemand: [String: Int] = [:]
    var recPurchase: Int?
    var greenPremiumPurchase: Int?
    /// The cost item, objective coefficient and window hour of every column, parallel to the
    /// builder's columns.
    var columnCosts: [ColumnCost] = []
    /// Carriers by id.
    let carriers: [Carrier.ID: Carrier]
    /// The period budgets, storage start and end, and terminal values of this window (one LP: the whole period).
    var boundary: WindowBoundary
    /// Price per MWh of a target's shortfall (``shortfallPrice(of:)``), computed once: it scans the grid's profiles.
    let shortfallPrice: Double
    /// Price per t of CO2 above the cap (``co2ExcessPrice(of:)``).
    let co2ExcessPrice: Double
    /// The target rows and their shortfall columns (soft targets), for the KPIs and diagnoses.
    var targetShortfall = TargetColumns()
    /// Whether committable generators get binary on/off decisions (MILP).
    var commitment = false
    /// Hours per link of the chains of partial sums that carry period targets and the billing peak
    /// (``addPeriodSum(_:id:initial:lower:upper:final:terms:)``); at least the window's length gives direct sums.
    var periodSumBlockHours = DispatchFormulation.defaultPeriodSumBlockHours
    /// How Kirchhoff's voltage law is written (``addBranchFlows()``); both forms give the same optimum.
    var voltageLaw = VoltageLawForm.automatic
    /// Status columns of committed generators: (name, `[h]`).
    var commitmentStatus: [(generator: String, columns: [Int])] = []


    init(network: Network, window: HourWindow, state: DispatchState?, boundary: WindowBoundary? = nil) {
        self.network = network
        self.window = window
        self.state = state
        self.boundary = boundary ?? .wholePeriod(co2Cap: network.targets.co2Cap)
        shortfallPrice = Self.shortfallPrice(of: network)
        co2ExcessPrice = Self.co2ExcessPrice(of: network)
        busNames = network.buses.map { ComponentName.sanitized($0.id.rawValue) }
        var index: [Bus.ID: Int] = [:]
        for (position, bus) in network.buses.enumerated() { index[bus.id] = position }
        busIndex = index
        var byID: [Carrier.ID: Carrier] = [:]
        for carrier in network.carriers { byID[carrier.id] = carrier }
        carriers = byID
    }

    /// Builds every family in order and freezes the model.
    static func build(network: Network, window: HourWindow, state: DispatchState?,
                      boundary: WindowBoundary? = nil, commitment: Bool = false,
                      periodSumBlockHours: Int = defaultPeriodSumBlockHours,
                      voltageLaw: VoltageLawForm = .automatic) throws(DispatchError) -> DispatchFormulation {
        var formulation = DispatchFormulation(network: network, window: window, state: state, boundary: boundary)
        formulation.commitment = commitment
        formulation.periodSumBlockHours = max(1, periodSumBlockHours)
        formulation.voltageLaw = voltageLaw
        formulation.reserve()
        formulation.addNodalBalance()
        formulation.addGenerators()
        formulation.addStorageUnits()
        formulation.addStores()
        formulation.addLinks()
        formulation.addBranchFlows()
        try formulation.addLoads()
        formulation.addFlexibleLoads()
        formulation.addEVFleets()
        formulation.addGridConnection()
        formulation.addPowerPurchaseAgreements()
        formulation.addCertificates()
        formulation.addRenewableShareTarget()
        formulation.addCarbonFreeTarget()
        formulation.addCarbonCap()
        formulation.addTerminalEnergyValues()
        return formulation
    }

    /// The model with every commitment decision fixed to its value in `values` (rounded), for
    /// re-solving the LP that gives prices after a unit-commitment MILP.
    func modelWithFixedCommitment(_ values: [Double]) throws(DispatchError) -> LinearModel {
        var fixed = builder
        for (_, columns) in commitmentStatus {
            for column in columns {
                let on = values[column].rounded()
                fixed.setBounds(column: column, lower: on, upper: on)
                fixed.setKind(column: column, .continuous)
            }
        }
        do {
            return try fixed.build()
        } catch {
            throw DispatchError.invalidModel(error.description)
        }
    }

    /// Frozen LP; throws when the network produced values GLPK cannot take (NaN, inverted bounds).
    func model() throws(DispatchError) -> LinearModel {
        do {
            return try builder.build()
        } catch {
            throw DispatchError.invalidModel(error.description)
        }
    }

    private mutating func reserve() {
        let hours = window.count
        let units = network.generators.count + 3 * network.storageUnits.count + 2 * network.stores.count
            + network.links.count + network.lines.count + network.transformers.count + network.loads.count
            + network.powerPurchaseAgreements.count + 3 * network.evFleets.count + 2
        builder.reserveCapacity(columns: units * hours + network.buses.count * hours,
                                rows: (network.buses.count + network.storageUnits.count + network.stores.count
                                    + network.lines.count + network.transformers.count) * hours,
                                nonzeros: 4 * units * hours)
    }

    // MARK: - Helpers shared by the families

    /// The balance row of `bus` in hour `h`, if the bus has one.
    func balanceRow(_ bus: Bus.ID, _ h: Int) -> Int? {
        guard let b = busIndex[bus] else { return nil }
        return balanceRows[b]?[h]
    }

    /// Adds `coefficient · column` to the balance of `bus` in hour `h`.
    mutating func inject(_ column: Int, coefficient: Double, at bus: Bus.ID, hour h: Int) {
        if let row = balanceRow(bus, h) { builder.addCoefficient(row: row, column: column, value: coefficient) }
    }

    /// Weight `kind` of window hour `h`.
    func weight(_ kind: KeyPath<TimeAxis, [Double]>, _ h: Int) -> Double {
        network.timeAxis[keyPath: kind][window.snapshot(h)]
    }

    /// Adds a column for window hour `h`, named `family(id,tNNNN)`, recording its cost item.
    @discardableResult
    mutating func addHourlyColumn(_ family: String, _ id: String, hour h: Int, lower: Double, upper: Double,
                                  cost: Double = 0, category: CostCategory = .none, kind: VariableKind = .continuous) -> Int {
        columnCosts.append(ColumnCost(category: category, coefficient: cost, hour: h))
        return builder.addColumn(name: ComponentName.hourly(family, id, window.snapshot(h)), lower: lower, upper: upper,
                                 cost: cost, kind: kind)
    }

    /// Adds a column for the whole window (billing demand, certificates), recording its cost item.
    @discardableResult
    mutating func addColumn(_ name: String, lower: Double, upper: Double, cost: Double = 0,
                            category: CostCategory = .none) -> Int {
        columnCosts.append(ColumnCost(category: category, coefficient: cost, hour: nil))
        return builder.addColumn(name: name, lower: lower, upper: upper, cost: cost)
    }

    /// Whether energy of `carrier` counts toward the RE share.
    func isRenewable(_ carrier: Carrier.ID) -> Bool { carriers[carrier]?.isRenewable ?? false }
    /// Whether energy of `carrier` counts as carbon-free in the hourly score.
    func isCarbonFree(_ carrier: Carrier.ID) -> Bool { carriers[carrier]?.isCarbonFree ?? false }
    /// CO2 intensity of `carrier`, t/MWh.
    func co2Intensity(_ carrier: Carrier.ID) -> Double { carriers[carrier]?.co2Intensity ?? 0 }
}

/// What a column costs: its cost item, objective coefficient and window hour (nil: the whole window).
struct ColumnCost {
    let category: CostCategory
    let coefficient: Double
    let hour: Int?
}

/// The cost item an objective coefficient belongs to (see ``CostBreakdown``).
enum CostCategory {
    case none, energy, demandCharge, fuel, ppa, certificates, unservedLoad, exportRevenue
    /// Shortfall of a soft period target: priced in the LP, reported from the period's final shortfall
    /// (a window's shortfall against its budget may still be made up by later windows).
    case targetShortfall
}

/// The shortfall columns of the soft period targets (nil: target absent or hard).
struct TargetColumns {
    var renewableShare: Int?
    var carbonFree: Int?
    var co2Excess: Int?
    /// PPA minimum-volume shortfall by contract index.
    var ppaVolume: [Int: Int] = [:]
}
