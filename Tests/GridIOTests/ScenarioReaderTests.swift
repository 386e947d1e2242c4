import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

@Suite("ScenarioReader")
struct ScenarioReaderTests {
    private func apply(_ overlay: String) throws -> Result<LocatedGrid, GridDiagnostics> {
        let folder = try GridFolder([
            "grid.toml": GridFolder.minimalGrid, "series.csv": GridFolder.minimalSeries, "s.toml": overlay,
            "more.csv": GridFolder.series(["factor": [1, 2, 3, 4]]),
        ])
        let grid = try NativeGridReader.read(directory: folder.url)
        do {
            let scenario = try ScenarioReader.read(contentsOf: folder.url.appendingPathComponent("s.toml"), for: grid)
            return .success(try grid.applying([scenario]))
        } catch let error as GridDiagnostics {
            return .failure(error)
        }
    }

    @Test func setScaleAddRemove() throws {
        let overlay = """
            [set]
            generators.pv.p_nom = 300
            generators.pv.p_max_pu = "more.csv:factor"
            targets.annual_re_share = 0.5
            [scale]
            loads.factory.p_set = 2
            [add.generators.pv2]
            bus = "site"
            carrier = "solar"
            p_nom = 7
            [remove]
            components = ["generators.pv2"]
            """
        let network = try apply(overlay).get().network
        #expect(network.generators.map(\.id) == ["pv"])
        #expect(network.generators[0].nominalPower == 300)
        #expect(network.generators[0].maximumPerUnit == .hourly([1, 2, 3, 4]))
        #expect(network.loads[0].fixedDemand == .hourly([20, 22, 24, 20]))
        #expect(network.targets.annualRenewableShare == 0.5)
    }

    @Test func unknownPathsAreErrorsAtTheirLine() throws {
        let overlay = """
            [set]
            generators.pv_roof.p_nom = 300
            generators.pv.p_nominal = 3
            [scale]
            load.factory.p_set = 2
            """
        guard case .failure(let diagnostics) = try apply(overlay) else {
            Issue.record("a typo must be an error")
            return
        }
        #expect(diagnostics.errors.map(\.message) == ["unknown generators name", "unknown field", "unknown path"])
        #expect(diagnostics.errors.map(\.line) == [2, 3, 5])
        #expect(diagnostics.errors.allSatisfy { $0.file.hasSuffix("s.toml") })
    }

    @Test func validationAfterAnOverlayPointsAtTheOverlay() throws {
        let grid = try apply("[set]\ngenerators.pv.p_nom = -1\n").get()
        let report = grid.validate()
        #expect(report.errors.map(\.message) == ["negative capacity"])
        #expect(report.errors.first?.file.hasSuffix("s.toml") == true)
        #expect(report.errors.first?.line == 2)
    }
}
