import EnergyCalendar
import Foundation
import GridModel

/// A MATPOWER case read into a network.
public struct MATPOWERCase: Sendable {
    /// The network: the static case repeated over every snapshot of its time axis.
    public var network: Network
    /// The system base in MVA (`mpc.baseMVA`) the per-unit impedances were converted from.
    public var baseMVA: Double
    /// Problems that do not block a run (out-of-service units left out, cost constants dropped, ...).
    public var warnings: [GridIOError]
}

/// Reads MATPOWER case files (format version 2) into a `Network` for the linear (DC) optimal power flow.
///
/// Reads `mpc.baseMVA`, `mpc.bus`, `mpc.gen`, `mpc.branch`, `mpc.gencost` and the optional `mpc.genfuel`; rows
/// may end with `;` or a line break, `%` starts a comment. Names: buses `bus_<BUS_I>`, loads `load_<BUS_I>`
/// (PD + GS, the shunt conductance being a constant withdrawal in the DC model), generators `gen_<row>` (or
/// `gen_<row>_<block>` for cost blocks), branches `branch_<row>` as lines or, when they have a tap ratio, a phase
/// shift or different base voltages at their ends, as transformers (as PyPSA's own MATPOWER import does).
/// Impedances in per unit on `baseMVA` become ohm (`x · baseKV² / baseMVA`) for lines and per unit on the
/// rating for transformers. Costs: see `MATPOWERCostCurve`. Angle-difference limits, cubic and higher costs,
/// non-convex costs and version-1 files are refused. See docs/pypsa-import.md.
public enum MATPOWERReader {
    /// The rating used for branches with `RATE_A = 0` (unlimited in MATPOWER), in MVA.
    public static let unlimitedRating = 1e6

    /// Reads the case at `url`.
    ///
    /// - Parameters:
    ///   - url: the `.m` file.
    ///   - start: the first snapshot (default 2026-01-01 00:00 in `timeZone`).
    ///   - snapshotCount: hourly snapshots to repeat the static case over (default 1).
    ///   - timeZone: the zone of the time axis (default UTC).
    ///   - currency: the currency of the costs (MATPOWER has none; USD by default).
    /// - Throws: `GridDiagnostics` with every problem, each with file, line and column.
    public static func read(
        contentsOf url: URL, start: Date? = nil, snapshotCount: Int = 1,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, currency: String = "USD"
    ) throws(GridDiagnostics) -> MATPOWERCase {
        let text: String
        do {
            text = try RegularFileReader.text(url.path)
        } catch {
            throw GridDiagnostics(errors: [GridIOError(error)])
        }
        return try read(
            text: text, file: url.path, name: url.deletingPathExtension().lastPathComponent, start: start,
            snapshotCount: snapshotCount, timeZone: timeZone, currency: currency)
    }

    /// Reads case text; `file` names it in diagnostics and `name` becomes the network name.
    public static func read(
        text: String, file: String, name: String, start: Date? = nil, snapshotCount: Int = 1,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, currency: String = "USD"
    ) throws(GridDiagnostics) -> MATPOWERCase {
        let parser = MATPOWERParser(text: text, file: file)
        var diagnostics = GridDiagnostics(errors: parser.errors)
        if let version = parser.texts["version"]?.first, version != "2" {
            diagnostics.append(
                GridIOError(file: file, field: "mpc.version", message: "unsupported MATPOWER format",
                            expected: "version '2'", found: "'\(version)'"))
        }
        let first = start ?? defaultStart(timeZone)
        var builder = MATPOWERNetworkBuilder(
            file: file,
            network: Network(
                name: name, currency: currency,
                timeAxis: .hourly(start: first, count: max(snapshotCount, 1), timeZone: timeZone)),
            matrices: parser.matrices, fuels: parser.texts["genfuel"] ?? [])
        builder.build(&diagnostics)
        guard diagnostics.isClean else { throw diagnostics }
        return MATPOWERCase(network: builder.network, baseMVA: builder.baseMVA, warnings: diagnostics.warnings)
    }

    private static func defaultStart(_ timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: 2026, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 1_767_225_600)
    }
}
