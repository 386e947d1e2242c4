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

    /// The `[study]` table is read into the overlay and changes nothing in the network.
    @Test func studyTableIsReadAndChangesNothing() throws {
        let folder = try GridFolder([
            "grid.toml": GridFolder.minimalGrid, "series.csv": GridFolder.minimalSeries,
            "s.toml": "[study]\nx = 20\nx_title = \"flexible (%)\"\nseries = \"with V2G\"\n",
            "bare.toml": "[study]\nx = -1.5\n",
        ])
        let grid = try NativeGridReader.read(directory: folder.url)
        let scenario = try ScenarioReader.read(contentsOf: folder.url.appendingPathComponent("s.toml"), for: grid)
        #expect(scenario.overlay.study == StudyPoint(x: 20, xTitle: "flexible (%)", series: "with V2G"))
        #expect(scenario.overlay.operations.isEmpty)
        #expect(try grid.applying([scenario]).network == grid.network)
        let bare = try ScenarioReader.read(contentsOf: folder.url.appendingPathComponent("bare.toml"), for: grid)
        #expect(bare.overlay.study == StudyPoint(x: -1.5, xTitle: "", series: ""))
    }

    @Test func aBadStudyTableIsRefusedWithFileLineAndField() throws {
        let overlay = "[study]\nx = \"twenty\"\nseries = 2\nlabel = \"x\"\n"
        guard case .failure(let diagnostics) = try apply(overlay) else {
            Issue.record("a study table with a text x must be an error")
            return
        }
        #expect(Set(diagnostics.errors.map(\.field)) == ["study.label", "study.x", "study.series"])
        #expect(diagnostics.errors.first { $0.field == "study.x" }?.line == 2)
        #expect(diagnostics.errors.allSatisfy { $0.file.hasSuffix("s.toml") })
        guard case .failure(let missing) = try apply("[study]\nseries = \"a\"\n") else {
            Issue.record("a study table without x must be an error")
            return
        }
        #expect(missing.errors.map(\.field) == ["study.x"])
        guard case .failure(let infinite) = try apply("[study]\nx = inf\n") else {
            Issue.record("an infinite x must be an error")
            return
        }
        #expect(infinite.errors.map(\.message) == ["not a finite number"])
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
