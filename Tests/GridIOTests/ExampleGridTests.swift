import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

@Suite("Bundled grids")
struct ExampleGridTests {
    @Test func gwangjuBitgreenReadsCleanly() throws {
        let grid = try NativeGridReader.read(directory: GridFolder.bundled("gwangju-bitgreen"))
        let network = grid.network
        #expect(network.timeAxis.count == 8_760)
        #expect(network.timeAxis.timeZone.identifier == "Asia/Seoul")
        #expect(network.buses.count == 4)
        #expect(network.transformers.count == 3)
        #expect(network.loads.map(\.id) == ["ai_datacenter", "car_plant_a", "car_plant_b", "parts_cluster"])
        #expect(network.loads.allSatisfy { $0.fixedDemand?.count == 8_760 })
        #expect(network.loads[0].shedding == .notAllowed)
        #expect(network.loads[0].flexibility == LoadFlexibility(shareUp: 0.1, shareDown: 0.1))
        #expect(network.evFleets.map(\.id) == ["car_fleet"] && network.evFleets[0].driving.count == 8_760)
        #expect(network.gridConnection?.tariff?.demandCharge?.pricePerMWMonth == 8_190_000)
        #expect(network.powerPurchaseAgreements.first?.profile.count == 8_760)
        #expect(grid.warnings.isEmpty)
        let report = grid.validate()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let demand = network.loads.compactMap(\.fixedDemand).map { $0.values.reduce(0, +) }.reduce(0, +)
        #expect((1.3e6...1.4e6).contains(demand))  // ≈ 1.36 TWh a year
    }

    @Test(arguments: ["larger-pv", "larger-battery", "ppa", "co2-cap"]
          + [0, 10, 20, 40].flatMap { ["flex-\($0)", "flex-\($0)-v2g"] })
    func scenariosApplyCleanly(scenario: String) throws {
        let folder = GridFolder.bundled("gwangju-bitgreen")
        let url = folder.appendingPathComponent("scenarios/\(scenario).toml")
        #expect(GridReader.validate(folder, scenarios: [url]).isClean)
    }

    @Test(arguments: ["single-bus", "meshed-6bus"])
    func smallGridsAreClean(name: String) {
        let diagnostics = GridReader.validate(GridFolder.bundled(name))
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        #expect(diagnostics.warnings.isEmpty, "\(diagnostics.warnings)")
    }
}

@Suite("Validating PyPSA folders")
struct PyPSAValidationTests {
    private static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pypsa/meshed_36")

    @Test func pypsaFolderIsReadAndProblemsNameTheComponentFile() throws {
        let grid = try GridReader.read(Self.fixture)
        #expect(grid.network.buses.count > 30)
        let diagnostics = GridReader.validate(Self.fixture)
        #expect(diagnostics.isClean)
        #expect(diagnostics.warnings.map(\.field) == ["buses.dc_a"])
        #expect(diagnostics.warnings.first?.file.hasSuffix("meshed_36/buses.csv") == true)
    }
}
