import Foundation
import GridModel

/// Lines and transformers in one list with their per-unit data, the AC sub-networks they form, and a
/// fundamental cycle basis of them (a breadth-first spanning tree from each sub-network's reference bus;
/// every branch outside the tree closes one cycle through the tree).
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
    /// The fundamental cycles: each a list of (branch index, +1 when traversed from `bus0` to `bus1`, else −1).
    let cycles: [[(branch: Int, sign: Double)]]

    /// Nonzeros per hour of the cycle form: the cycles' total length.
    var cycleNonzeros: Int { cycles.reduce(0) { $0 + $1.count } }

    /// Nonzeros per hour of the angle form as GLPK's interior point sees it: 3 per branch row, and 2 per angle
    /// column that is not a reference (its bounds on both sides become one more row `θ' + s = 2·bound` in the
    /// standard form GLPK solves).
    var angleNonzeros: Int { 3 * branches.count + 2 * (busesWithBranches.count - referenceBuses.count) }

    /// Whether Kirchhoff's voltage law is written per cycle: when ``cycleNonzeros`` is at most ``angleNonzeros``
    /// (radial, small and moderately meshed networks), see ``DispatchFormulation/addBranchFlows()``.
    var prefersCycleForm: Bool { cycleNonzeros <= angleNonzeros }

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
        cycles = Self.fundamentalCycles(branches: list, buses: network.buses.count,
                                        roots: busesWithBranches.filter { root($0) == $0 })
    }

    /// Grows a breadth-first tree from each root (branches in list order) and closes one cycle per branch
    /// left outside it: that branch from `bus0` to `bus1`, then the tree path from `bus1` back to `bus0`.
    private static func fundamentalCycles(branches: [Branch], buses: Int, roots: [Int]) -> [[(branch: Int, sign: Double)]] {
        var incident = [[Int]](repeating: [], count: buses)
        for (index, branch) in branches.enumerated() {
            incident[branch.bus0].append(index)
            incident[branch.bus1].append(index)
        }
        var parentBranch = [Int?](repeating: nil, count: buses)
        var depth = [Int](repeating: -1, count: buses)
        var inTree = [Bool](repeating: false, count: branches.count)
        for root in roots {
            depth[root] = 0
            var queue = [root], next = 0
            while next < queue.count {
                let bus = queue[next]
                next += 1
                for index in incident[bus] {
                    let other = branches[index].bus0 == bus ? branches[index].bus1 : branches[index].bus0
                    guard depth[other] < 0 else { continue }
                    depth[other] = depth[bus] + 1
                    parentBranch[other] = index
                    inTree[index] = true
                    queue.append(other)
                }
            }
        }
        /// The tree branch from `bus` to its parent, with the sign of traversing it in that direction.
        func stepUp(_ bus: Int) -> (branch: Int, sign: Double, parent: Int) {
            let index = parentBranch[bus]!
            let branch = branches[index]
            return branch.bus0 == bus ? (index, 1, branch.bus1) : (index, -1, branch.bus0)
        }
        return branches.indices.filter { !inTree[$0] }.map { closing in
            // bus1 climbs to the common ancestor (traversed upward), then down to bus0 (traversed downward).
            var up: [(branch: Int, sign: Double)] = [], down: [(branch: Int, sign: Double)] = []
            var a = branches[closing].bus1, b = branches[closing].bus0
            while a != b {
                if depth[a] >= depth[b] {
                    let step = stepUp(a)
                    up.append((step.branch, step.sign))
                    a = step.parent
                } else {
                    let step = stepUp(b)
                    down.append((step.branch, -step.sign))
                    b = step.parent
                }
            }
            return [(closing, 1)] + up + down.reversed()
        }
    }
}
