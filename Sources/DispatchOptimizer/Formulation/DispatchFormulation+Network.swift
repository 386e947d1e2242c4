import GridModel

extension DispatchFormulation {
    /// Nodal balance per bus and hour (its dual is the LMP):
    /// `Σ_g p + Σ_su (p_dis − p_ch) + Σ_store p + Σ_link (η·p at bus1, −p at bus0) + Σ_branch (f in − f out)
    ///  + import − export + PPA delivery + unserved + Σ_flexible (down − up) + Σ_fleet (p_v2g − p_ch) = Σ_load demand`
    /// (MW). Buses with no attached
    /// component get no row, as in PyPSA.
    mutating func addNodalBalance() {
        var attached = Set<Bus.ID>()
        attached.formUnion(network.generators.map(\.bus))
        attached.formUnion(network.storageUnits.map(\.bus))
        attached.formUnion(network.stores.map(\.bus))
        attached.formUnion(network.loads.map(\.bus))
        attached.formUnion(network.evFleets.map(\.bus))
        attached.formUnion(network.links.flatMap { [$0.bus0, $0.bus1] })
        attached.formUnion(network.lines.flatMap { [$0.bus0, $0.bus1] })
        attached.formUnion(network.transformers.flatMap { [$0.bus0, $0.bus1] })
        attached.formUnion(network.powerPurchaseAgreements.compactMap(\.bus))
        if let connection = network.gridConnection { attached.insert(connection.bus) }

        var demand = [[Double]](repeating: [Double](repeating: 0, count: window.count), count: network.buses.count)
        for load in network.loads {
            guard let b = busIndex[load.bus], let profile = load.fixedDemand else { continue }
            for h in 0..<window.count { demand[b][h] += profile.value(at: window.snapshot(h)) }
        }
        balanceRows = network.buses.enumerated().map { b, bus in
            guard attached.contains(bus.id) else { return nil }
            return (0..<window.count).map { h in
                builder.addRow(name: ComponentName.hourly("bal", busNames[b], window.snapshot(h)),
                               lower: demand[b][h], upper: demand[b][h])
            }
        }
    }

    /// Lines and transformers by the linearised DC power flow, in angle form:
    /// `−s_max_pu·s_nom ≤ f ≤ s_max_pu·s_nom` and `θ_bus0 − θ_bus1 − x_eff·f = φ` (rad), with one
    /// reference angle fixed to 0 per connected AC sub-network and every other angle within
    /// `±(Σ_branches x_eff·s_max_pu·s_nom + |φ|) + 1`, a bound no path can reach. `x_eff` is PyPSA's per-unit
    /// reactance on 1 MVA: `x/v_nom(bus0)²` for lines, `x/s_nom·tap_ratio` for transformers.
    /// Equivalent to PyPSA's cycle formulation (same objective and nodal prices).
    mutating func addBranchFlows() {
        let branches = BranchTopology(network: network)
        guard !branches.branches.isEmpty else { return }
        var angle = [[Int]?](repeating: nil, count: network.buses.count)
        // Angles are bounded by the largest angle difference any path can carry (never binding):
        // free columns make GLPK's interior point split them and stall numerically.
        let bound = branches.branches.reduce(0) {
            $0 + abs($1.effectiveReactance * $1.maximumPerUnit * $1.rating) + abs($1.phaseShiftRadians)
        } + 1
        for b in branches.busesWithBranches {
            let isReference = branches.referenceBuses.contains(b)
            angle[b] = (0..<window.count).map { h in
                addHourlyColumn("theta", busNames[b], hour: h, lower: isReference ? 0 : -bound, upper: isReference ? 0 : bound)
            }
        }
        for branch in branches.branches {
            let limit = branch.maximumPerUnit * branch.rating
            let flows = (0..<window.count).map { h in
                addHourlyColumn(branch.family, branch.name, hour: h, lower: -limit, upper: limit)
            }
            for h in 0..<window.count {
                guard let theta0 = angle[branch.bus0]?[h], let theta1 = angle[branch.bus1]?[h] else { continue }
                inject(flows[h], coefficient: -1, at: network.buses[branch.bus0].id, hour: h)
                inject(flows[h], coefficient: 1, at: network.buses[branch.bus1].id, hour: h)
                builder.addRow(name: ComponentName.hourly("kvl", branch.name, window.snapshot(h)),
                               lower: branch.phaseShiftRadians, upper: branch.phaseShiftRadians,
                               terms: [(theta0, 1), (theta1, -1), (flows[h], -branch.effectiveReactance)])
            }
            if branch.family == "f_line" { lineFlow.append(flows) } else { transformerFlow.append(flows) }
        }
    }
}
