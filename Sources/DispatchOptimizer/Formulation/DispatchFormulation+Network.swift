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

    /// Lines and transformers by the linearised DC power flow, `−s_max_pu·s_nom ≤ f ≤ s_max_pu·s_nom` with
    /// Kirchhoff's voltage law in whichever of two equivalent forms has fewer nonzeros in GLPK's standard form (same objective and
    /// nodal prices; both are PyPSA's linear power flow):
    /// - **cycle form** (PyPSA's): per fundamental cycle `Σ_l sign_l·x_eff_l·f_l = −Σ_l sign_l·φ_l` (rows
    ///   `kvl_cycle(<closing branch>,tNNNN)`); a radial network needs no row at all. Chosen when the cycles'
    ///   total length is at most the angle form's (``BranchTopology/angleNonzeros``): radial, small or moderately meshed networks.
    /// - **angle form**: `θ_bus0 − θ_bus1 − x_eff·f = φ` (rad) per branch (rows `kvl(<branch>,tNNNN)`), with one
    ///   reference angle fixed to 0 per connected AC sub-network and every other angle within
    ///   `±(Σ_branches x_eff·s_max_pu·s_nom + |φ|) + 1`, a bound no path can reach: long cycles of large meshed
    ///   networks would make dense rows.
    /// `x_eff` is PyPSA's per-unit reactance on 1 MVA: `x/v_nom(bus0)²` for lines, `x/s_nom·tap_ratio` for transformers.
    mutating func addBranchFlows() {
        let topology = BranchTopology(network: network)
        guard !topology.branches.isEmpty else { return }
        var flows: [[Int]] = []
        for branch in topology.branches {
            let limit = branch.maximumPerUnit * branch.rating
            let columns = (0..<window.count).map { h in
                addHourlyColumn(branch.family, branch.name, hour: h, lower: -limit, upper: limit)
            }
            for h in 0..<window.count {
                inject(columns[h], coefficient: -1, at: network.buses[branch.bus0].id, hour: h)
                inject(columns[h], coefficient: 1, at: network.buses[branch.bus1].id, hour: h)
            }
            if branch.family == "f_line" { lineFlow.append(columns) } else { transformerFlow.append(columns) }
            flows.append(columns)
        }
        let cycleForm = switch voltageLaw {
        case .automatic: topology.prefersCycleForm
        case .cycles: true
        case .angles: false
        }
        if cycleForm {
            addCycleVoltageLaw(topology, flows: flows)
        } else {
            addAngleVoltageLaw(topology, flows: flows)
        }
    }

    private mutating func addCycleVoltageLaw(_ topology: BranchTopology, flows: [[Int]]) {
        for cycle in topology.cycles {
            let closing = topology.branches[cycle[0].branch].name
            let shift = cycle.reduce(0) { $0 - $1.sign * topology.branches[$1.branch].phaseShiftRadians }
            for h in 0..<window.count {
                builder.addRow(name: ComponentName.hourly("kvl_cycle", closing, window.snapshot(h)), lower: shift, upper: shift,
                               terms: cycle.map { (flows[$0.branch][h], $0.sign * topology.branches[$0.branch].effectiveReactance) })
            }
        }
    }

    private mutating func addAngleVoltageLaw(_ topology: BranchTopology, flows: [[Int]]) {
        // Angles are bounded by the largest angle difference any path can carry (never binding):
        // free columns make GLPK's interior point split them and stall numerically.
        let bound = topology.branches.reduce(0) {
            $0 + abs($1.effectiveReactance * $1.maximumPerUnit * $1.rating) + abs($1.phaseShiftRadians)
        } + 1
        var angle = [[Int]?](repeating: nil, count: network.buses.count)
        for b in topology.busesWithBranches {
            let isReference = topology.referenceBuses.contains(b)
            angle[b] = (0..<window.count).map { h in
                addHourlyColumn("theta", busNames[b], hour: h, lower: isReference ? 0 : -bound, upper: isReference ? 0 : bound)
            }
        }
        for (index, branch) in topology.branches.enumerated() {
            for h in 0..<window.count {
                guard let theta0 = angle[branch.bus0]?[h], let theta1 = angle[branch.bus1]?[h] else { continue }
                builder.addRow(name: ComponentName.hourly("kvl", branch.name, window.snapshot(h)),
                               lower: branch.phaseShiftRadians, upper: branch.phaseShiftRadians,
                               terms: [(theta0, 1), (theta1, -1), (flows[index][h], -branch.effectiveReactance)])
            }
        }
    }
}

/// How ``DispatchFormulation/addBranchFlows()`` writes Kirchhoff's voltage law.
enum VoltageLawForm {
    /// The form with fewer nonzeros (``BranchTopology/prefersCycleForm``).
    case automatic
    /// One row per fundamental cycle and hour, PyPSA's form.
    case cycles
    /// Bus voltage angles and one row per branch and hour.
    case angles
}
