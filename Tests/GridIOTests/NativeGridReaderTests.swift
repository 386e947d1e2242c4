import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

@Suite("NativeGridReader")
struct NativeGridReaderTests {
    /// The diagnostics of a grid folder made of `grid` (grid.toml text) and `series` (series.csv text).
    private func diagnostics(grid: String, series: String = GridFolder.minimalSeries, extra: [String: String] = [:]) throws -> GridDiagnostics {
        var files = ["grid.toml": grid, "series.csv": series]
        files.merge(extra) { $1 }
        return GridReader.validate(try GridFolder(files).url)
    }

    /// The single error of the minimal grid with `old` replaced by `new`.
    private func onlyError(replacing old: String, with new: String) throws -> GridIOError? {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: old, with: new)
        #expect(grid != GridFolder.minimalGrid)
        let result = try diagnostics(grid: grid)
        #expect(result.errors.count == 1, "\(result.errors)")
        return result.errors.first
    }

    @Test func minimalGridIsClean() throws {
        let result = try diagnostics(grid: GridFolder.minimalGrid)
        #expect(result.errors.isEmpty)
        #expect(result.warnings.isEmpty)
    }

    @Test func readsComponentsAndSeries() throws {
        let folder = try GridFolder(["grid.toml": GridFolder.minimalGrid, "series.csv": GridFolder.minimalSeries])
        let grid = try NativeGridReader.read(directory: folder.url)
        #expect(grid.network.timeAxis.count == 4)
        #expect(grid.network.generators.map(\.id) == ["pv"])
        #expect(grid.network.generators[0].maximumPerUnit == .hourly([0, 0.2, 0.6, 0.1]))
        #expect(grid.network.loads[0].fixedDemand == .hourly([10, 11, 12, 10]))
        #expect(grid.network.carriers.first { $0.id == "solar" }?.isRenewable == true)
        #expect(grid.network.gridConnection?.importLimit == 20)
    }

    @Test func unknownBusIsLocatedAtItsValue() throws {
        let issue = try onlyError(replacing: "[loads.factory]\nbus = \"site\"", with: "[loads.factory]\nbus = \"sight\"")
        #expect(issue?.message == "unknown bus")
        #expect(issue?.field == "loads.factory.bus")
        #expect(issue?.line == 24)
        #expect(issue?.column == 7)
        #expect(issue?.found == "sight")
    }

    @Test func unknownCarrier() throws {
        let issue = try onlyError(replacing: "carrier = \"solar\"", with: "carrier = \"sun\"")
        #expect(issue?.message == "unknown carrier")
        #expect(issue?.line == 19)
        #expect(issue?.column == 11)
    }

    @Test func duplicateNameIsASyntaxError() throws {
        let issue = try onlyError(replacing: "[carriers.grid]", with: "[carriers.solar]")
        #expect(issue?.message == "TOML syntax error")
        #expect(issue?.line == 12)
    }

    @Test func negativeAndNotANumberCapacities() throws {
        let negative = try onlyError(replacing: "p_nom = 5", with: "p_nom = -5")
        #expect(negative?.message == "negative capacity")
        #expect((negative?.line, negative?.column) == (20, 9))
        let notANumber = try onlyError(replacing: "p_nom = 5", with: "p_nom = nan")
        #expect(notANumber?.message == "capacity is not a finite number")
    }

    @Test func minimumAboveMaximum() throws {
        let issue = try onlyError(replacing: "p_nom = 5\n", with: "p_nom = 5\np_min_pu = 0.3\n")
        #expect(issue?.message == "minimum above maximum")
        #expect(issue?.found == "0.3 at snapshot 0")
        #expect((issue?.line, issue?.column) == (21, 12))
    }

    @Test func unknownKeyAndWrongType() throws {
        let unknown = try onlyError(replacing: "p_nom = 5\n", with: "p_nom = 5\npnom = 6\n")
        #expect(unknown?.message == "unknown field")
        #expect((unknown?.line, unknown?.column) == (21, 1))
        let wrongType = try onlyError(replacing: "import_limit_mw = 20", with: "import_limit_mw = \"20\"")
        #expect(wrongType?.message == "wrong type" || wrongType?.message == "wrong value type")
        #expect(wrongType?.expected == "a number")
    }

    @Test func missingAndExtraSeriesColumns() throws {
        let missing = try onlyError(replacing: "series.csv:load", with: "series.csv:demand")
        #expect(missing?.message == "missing series column")
        #expect(missing?.found == "no column \"demand\"")
        let extra = try diagnostics(grid: GridFolder.minimalGrid, series: GridFolder.series(["pv": [0, 0.5, 0, 0], "load": [1, 1, 1, 1], "spare": [0, 0, 0, 0]]))
        #expect(extra.errors.isEmpty)
        #expect(extra.warnings.map(\.field) == ["spare"])
        #expect(extra.warnings.first?.column == 4)
    }

    @Test(arguments: [
        (["2026-01-01T00:00", "2026-01-01T01:00", "yesterday", "2026-01-01T03:00"], "unparsable timestamp", 4),
        (["2026-01-01T00:00", "2026-01-01T01:00", "2026-01-01T00:00", "2026-01-01T01:00"], "timestamp out of order", 4),
        (["2026-01-01T00:00", "2026-01-01T01:00", "2026-01-01T01:00", "2026-01-01T02:00"], "duplicated timestamp", 4),
        (["2026-01-01T00:00", "2026-01-01T01:00", "2026-01-01T03:00", "2026-01-01T04:00"], "gap in timestamps", 4),
        (["2026-01-01T00:00", "2026-01-01T01:00", "2026-01-01T01:30", "2026-01-01T02:30"], "wrong time step", 4),
    ])
    func badTimestamps(stamps: [String], message: String, line: Int) throws {
        let series = GridFolder.series(["pv": [0, 0, 0, 0], "load": [1, 1, 1, 1]], timestamps: stamps)
        let result = try diagnostics(grid: GridFolder.minimalGrid, series: series)
        #expect(result.errors.first?.message == message)
        #expect(result.errors.first?.line == line)
        #expect(result.errors.first?.column == 1)
        #expect(result.errors.first?.file.hasSuffix("series.csv") == true)
    }

    @Test func snapshotFileWithTimestampProblems() throws {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: "start = \"2026-01-01T00:00\"\ncount = 4", with: "file = \"snapshots.csv\"")
        let snapshots = "timestamp,objective\n2026-01-01T00:00,1\n2026-01-01T01:00,1\n2026-01-01T01:00,1\n2026-01-01T05:00,1\n"
        let result = try diagnostics(grid: grid, extra: ["snapshots.csv": snapshots])
        #expect(result.errors.map(\.message) == ["duplicated timestamp", "gap in timestamps"])
        #expect(result.errors.map(\.line) == [4, 5])
    }

    @Test func seriesOfWrongLength() throws {
        let series = GridFolder.series(["pv": [0, 0, 0], "load": [1, 1, 1]])
        let result = try diagnostics(grid: GridFolder.minimalGrid, series: series)
        #expect(result.errors.map(\.message) == ["series of the wrong length"])
        #expect(result.errors.first?.found == "3 rows")
    }

    @Test func islandWithoutSupplyAndStorageAboveCapacity() throws {
        let grid = GridFolder.minimalGrid + """
            [buses.remote]
            v_nom = 22.9

            [loads.pump]
            bus = "remote"
            p_set = 1

            [carriers.battery]

            [storage_units.ess]
            bus = "site"
            carrier = "battery"
            p_nom = 2
            max_hours = 2
            state_of_charge_initial = 5
            efficiency_store = 1.01
            """
        let result = try diagnostics(grid: grid)
        #expect(result.errors.map(\.message) == [
            "efficiency out of range", "initial state of charge exceeds the energy capacity", "island without any supply",
        ])
        #expect(result.errors.map(\.line) == [45, 44, 34])
    }

    @Test func everyReadingProblemIsReported() throws {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: "p_nom = 5", with: "p_nom = \"five\"")
            .replacingOccurrences(of: "series.csv:load", with: "series.csv:demand") + "[nonsense]\nx = 1\n"
        let result = try diagnostics(grid: grid)
        #expect(result.errors.map(\.message) == ["unknown key", "wrong value type", "missing series column"])
    }

    @Test func forecastLoadsNeedTheirHistoryFile() throws {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: "p_set = \"series.csv:load\"", with: "forecast_from = \"history.csv:load_mw\"")
        let missing = try diagnostics(grid: grid, series: GridFolder.series(["pv": [0, 0.5, 0, 0]]))
        #expect(missing.errors.map(\.message) == ["history file not found"])
        #expect((missing.errors.first?.line, missing.errors.first?.column) == (25, 17))
        let present = try diagnostics(grid: grid, series: GridFolder.series(["pv": [0, 0.5, 0, 0]]), extra: ["history.csv": "timestamp,load_mw\n"])
        #expect(present.isClean)
    }
}
