import DispatchOptimizer
import GridModel

/// What the HTML report takes from the grid rather than the result files, for the schedule's hours: the tariff
/// band of every hour and each EV fleet's minimum stored energy.
public struct ReportGridContext: Sendable {
    /// The tariff bands of the hours, nil without a tariff.
    public let tariffBands: TariffBands?
    /// `e_min_pu·e_nom` of each EV fleet per hour (MWh), by name.
    public let fleetMinimumMWh: [String: [Double]]

    /// The context of `hourCount` hours from snapshot `firstHour` of `network`.
    public init(network: Network, firstHour: Int, hourCount: Int) {
        tariffBands = TariffBands(network: network, firstHour: firstHour, hourCount: hourCount)
        let hours = firstHour..<min(firstHour + hourCount, network.timeAxis.count)
        var minima: [String: [Double]] = [:]
        for fleet in network.evFleets { minima[fleet.id.rawValue] = hours.map(fleet.minimumEnergy(at:)) }
        fleetMinimumMWh = minima
    }
}
