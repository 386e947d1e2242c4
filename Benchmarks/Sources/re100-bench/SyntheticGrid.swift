import EnergyCalendar
import Foundation
import GridModel

/// A deterministic meshed test network shaped like the IEEE cases: `buses` buses on a ring with
/// chords, a generator with its own cost at every third bus, a load with a daily shape at every
/// bus, PV at every fifth bus and a battery at every tenth; lines rated so some bind.
enum SyntheticGrid {
    static func make(buses: Int, hours: Int) -> Network {
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00Z
        var network = Network(name: "synthetic-\(buses)", currency: "EUR",
                              timeAxis: .hourly(start: start, count: hours, timeZone: TimeZone(identifier: "UTC")!))
        network.carriers = [Carrier(id: "gas", co2Intensity: 0.4, isRenewable: false),
                            Carrier(id: "solar", co2Intensity: 0, isRenewable: true, isCarbonFree: true)]
        var seed: UInt64 = 42
        func random() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for b in 0..<buses { network.buses.append(Bus(id: .init("bus\(b)"), nominalVoltage: 138)) }
        for b in 0..<buses {
            network.lines.append(Line(id: .init("ring\(b)"), bus0: .init("bus\(b)"), bus1: .init("bus\((b + 1) % buses)"),
                                      reactance: 5 + 20 * random(), nominalApparentPower: 80 + 120 * random()))
            if b % 4 == 0 {
                network.lines.append(Line(id: .init("chord\(b)"), bus0: .init("bus\(b)"), bus1: .init("bus\((b + buses / 3) % buses)"),
                                          reactance: 10 + 30 * random(), nominalApparentPower: 60 + 80 * random()))
            }
        }
        for b in stride(from: 0, to: buses, by: 3) {
            network.generators.append(Generator(id: .init("gen\(b)"), bus: .init("bus\(b)"), carrier: "gas",
                                                nominalPower: 150 + 200 * random(), marginalCost: 10 + 40 * random()))
        }
        for b in stride(from: 0, to: buses, by: 5) {
            var pv = Generator(id: .init("pv\(b)"), bus: .init("bus\(b)"), carrier: "solar", nominalPower: 50 + 50 * random())
            pv.maximumPerUnit = .hourly((0..<hours).map { t in max(0, sin(Double(t % 24 - 6) / 12 * .pi)) * (0.6 + 0.4 * random()) })
            network.generators.append(pv)
        }
        for b in stride(from: 0, to: buses, by: 10) {
            var battery = StorageUnit(id: .init("ess\(b)"))
            battery.bus = .init("bus\(b)")
            battery.nominalPower = 30
            battery.maxHours = 4
            battery.efficiencyStore = 0.95
            battery.efficiencyDispatch = 0.95
            battery.isCyclic = true
            network.storageUnits.append(battery)
        }
        for b in 0..<buses {
            let base = 40 + 60 * random()
            network.loads.append(Load(id: .init("load\(b)"), bus: .init("bus\(b)"), demand: .hourly((0..<hours).map { t in
                base * (0.8 + 0.3 * sin(Double(t % 24 - 8) / 24 * 2 * .pi)) * (0.95 + 0.1 * random())
            }), shedding: .allowed(valueOfLostLoad: 3000)))
        }
        return network
    }
}
