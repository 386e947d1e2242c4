import Foundation
import GridModel

/// Lines and transformers in one list with their per-unit data, and the AC sub-networks they form.
struct BranchTopology {
    struct Branch {
        /// `f_line` or `f_trafo` (the column family).
        let family: String
        let name: String
        let bus0: Int
        let bus1: Int
        /// `s_nom` in MVA (MW in the linear power flow).
        let rating: Double
        let maximumPerUnit: Double
        /// Per-unit reactance on 1 MVA (flow in MW = Δθ / x_eff).
        let effectiveReactance: Double
        let phaseShiftRadians: Double
    }

    /// Lines first, then transformers, in network order.
    let branches: [Branch]
    /// Indices of buses touched by at least one branch, ascending.
    let busesWithBranches: [Int]
    /// The first bus (network order) of each connected sub-network: its angle is fixed to 0.
    let referenceBuses: Set<Int>

    init(network: Network) {
        var index: [Bus.ID: Int] = [:]
        for (position, bus) in network.buses.enumerated() { index[bus.id] = position }
        var list: [Branch] = []
        for line in network.lines {
            guard let b0 = index[line.bus0], let b1 = index[line.bus1] else { continue }
            let voltage = network.buses[b0].nominalVoltage
            list.append(Branch(family: "f_line", name: ComponentName.sanitized(line.id.rawValue), bus0: b0, bus1: b1,
                               rating: line.nominalApparentPower, maximumPerUnit: line.maximumPerUnit,
                               effectiveReactance: line.reactance / (voltage * voltage), phaseShiftRadians: 0))
        }
        for transformer in network.transformers {
            guard let b0 = index[transformer.bus0], let b1 = index[transformer.bus1] else { continue }
            list.append(Branch(family: "f_trafo", name: ComponentName.sanitized(transformer.id.rawValue), bus0: b0, bus1: b1,
                               rating: transformer.nominalApparentPower, maximumPerUnit: transformer.maximumPerUnit,
                               effectiveReactance: transformer.reactance / transformer.nominalApparentPower * transformer.tapRatio,
                               phaseShiftRadians: transformer.phaseShift * .pi / 180))
        }
        branches = list

        // Union-find over the buses the branches join.
        var parent = Array(0..<network.buses.count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var touched = Set<Int>()
        for branch in list {
            touched.insert(branch.bus0)
            touched.insert(branch.bus1)
            let a = root(branch.bus0), b = root(branch.bus1)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        busesWithBranches = touched.sorted()
        referenceBuses = Set(busesWithBranches.filter { root($0) == $0 })
    }
}
