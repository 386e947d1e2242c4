import DispatchOptimizer
import GridModel
import LinearProgramming
import Reporting

/// Explains an infeasible dispatch by relaxing the hard constraints of the grid one family at a time and
/// re-solving: each RE100 target (annual RE share, hourly CFE score, CO2 cap) is dropped on its own, and loads
/// that may not be shed are allowed to shed at a high value of lost load, which names the loads (and hours)
/// that cannot be served. Only run after a failed dispatch, so the extra solves cost nothing on success.
struct InfeasibilityDiagnosis {
    /// The value of lost load used for the relaxation, currency/MWh (high enough to shed only what must be).
    static let relaxationValueOfLostLoad = 1e7

    /// The grid that failed.
    let network: Network
    /// The options it was dispatched with.
    let options: DispatchOptions
    /// The solver to re-solve with.
    let solver: any LinearSolver

    /// Lines naming what makes the model infeasible; a fallback line when no single relaxation helps.
    func explain() -> [String] {
        var findings: [String] = []
        let targets: [(String, WritableKeyPath<RE100Targets, Double?>, String)] = [
            ("targets.annual_re_share", \.annualRenewableShare, "the annual RE share target"),
            ("targets.hourly_cfe_score", \.hourlyCarbonFreeScore, "the hourly CFE score target"),
            ("targets.co2_cap_t", \.co2Cap, "the CO2 cap"),
        ]
        for (path, keyPath, name) in targets {
            guard let value = network.targets[keyPath: keyPath] else { continue }
            var relaxed = network
            relaxed.targets[keyPath: keyPath] = nil
            if isFeasible(relaxed) {
                findings.append("\(path) = \(value): feasible without \(name); it cannot be met")
            }
        }
        let hardLoads = network.loads.indices.filter { network.loads[$0].shedding == .notAllowed }
        if !hardLoads.isEmpty {
            var relaxed = network
            for index in hardLoads {
                relaxed.loads[index].shedding = .allowed(valueOfLostLoad: Self.relaxationValueOfLostLoad)
            }
            if let result = try? DispatchOptimizer.dispatch(relaxed, options: options, solver: solver), result.status == .optimal {
                let names = Set(hardLoads.map { network.loads[$0].id.rawValue })
                for unit in result.units where unit.component == "load" && names.contains(unit.unit) {
                    let unserved = unit.curtailed ?? []
                    let hours = unserved.indices.filter { unserved[$0] > 1e-6 }
                    guard let first = hours.first else { continue }
                    let energy = hours.reduce(0) { $0 + unserved[$1] }
                    let start = ReportFormat.timestamp(result.timestamps[first], timeZone: network.timeAxis.timeZone)
                    findings.append("loads.\(unit.unit) (shedding not allowed): \(ReportFormat.number(energy)) MWh "
                        + "cannot be served in \(hours.count) hour(s), the first at \(start)")
                }
            }
        }
        if findings.isEmpty {
            findings.append("no single relaxation (RE100 targets, load shedding) makes the model feasible; check import "
                + "limits, line ratings and storage bounds with `re100 export-lp` and `glpsol --lp model.lp`")
        }
        return findings
    }

    private func isFeasible(_ relaxed: Network) -> Bool {
        guard let result = try? DispatchOptimizer.dispatch(relaxed, options: options, solver: solver) else { return false }
        return result.status == .optimal
    }
}
