import EnergyCalendar
import Foundation
import GridModel

/// Networks built in code for the tests of every module: valid, small and hand-checkable.
public enum NetworkFixture {
    /// The first snapshot of every fixture.
    public static let start = Date(timeIntervalSince1970: 1_767_193_200)  // 2026-01-01 00:00 Asia/Seoul

    /// Two buses (154 kV and 22.9 kV) joined by a transformer, PV, a battery, a 30 MW load and the grid connection.
    public static func twoBus() -> Network {
        let zone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
        var network = Network(name: "two-bus", currency: "KRW", timeAxis: .hourly(start: start, count: 4, timeZone: zone), holidays: "KR")
        network.buses = [Bus(id: "hv", nominalVoltage: 154), Bus(id: "mv", nominalVoltage: 22.9)]
        network.carriers = [
            Carrier(id: "solar", co2Intensity: 0, isRenewable: true), Carrier(id: "grid", co2Intensity: 0.4173, isRenewable: false),
            Carrier(id: "battery", co2Intensity: 0, isRenewable: false),
        ]
        network.transformers = [Transformer(id: "t1", bus0: "hv", bus1: "mv", reactance: 0.1, nominalApparentPower: 100)]
        var pv = Generator(id: "pv", bus: "mv", carrier: "solar", nominalPower: 50)
        pv.maximumPerUnit = .hourly([0, 0.5, 1, 0.2])
        network.generators = [pv]
        var battery = StorageUnit(id: "ess")
        battery.bus = "mv"
        battery.carrier = "battery"
        battery.nominalPower = 10
        battery.maxHours = 4
        battery.efficiencyStore = 0.93
        battery.efficiencyDispatch = 0.93
        network.storageUnits = [battery]
        network.loads = [Load(id: "plant", bus: "mv", demand: .constant(30))]
        network.gridConnection = GridConnection(bus: "hv", importLimit: 100, emissionFactor: .constant(0.4173))
        return network
    }
}
