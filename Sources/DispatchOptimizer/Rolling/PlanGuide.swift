import Foundation
import LinearProgramming

/// The one-LP plan of the whole horizon, read as a guide for rolling windows (docs/dispatch.md, "Rolling
/// windows"): the running sums of every period target hour by hour, the energy of cyclic units at the
/// horizon's end, and the marginal value of stored energy in every hour. Indices are horizon hours (0-based).
struct PlanGuide {
    /// `Σ_{τ≤t} w·(renewable − share·demand)` plus the plan's certificates spread evenly over the hours, MWh.
    var renewableShare: [Double] = []
    /// `Σ_{τ≤t} w·(matched − score·demand)`, MWh.
    var carbonFree: [Double] = []
    /// `Σ_{τ≤t} w·emissions`, t.
    var co2: [Double] = []
    /// `Σ_{τ≤t} w·delivery` per PPA, MWh, by name.
    var ppaVolume: [String: [Double]] = [:]
    /// Stored energy at the end of the horizon, MWh, by storage id (the start of a cyclic horizon).
    var finalEnergy: [String: Double] = [:]
    /// Value of one more MWh stored at the end of hour `t`, currency/MWh, by storage id:
    /// `−(1−loss)^{w}·λ[t+1]` from the dual `λ` of the next hour's continuity row (0 at the horizon's end).
    var energyValue: [String: [Double]] = [:]

    /// Reads the guide from the solved one-LP `formulation` of the horizon.
    init(formulation: DispatchFormulation, primal: PrimalSolution, dual: DualSolution?) {
        let network = formulation.network
        let hours = formulation.window.count
        func evaluate(_ expression: DispatchFormulation.Expression) -> Double {
            expression.reduce(0) { $0 + $1.coefficient * primal.columnValues[$1.column] }
        }
        func running(_ term: (Int) -> Double) -> [Double] {
            var sum = 0.0
            return (0..<hours).map { h in
                sum += term(h)
                return sum
            }
        }
        let weight = { (h: Int) in formulation.weight(\.generatorWeights, h) }
        if let share = network.targets.annualRenewableShare {
            var certificates = 0.0
            for column in [formulation.recPurchase, formulation.greenPremiumPurchase].compactMap({ $0 }) {
                certificates += primal.columnValues[column]
            }
            let perHour = hours > 0 ? certificates / Double(hours) : 0
            renewableShare = running { h in
                weight(h) * (evaluate(formulation.renewableSupply(h)) - share * evaluate(formulation.demand(h))) + perHour
            }
        }
        if let score = network.targets.hourlyCarbonFreeScore, formulation.carbonFreeMatched.count == hours {
            carbonFree = running { h in
                weight(h) * (primal.columnValues[formulation.carbonFreeMatched[h]] - score * evaluate(formulation.demand(h)))
            }
        }
        if network.targets.co2Cap != nil { co2 = running { h in weight(h) * evaluate(formulation.emissions(h)) } }
        for (k, contract) in network.powerPurchaseAgreements.enumerated() {
            ppaVolume[contract.id.rawValue] = running { h in weight(h) * primal.columnValues[formulation.ppaDelivery[k][h]] }
        }
        let storage = network.storageUnits.enumerated().map { ($1.id.rawValue, formulation.storageEnergy[$0], $1.standingLoss) }
            + network.stores.enumerated().map { ($1.id.rawValue, formulation.storeEnergy[$0], $1.standingLoss) }
            + network.evFleets.enumerated().map { ($1.id.rawValue, formulation.fleetEnergy[$0], 0.0) }
        for (id, energy, standingLoss) in storage where !energy.isEmpty {
            finalEnergy[id] = primal.columnValues[energy[energy.count - 1]]
            guard let dual, let rows = formulation.continuityRows[id] else { continue }
            energyValue[id] = (0..<hours).map { h in
                guard h + 1 < hours else { return 0 }
                let retention = pow(1 - standingLoss, formulation.weight(\.storeWeights, h + 1))
                return -retention * dual.rowDuals[rows[h + 1]]
            }
        }
    }
}
