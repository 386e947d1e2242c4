import EnergyCalendar
import Foundation
import GridModel

/// Writes a network as a native grid folder: `grid.toml` plus `series.csv` with every hourly profile (and
/// `snapshots.csv` when the snapshots are not consecutive hours of weight 1). Reading the folder back gives the
/// same network; used to convert PyPSA or MATPOWER inputs and to test the reader.
///
/// Fields equal to their default are left out (required ones are always written). The grid connection's tariff
/// is referenced by `tariffFile` as it is; timestamps carry their UTC offset so they are unambiguous.
public enum NativeGridWriter {
    /// Writes `network` into `directory` (created if needed), replacing files of the same names.
    public static func write(_ network: Network, to directory: URL) throws(GridIOError) {
        let files = render(network)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        } catch {
            throw GridIOError(file: directory.path, field: nil, message: "cannot write grid", expected: "a writable folder", found: "\(error)")
        }
    }

    /// The files of the grid folder: name -> contents, `grid.toml` first.
    public static func render(_ network: Network) -> [(String, String)] {
        var document = Document(timeAxis: network.timeAxis)
        document.lines += [
            "[network]", "name = \(quoted(network.name))", "currency = \(quoted(network.currency))",
            "holidays = \(quoted(network.holidays))", "",
        ]
        document.addSnapshots()
        func add<Component: NetworkComponent>(_ type: Component.Type) {
            for component in network[keyPath: type.collection] {
                let header = "\(Component.kind.rawValue).\(key(component.id.rawValue))"
                document.addTable(header, component, defaults: Component(id: component.id), column: "\(Component.kind.rawValue).\(component.id.rawValue)")
            }
        }
        for kind in ComponentKind.allCases { add(kind.componentType) }
        if let connection = network.gridConnection {
            document.addTable("grid_connection", connection, defaults: GridConnection(), column: "grid_connection")
        }
        document.addTable("contracts", network.contracts, defaults: Contracts(), column: "contracts", skipWhenEmpty: true)
        document.addTable("targets", network.targets, defaults: RE100Targets(), column: "targets", skipWhenEmpty: true)
        document.addTable("forecasting", network.forecasting, defaults: ForecastSettings(), column: "forecasting", skipWhenEmpty: true)
        var files = [(NativeGridReader.fileName, document.lines.joined(separator: "\n"))]
        if let snapshots = document.snapshotFile { files.append(("snapshots.csv", snapshots)) }
        if !document.series.isEmpty { files.append((Document.seriesFile, document.seriesCSV())) }
        return files
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\u%04X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return "\"" + escaped + "\""
    }

    /// A TOML key: bare when possible, else quoted.
    static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "-"
        }
        return bare ? name : quoted(name)
    }

    /// The text being built.
    private struct Document {
        static let seriesFile = "series.csv"
        let timeAxis: TimeAxis
        let formatter: ISO8601DateFormatter
        var lines: [String] = []
        var series: [(String, [Double])] = []
        var snapshotFile: String?

        init(timeAxis: TimeAxis) {
            self.timeAxis = timeAxis
            formatter = ISO8601DateFormatter()
            formatter.timeZone = timeAxis.timeZone
            formatter.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        }

        mutating func addSnapshots() {
            lines += ["[snapshots]", "time_zone = \(quoted(timeAxis.timeZone.identifier))"]
            let hourly = timeAxis.snapshots.indices.dropFirst().allSatisfy {
                timeAxis.snapshots[$0].timeIntervalSince(timeAxis.snapshots[$0 - 1]) == 3600
            }
            let unitWeights = [timeAxis.objectiveWeights, timeAxis.storeWeights, timeAxis.generatorWeights].allSatisfy { $0.allSatisfy { $0 == 1 } }
            if hourly, unitWeights, let start = timeAxis.snapshots.first {
                lines += ["start = \(quoted(timestamp(start)))", "count = \(timeAxis.count)", ""]
            } else {
                lines += ["file = \"snapshots.csv\"", ""]
                var rows = ["timestamp,objective,stores,generators"]
                for index in timeAxis.snapshots.indices {
                    rows.append(
                        [timestamp(timeAxis.snapshots[index]), "\(timeAxis.objectiveWeights[index])", "\(timeAxis.storeWeights[index])",
                         "\(timeAxis.generatorWeights[index])"].joined(separator: ","))
                }
                snapshotFile = rows.joined(separator: "\n") + "\n"
            }
        }

        /// `[header]` with every field that differs from `defaults` (required fields always).
        mutating func addTable<Owner: FieldSet>(
            _ header: String, _ owner: Owner, defaults: Owner, column: String, skipWhenEmpty: Bool = false
        ) {
            var body: [String] = []
            for field in Owner.fields {
                guard let value = field.read(owner), field.isRequired || value != field.read(defaults) else { continue }
                let text: String
                switch value {
                case .number(let number): text = "\(number)"
                case .text(let string): text = quoted(string)
                case .flag(let flag): text = "\(flag)"
                case .series(let values):
                    let name = column + "." + field.key
                    series.append((name, values))
                    text = quoted(Document.seriesFile + ":" + name)
                }
                body.append("\(key(field.key)) = \(text)")
            }
            if skipWhenEmpty && body.isEmpty { return }
            lines += ["[\(header)]"] + body + [""]
        }

        func seriesCSV() -> String {
            var rows = ["timestamp," + series.map(\.0).joined(separator: ",")]
            for index in timeAxis.snapshots.indices {
                let cells = series.map { $0.1.indices.contains(index) ? "\($0.1[index])" : "" }
                rows.append(([timestamp(timeAxis.snapshots[index])] + cells).joined(separator: ","))
            }
            return rows.joined(separator: "\n") + "\n"
        }

        /// ISO-8601 wall-clock time with its UTC offset (`2026-01-01T00:00:00+09:00`).
        func timestamp(_ date: Date) -> String { formatter.string(from: date) }
    }
}
