/// The flexibility section of the HTML report: each flexible load's requested against served power, and each
/// EV fleet's stored energy against its minimum (docs/report.md, "Flexible loads and EV fleets").
extension HTMLReport {
    /// Whether the schedule has flexible loads or EV fleets (the section is left out otherwise).
    var hasFlexibility: Bool {
        !schedule.flexibleLoads.isEmpty || !schedule.fleetEnergy.isEmpty
    }

    /// One chart per flexible load (requested dashed, served solid) and one for the fleets' energy (solid) with
    /// their minimum (dashed) where the grid was at hand.
    func flexibilityCharts() -> String {
        var html = ""
        for load in schedule.flexibleLoads {
            let high = (load.requested + load.served).filter(\.isFinite).max() ?? 1
            var chart = timeChart(title: "Flexible load " + load.name, high: high, yTitle: "power (MW)", height: 240)
            chart.addLine(Self.points(load.requested), color: "#7f8c8d", width: 1.5, dashed: true)
            chart.addLine(Self.points(load.served), color: "#111111", width: 2)
            html += Self.legend([(load.name + " requested", "#7f8c8d", true), (load.name + " served", "#111111", true)]) + chart.svg()
        }
        let fleets = schedule.fleetEnergy
        guard !fleets.isEmpty else { return html }
        let minima = fleets.map { fleetMinimumMWh[$0.name] }
        let high = (fleets.flatMap(\.values) + minima.compactMap { $0 }.flatMap { $0 }).filter(\.isFinite).max() ?? 1
        var chart = timeChart(title: "EV fleets' stored energy", high: high, yTitle: "stored energy (MWh)", height: 240)
        var legend: [(label: String, color: String, line: Bool)] = []
        for (index, fleet) in fleets.enumerated() {
            let color = CarrierPalette.fallback[index % CarrierPalette.fallback.count]
            chart.addLine(Self.points(fleet.values), color: color, width: 2)
            legend.append((fleet.name + " stored", color, true))
            if let minimum = minima[index] {
                chart.addLine(Self.points(minimum), color: color, width: 1.5, dashed: true)
                legend.append((fleet.name + " minimum", color, true))
            }
        }
        return html + Self.legend(legend) + chart.svg()
    }
}
