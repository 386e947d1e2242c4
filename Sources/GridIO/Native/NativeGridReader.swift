import EnergyCalendar
import Foundation
import GridModel

/// Reads a native grid folder: `grid.toml` plus the CSV series it references (`file.csv:column`) and the tariff
/// file of its grid connection. Collects every problem before throwing. Format: `docs/grid-format.md`.
public enum NativeGridReader {
    /// The grid description's file name inside the folder.
    public static let fileName = "grid.toml"

    /// Settings tables of `grid.toml` besides the component tables.
    static let settingsTables: Set<String> = ["network", "snapshots"]

    /// Reads the grid in `directory`; throws every problem found (warnings ride along in `LocatedGrid.warnings`).
    /// A tariff named by bare name (`tariff = "kepco-industrial-b-high-voltage-a-option-2"`) is looked up in
    /// `tariffs`; a tariff path is relative to `directory`.
    public static func read(directory: URL, tariffs: NamedFileCatalog = NamedFileCatalog(folders: [])) throws(GridDiagnostics) -> LocatedGrid {
        let file = directory.appendingPathComponent(fileName)
        let source: TOMLSource
        do {
            source = try TOMLSource.load(contentsOf: file)
        } catch {
            throw GridDiagnostics(errors: [error])
        }
        return try read(source, directory: directory, tariffs: tariffs)
    }

    /// Reads a parsed `grid.toml` whose relative paths start at `directory`; tariff names are looked up in `tariffs`.
    public static func read(_ source: TOMLSource, directory: URL,
                            tariffs: NamedFileCatalog = NamedFileCatalog(folders: [])) throws(GridDiagnostics) -> LocatedGrid {
        var collector = DiagnosticsCollector()
        let allowed = settingsTables.union(Network.settingsTables).union(ComponentKind.allCases.map(\.rawValue))
        collector.record(source.unknownKeys(at: "", allowed: allowed))
        collector.record(source.unknownKeys(at: "network", allowed: ["name", "currency", "holidays", "description"]))
        let name = collector.attempt { () throws(GridIOError) in
            try source.string(at: "network.name", default: directory.lastPathComponent)
        } ?? ""
        let currency = collector.attempt { () throws(GridIOError) in try source.string(at: "network.currency") } ?? ""
        let holidays = collector.attempt { () throws(GridIOError) in try source.string(at: "network.holidays", default: "none") } ?? "none"
        if HolidayCalendar(code: holidays) == nil {
            collector.record(source.error(at: "network.holidays", message: "unknown holiday calendar", expected: "KR, US or none", found: holidays))
        }
        var snapshots = SnapshotReader(source: source, directory: directory)
        let timeAxis = snapshots.read()
        collector.record(snapshots.problems)

        var network = Network(
            name: name, currency: currency, timeAxis: timeAxis ?? .hourly(start: Date(timeIntervalSince1970: 0), count: 0, timeZone: .gmt),
            holidays: holidays)
        var fields = FieldReader(source: source, directory: directory, series: SeriesCache(timeAxis: timeAxis))
        var grid = LocatedGrid(directory: directory, network: network, source: source, tariff: nil, warnings: [])
        for kind in ComponentKind.allCases {
            for id in source.keys(at: kind.rawValue) {
                let path = kind.rawValue + "." + id
                guard let assignments = fields.assignments(at: path, kind: kind.fieldKind, collector: &collector) else { continue }
                collector.record(network.addComponent(kind: kind, id: id, fields: assignments).map(grid.locate))
            }
        }
        for table in Network.settingsTables where source.contains(table) {
            let fieldKind = { (key: String) in Network.settingsFieldKind(table: table, key: key) }
            guard let assignments = fields.assignments(at: table, kind: fieldKind, collector: &collector) else { continue }
            collector.record(network.assignSettings(table: table, fields: assignments).map(grid.locate))
        }
        if let connection = network.gridConnection, !connection.tariffFile.isEmpty,
           let url = collector.attempt({ () throws(GridIOError) in
               try TariffReader.file(for: connection.tariffFile, relativeTo: directory, catalog: tariffs, source: source,
                                     field: "grid_connection.tariff")
           }) {
            do {
                let tariff = try TariffReader.read(contentsOf: url)
                grid.tariff = tariff
                network.gridConnection?.tariff = tariff.tariff
            } catch {
                if error.errors.count == 1, error.errors[0].message == "cannot read file" {
                    collector.record(
                        source.error(at: "grid_connection.tariff", message: "tariff file not found", expected: "a readable tariff file", found: url.path))
                } else {
                    collector.record(error.errors + error.warnings)
                }
            }
        }
        var histories: [(field: String, file: String, what: String)] = network.loads.compactMap { load in
            guard case .forecastFromHistory(let history) = load.demand else { return nil }
            return ("loads.\(load.id).forecast_from", history.file, "a load history CSV file")
        }
        histories += network.generators.compactMap { generator in
            generator.availabilityHistory.map {
                ("generators.\(generator.id).p_max_pu_forecast_from", $0.file, "a capacity-factor history CSV file")
            }
        }
        for history in histories where !history.file.isEmpty {
            let url = directory.resolving(history.file)
            if !FileManager.default.fileExists(atPath: url.path) {
                collector.record(source.error(at: history.field, message: "history file not found", expected: history.what, found: url.path))
            }
        }
        collector.record(fields.series.fileProblems)
        collector.record(fields.series.unusedColumnWarnings())
        try collector.check()
        grid.network = network
        grid.warnings = collector.diagnostics.warnings
        return grid
    }
}
