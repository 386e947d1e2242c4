import EnergyCalendar
import Foundation
import GridModel

/// The result of importing a PyPSA folder: the network and the warnings (columns not read, inactive
/// components left out, carriers added).
public struct PyPSAImport: Sendable {
    /// The imported network. Loads may not be shed (PyPSA has no value of lost load).
    public var network: Network
    /// Problems that do not block a run, each with file, line and field.
    public var warnings: [GridIOError]
}

/// Reads a folder written by PyPSA 1.4's `Network.export_to_csv_folder` into a `Network`.
///
/// Components: buses, carriers, generators, loads, lines, transformers, links, storage units, stores, with
/// PyPSA's defaults for missing columns and empty cells, and the time-varying files
/// (`generators-p_max_pu.csv`, `loads-p_set.csv`, `storage_units-inflow.csv`, ...) indexed by snapshot position.
/// Attributes that change PyPSA's linear optimal power flow and that re100 does not model (extendable
/// capacity, fixed set points, energy sums, quadratic costs, global constraints, line types, ...) are refused
/// with file, line and field; outputs of a previous run are skipped. See docs/pypsa-import.md.
public enum PyPSAReader {
    /// Whether `directory` looks like a PyPSA CSV folder (it has `buses.csv` and `snapshots.csv` or `network.csv`).
    public static func isPyPSAFolder(_ directory: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: directory.appendingPathComponent("buses.csv").path)
            && (manager.fileExists(atPath: directory.appendingPathComponent("snapshots.csv").path)
                || manager.fileExists(atPath: directory.appendingPathComponent("network.csv").path))
    }

    /// Reads the PyPSA folder at `directory`.
    ///
    /// - Parameters:
    ///   - directory: the folder.
    ///   - timeZone: the zone snapshot times without an offset are read in (PyPSA stores naive times); UTC by default.
    ///   - currency: the currency of all costs (PyPSA has none; EUR by default).
    /// - Throws: `GridDiagnostics` with every error found (and the warnings).
    public static func read(
        directory: URL, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, currency: String = "EUR"
    ) throws(GridDiagnostics) -> PyPSAImport {
        var diagnostics = GridDiagnostics()
        let timeAxis = readSnapshots(directory: directory, timeZone: timeZone, &diagnostics)
        var files: [String: PyPSAComponentFile] = [:]
        for list in ["buses", "carriers", "generators", "loads", "lines", "transformers", "links", "storage_units", "stores"] {
            guard let attributes = PyPSAAttributes.table(for: list) else { continue }
            files[list] = PyPSAComponentFile(list: list, directory: directory, attributes: attributes, diagnostics: &diagnostics)
        }
        readOtherFiles(directory: directory, snapshotCount: timeAxis?.count ?? 0, files: &files, &diagnostics)
        guard let timeAxis, let buses = files["buses"], let carriers = files["carriers"] else { throw diagnostics }
        if buses.table == nil {
            diagnostics.append(
                GridIOError(file: buses.path, field: nil, message: "missing file", expected: "buses.csv", found: "nothing"))
        }
        var builder = PyPSANetworkBuilder(
            network: Network(name: networkName(directory), currency: currency, timeAxis: timeAxis))
        builder.add(Bus.self, from: buses, &diagnostics)
        builder.add(Carrier.self, from: carriers, &diagnostics)
        builder.classifyCarriers()
        if let file = files["generators"] { builder.add(Generator.self, from: file, &diagnostics) }
        if let file = files["loads"] { builder.add(Load.self, from: file, &diagnostics) }
        if let file = files["lines"] {
            builder.add(Line.self, from: file, &diagnostics)
            builder.checkLineCarriers(file, &diagnostics)
        }
        if let file = files["transformers"] {
            builder.add(Transformer.self, from: file, &diagnostics)
            builder.checkPhaseShiftRanges(file, &diagnostics)
        }
        if let file = files["links"] { builder.add(Link.self, from: file, &diagnostics) }
        if let file = files["storage_units"] { builder.add(StorageUnit.self, from: file, &diagnostics) }
        if let file = files["stores"] { builder.add(Store.self, from: file, &diagnostics) }
        for list in files.keys.sorted() {
            guard let file = files[list] else { continue }
            for row in file.inactive.sorted() {
                diagnostics.append(
                    GridIOError(
                        .warning, file: file.path, line: file.table?.line(ofRow: row) ?? 0,
                        field: "\(list).\(file.names[row]).active", message: "inactive component left out",
                        expected: "active components", found: "active = False"))
            }
        }
        builder.addMissingCarriers(&diagnostics)
        guard diagnostics.isClean else { throw diagnostics }
        return PyPSAImport(network: builder.network, warnings: diagnostics.warnings)
    }

    /// The network name from `network.csv` (its `name` column), else the folder name.
    private static func networkName(_ directory: URL) -> String {
        let url = directory.appendingPathComponent("network.csv")
        if let table = try? NumericCSVReader.read(contentsOf: url, textColumns: Set(0..<64)),
            let name = table.textColumn("name")?.first, !name.isEmpty, name != "Unnamed Network"
        {
            return name
        }
        return directory.lastPathComponent
    }

    /// The time axis from `snapshots.csv`: `snapshot` times and the `objective`, `stores`, `generators` weights.
    private static func readSnapshots(directory: URL, timeZone: TimeZone, _ diagnostics: inout GridDiagnostics) -> TimeAxis? {
        let url = directory.appendingPathComponent("snapshots.csv")
        let table: CSVTable
        do {
            table = try NumericCSVReader.read(contentsOf: url, textColumns: [0], textColumnNames: ["snapshot", "period", "timestep"])
        } catch {
            diagnostics.append(GridIOError(error))
            return nil
        }
        if table.columnIndex("period") != nil {
            diagnostics.append(
                GridIOError(
                    file: url.path, line: 1, field: "period", message: "multi-period snapshots not supported by re100",
                    expected: "a single investment period", found: "a 'period' column"))
            return nil
        }
        guard let texts = table.textColumn("snapshot") ?? table.textColumn("timestep") else {
            diagnostics.append(
                GridIOError(
                    file: url.path, line: 1, field: "snapshot", message: "missing column", expected: "a 'snapshot' column",
                    found: table.header.joined(separator: ",")))
            return nil
        }
        var snapshots: [Date] = []
        for (row, text) in texts.enumerated() {
            guard let date = TimestampParser.parse(text, timeZone: timeZone) else {
                diagnostics.append(
                    GridIOError(
                        file: url.path, line: table.line(ofRow: row), field: "snapshot", message: "unparsable snapshot",
                        expected: "a date and time like 2026-01-05 00:00:00", found: "'\(text)'"))
                return nil
            }
            snapshots.append(date)
        }
        let ones = [Double](repeating: 1, count: snapshots.count)
        do {
            return try TimeAxis(
                snapshots: snapshots, timeZone: timeZone, objectiveWeights: table.numericColumn("objective") ?? ones,
                storeWeights: table.numericColumn("stores") ?? ones, generatorWeights: table.numericColumn("generators") ?? ones)
        } catch {
            diagnostics.append(
                GridIOError(
                    file: url.path, line: error.index.map { table.line(ofRow: $0) } ?? 0, field: error.field,
                    message: "bad snapshots", expected: error.expected, found: error.found))
            return nil
        }
    }

    /// Reads the time-varying files, refuses component files re100 cannot honour and warns about unknown files.
    private static func readOtherFiles(
        directory: URL, snapshotCount: Int, files: inout [String: PyPSAComponentFile], _ diagnostics: inout GridDiagnostics
    ) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            if PyPSAAttributes.harmlessFiles.contains(name) || files[String(name.dropLast(4))] != nil { continue }
            if let reason = PyPSAAttributes.refusedFiles[name] {
                let rows = (try? NumericCSVReader.read(contentsOf: url, textColumns: Set(0..<256)))?.rowCount ?? 1
                if rows > 0 {
                    diagnostics.append(
                        GridIOError(
                            file: url.path, line: 2, field: nil, message: "\(reason) not supported by re100",
                            expected: "no \(name)", found: "\(rows) row\(rows == 1 ? "" : "s")"))
                }
                continue
            }
            guard name.hasSuffix(".csv"), let dash = name.firstIndex(of: "-") else {
                diagnostics.append(
                    GridIOError(
                        .warning, file: url.path, field: nil, message: "file not read", expected: "a PyPSA 1.4 file",
                        found: "'\(name)'"))
                continue
            }
            let list = String(name[..<dash])
            let attribute = String(name[name.index(after: dash)...].dropLast(4))
            guard var file = files[list], let kind = PyPSAAttributes.table(for: list)?[attribute] else {
                diagnostics.append(
                    GridIOError(
                        .warning, file: url.path, field: attribute, message: "file not read",
                        expected: "a time series of a PyPSA 1.4 attribute", found: "'\(name)'"))
                continue
            }
            file.readSeries(attribute: attribute, url: url, kind: kind, snapshotCount: snapshotCount, diagnostics: &diagnostics)
            files[list] = file
        }
    }
}
