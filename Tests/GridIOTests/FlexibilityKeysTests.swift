import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

/// The flexible-load keys of `[loads.<name>]` and the `[ev_fleets.<name>]` table: read, written back, and bad
/// values refused with file, line and field.
@Suite struct FlexibilityKeysTests {
    static let flexibleLoad = """
        flex_share_up = 0.4
        flex_share_down = 0.3
        flex_max_delay_hours = 6
        flex_cost_per_mwh = 1500
        """

    static func grid(load: String = flexibleLoad, fleet: String) -> String {
        GridFolder.minimalGrid.replacingOccurrences(of: "p_set = \"series.csv:load\"", with: "p_set = \"series.csv:load\"\n" + load)
            + "\n[ev_fleets.cars]\nbus = \"site\"\n" + fleet + "\n"
    }

    static let fleet = "p_nom = 2\ne_nom = 8\navailability = \"series.csv:plugged\"\ne_min_pu = 0.5\nv2g = true\nv2g_cost_per_mwh = 20000"

    static var series: String {
        GridFolder.series(["pv": [0, 0.2, 0.6, 0.1], "load": [10, 11, 12, 10], "plugged": [1, 1, 0.5, 0]])
    }

    @Test func readsAndWritesTheKeys() throws {
        let folder = try GridFolder(["grid.toml": Self.grid(fleet: Self.fleet), "series.csv": Self.series])
        defer { folder.remove() }
        let network = try NativeGridReader.read(directory: folder.url).network
        #expect(network.loads[0].flexibility == LoadFlexibility(shareUp: 0.4, shareDown: 0.3, maximumDelayHours: 6, costPerMWh: 1500))
        let fleet = try #require(network.evFleets.first)
        #expect(fleet.availability == .hourly([1, 1, 0.5, 0]))
        #expect(fleet.minimumPerUnit == .constant(0.5) && fleet.vehicleToGrid && fleet.degradationCost == 20000)
        #expect(GridReader.validate(folder.url).errors.isEmpty)
        let written = NativeGridWriter.render(network)[0].1
        #expect(written.contains("flex_share_up = 0.4\nflex_share_down = 0.3\nflex_max_delay_hours = 6.0\nflex_cost_per_mwh = 1500.0\n"))
        #expect(written.contains("[ev_fleets.cars]\nbus = \"site\"\np_nom = 2.0\n"))
    }

    /// A share above 1, a period that does not divide a day, a departure energy above the battery: each at its
    /// line in grid.toml with its field.
    @Test func refusesBadValuesWithFileLineAndField() throws {
        let load = "flex_share_up = 1.5\nflex_period_hours = 5"
        let text = Self.grid(load: load, fleet: Self.fleet.replacingOccurrences(of: "e_min_pu = 0.5", with: "e_min_pu = 1.25"))
        let folder = try GridFolder(["grid.toml": text, "series.csv": Self.series])
        defer { folder.remove() }
        let errors = GridReader.validate(folder.url).errors
        let expected: [(field: String, message: String, key: String)] = [
            ("loads.factory.flex_share_up", "flexible share out of range", "flex_share_up = 1.5"),
            ("loads.factory.flex_period_hours", "period does not divide a day", "flex_period_hours = 5"),
            ("ev_fleets.cars.e_min_pu", "departure energy above the battery", "e_min_pu = 1.25"),
        ]
        #expect(errors.count == expected.count)
        for item in expected {
            let error = try #require(errors.first { $0.field == item.field }, "\(item.field)")
            #expect(error.message == item.message)
            #expect(error.file.hasSuffix("grid.toml"))
            #expect(error.line == ForecastingKeysTests.position(of: item.key, in: text).line)
        }
        #expect(errors.first { $0.field == "ev_fleets.cars.e_min_pu" }?.found.hasPrefix("10 MWh") == true)
    }
}
