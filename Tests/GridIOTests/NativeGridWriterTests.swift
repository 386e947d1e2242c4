import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

@Suite("NativeGridWriter")
struct NativeGridWriterTests {
    /// Reads a bundled grid, writes it to a new folder, reads that back: the networks are equal.
    @Test(arguments: ["single-bus", "meshed-6bus", "gwangju-bitgreen"])
    func roundTrip(name: String) throws {
        let folder = GridFolder.bundled(name)
        var network = try NativeGridReader.read(directory: folder).network
        if let tariff = network.gridConnection?.tariffFile {
            network.gridConnection?.tariffFile = folder.appendingPathComponent(tariff).standardizedFileURL.path
        }
        let target = try GridFolder([:]).url
        try NativeGridWriter.write(network, to: target)
        let reread = try NativeGridReader.read(directory: target)
        #expect(reread.network == network)
        #expect(reread.warnings.isEmpty)
    }

    @Test func irregularSnapshotsAndQuotedNamesRoundTrip() throws {
        let zone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let start = Date(timeIntervalSince1970: 1_792_450_800)  // 2026-10-25 00:00 +02:00, a DST change day
        var network = Network(name: "odd \"name\"", currency: "EUR", timeAxis: .hourly(start: start, count: 5, timeZone: zone))
        network.buses = [Bus(id: "bus 1", nominalVoltage: 110)]
        network.carriers = [Carrier(id: "wind", co2Intensity: 0, isRenewable: true)]
        var wind = Generator(id: "w", bus: "bus 1", carrier: "wind", nominalPower: 3)
        wind.maximumPerUnit = .hourly([0.1, 0.2, 0.3, 0.4, 0.123456789012345])
        network.generators = [wind]
        network.loads = [Load(id: "l", bus: "bus 1", demand: .constant(1), shedding: .allowed(valueOfLostLoad: 3000))]
        let target = try GridFolder([:]).url
        try NativeGridWriter.write(network, to: target)
        #expect(try NativeGridReader.read(directory: target).network == network)
    }
}
