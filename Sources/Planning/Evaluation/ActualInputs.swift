import Foundation
import GridIO
import GridModel

/// What actually happened to a grid's forecast inputs: the values of each history file (a load's `forecast_from`,
/// a generator's `p_max_pu_forecast_from`) at the hours of the time axis, the measurements the forecasts of earlier
/// origins are judged against (docs/uncertainty.md, "Evaluation").
struct ActualInputs {
    /// Demand per forecast load id, MW per snapshot of the axis (NaN where the history has no value).
    var loads: [String: [Double]] = [:]
    /// Availability per forecast generator id, per unit of `p_nom` per snapshot (NaN where none).
    var generators: [String: [Double]] = [:]

    /// Reads every forecast input of `network` (histories relative to `gridDirectory`).
    /// - Throws: `CSVError` for unreadable histories.
    init(network: Network, gridDirectory: URL) throws {
        let axis = network.timeAxis
        var index: [Date: Int] = [:]
        for (k, snapshot) in axis.snapshots.enumerated() { index[snapshot] = k }
        var tables: [String: CSVTable] = [:]
        func series(_ file: String, _ column: String) throws -> [Double] {
            let path = gridDirectory.resolving(file).path
            let table = try tables[path] ?? NumericCSVReader.read(contentsOf: URL(fileURLWithPath: path), allowEmpty: true)
            tables[path] = table
            let history = try LoadHistoryReader.read(table: table, timeZone: axis.timeZone, loadColumn: column, allowTrailingEmpty: true)
            var values = [Double](repeating: .nan, count: axis.count)
            for (row, timestamp) in history.timestamps.enumerated() {
                if let k = index[timestamp], let value = history.load?[row] { values[k] = value }
            }
            return values
        }
        for load in network.loads {
            if case .forecastFromHistory(let reference) = load.demand {
                loads[load.id.rawValue] = try series(reference.file, reference.column)
            }
        }
        for generator in network.generators {
            if let history = generator.availabilityHistory {
                generators[generator.id.rawValue] = try series(history.file, history.column)
            }
        }
    }

    /// The first hour of `hours` (snapshots) without a value in some input, named as `loads.<id>`/`generators.<id>`.
    func missing(in hours: Range<Int>) -> (series: String, snapshot: Int)? {
        for (prefix, all) in [("loads.", loads), ("generators.", generators)] {
            for id in all.keys.sorted() {
                if let k = hours.first(where: { !(all[id]?[$0].isFinite ?? false) }) { return (prefix + id, k) }
            }
        }
        return nil
    }

    /// `network` with the measured values in place of the forecast inputs chosen: loads (`loads`), availability of
    /// forecast generators (`generators`), over the whole axis.
    func applied(to network: Network, loads useLoads: Bool = true, generators useGenerators: Bool = true) -> Network {
        var actual = network
        for k in actual.loads.indices where useLoads {
            if let values = loads[actual.loads[k].id.rawValue] {
                actual.loads[k].demand = .fixed(.hourly(values.map { $0.isFinite ? max(0, $0) : 0 }))
            }
        }
        for k in actual.generators.indices where useGenerators {
            if let values = generators[actual.generators[k].id.rawValue] {
                actual.generators[k].maximumPerUnit = .hourly(values.map { $0.isFinite ? min(1, max(0, $0)) : 0 })
            }
        }
        return actual
    }

    /// `network` as it actually was (``applied(to:loads:generators:)``), with every load that may not be shed made
    /// sheddable at `firmPenalty` per MWh, so a plan that cannot serve it is measured instead of infeasible.
    func realised(_ network: Network, firmPenalty: Double) -> Network {
        var actual = applied(to: network)
        for k in actual.loads.indices where actual.loads[k].shedding == .notAllowed {
            actual.loads[k].shedding = .allowed(valueOfLostLoad: firmPenalty)
        }
        return actual
    }
}
