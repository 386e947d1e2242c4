import Foundation
import GridModel

/// Reads scenario overlay files:
///
/// ```toml
/// name = "larger-pv"                       # optional, default: the file stem
/// [set]                                    # set fields by path; series as "file.csv:column" (relative to the overlay)
/// generators.pv_ground.p_nom = 240
/// grid_connection.tariff = "../../tariffs/other.toml"   # or a bare name found in the data folder
/// [scale]                                  # multiply numbers or series
/// loads.ai_datacenter.p_set = 1.1
/// [add.storage_units.ess_2]                # add a component with its fields
/// bus = "mv_north"
/// p_nom = 50
/// [remove]
/// components = ["storage_units.ess"]
/// [study]                                  # where `re100 compare` plots it; changes nothing in the network
/// x = 20
/// x_title = "flexible compute (%)"
/// series = "with V2G"
/// ```
/// Operations apply in this order: set, scale, add, remove (file order within each table).
public enum ScenarioReader {
    /// Reads an overlay for `grid` (series it references must match the grid's snapshots); throws every problem found.
    /// A tariff set by bare name is looked up in `tariffs`, a tariff path is relative to the overlay.
    public static func read(contentsOf url: URL, for grid: LocatedGrid,
                            tariffs catalog: NamedFileCatalog = NamedFileCatalog(folders: [])) throws(GridDiagnostics) -> LocatedScenario {
        let source: TOMLSource
        do {
            source = try TOMLSource.load(contentsOf: url)
        } catch {
            throw GridDiagnostics(errors: [error])
        }
        let directory = url.deletingLastPathComponent()
        var collector = DiagnosticsCollector()
        collector.record(source.unknownKeys(at: "", allowed: ["name", "description", "set", "scale", "add", "remove", "study"]))
        let name = collector.attempt { () throws(GridIOError) in
            try source.string(at: "name", default: url.deletingPathExtension().lastPathComponent)
        } ?? ""
        var fields = FieldReader(source: source, directory: directory, series: SeriesCache(timeAxis: grid.network.timeAxis))
        var operations: [ScenarioOverlay.Operation] = []
        var paths: [String] = []
        var tariffs: [Int: LocatedTariff] = [:]

        for leaf in leaves(source, under: "set") {
            let modelPath = FieldPath(dotted: String(leaf.dropFirst("set.".count)))
            if modelPath.description == "grid_connection.tariff" {
                guard let file = collector.attempt({ () throws(GridIOError) in try source.string(at: leaf) }) else { continue }
                guard let tariffFile = collector.attempt({ () throws(GridIOError) in
                    try TariffReader.file(for: file, relativeTo: directory, catalog: catalog, source: source, field: leaf)
                }) else { continue }
                do {
                    let tariff = try TariffReader.read(contentsOf: tariffFile)
                    tariffs[operations.count] = tariff
                    operations.append(.replaceTariff(tariff.tariff, file: file))
                    paths.append(leaf)
                } catch {
                    collector.record(error.errors + error.warnings)
                }
                continue
            }
            let kind = Network.fieldKind(at: modelPath)
            if let value = collector.attempt({ () throws(GridIOError) in try fields.value(at: leaf, kind: kind) }) ?? nil {
                operations.append(.set(modelPath, value))
                paths.append(leaf)
            }
        }
        for leaf in leaves(source, under: "scale") {
            if let factor = collector.attempt({ () throws(GridIOError) in try source.double(at: leaf) }) {
                operations.append(.scale(FieldPath(dotted: String(leaf.dropFirst("scale.".count))), factor))
                paths.append(leaf)
            }
        }
        for kindName in source.keys(at: "add") {
            guard let kind = ComponentKind(rawValue: kindName) else {
                collector.record(
                    GridIOError(
                        at: source.location(of: "add." + kindName), file: source.file, field: "add." + kindName, message: "unknown component table",
                        expected: "one of " + ComponentKind.allCases.map(\.rawValue).joined(separator: ", "), found: kindName))
                continue
            }
            for id in source.keys(at: "add." + kindName) {
                let path = "add.\(kindName).\(id)"
                if let assignments = fields.assignments(at: path, kind: kind.fieldKind, collector: &collector) {
                    operations.append(.add(kind, id: id, fields: assignments))
                    paths.append(path)
                }
            }
        }
        if source.contains("remove") {
            collector.record(source.unknownKeys(at: "remove", allowed: ["components"]))
            let removed = collector.attempt { () throws(GridIOError) in try source.strings(at: "remove.components") } ?? []
            for (position, component) in removed.enumerated() {
                operations.append(.remove(FieldPath(dotted: component)))
                paths.append("remove.components[\(position)]")
            }
        }
        let study = source.contains("study") ? studyPoint(source, collector: &collector) : nil
        collector.record(fields.series.fileProblems)
        try collector.check()
        return LocatedScenario(
            overlay: ScenarioOverlay(name: name, operations: operations, study: study), source: source,
            operationPaths: paths, tariffs: tariffs)
    }

    /// The `[study]` table: `x` (a finite number, required), `x_title` and `series` (strings, default empty).
    static func studyPoint(_ source: TOMLSource, collector: inout DiagnosticsCollector) -> StudyPoint? {
        collector.record(source.unknownKeys(at: "study", allowed: ["x", "x_title", "series"]))
        let x = collector.attempt { () throws(GridIOError) -> Double in
            let value = try source.double(at: "study.x")
            guard value.isFinite else {
                throw source.error(at: "study.x", message: "not a finite number", expected: "a finite number", found: "\(value)")
            }
            return value
        }
        let title = collector.attempt { () throws(GridIOError) in try source.string(at: "study.x_title", default: "") }
        let series = collector.attempt { () throws(GridIOError) in try source.string(at: "study.series", default: "") }
        guard let x, let title, let series else { return nil }
        return StudyPoint(x: x, xTitle: title, series: series)
    }

    /// Paths of every non-table value under `table` (arrays count as values), in file order.
    static func leaves(_ source: TOMLSource, under table: String) -> [String] {
        source.keys(at: table).flatMap { key -> [String] in
            let path = table + "." + key
            if case .table = source.node(at: path) { return leaves(source, under: path) }
            return [path]
        }
    }
}
