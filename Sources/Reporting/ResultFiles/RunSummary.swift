import DispatchOptimizer
import Foundation
import LinearProgramming

/// `summary.json`: what was solved, how it ended, the costs and the RE100 figures of one dispatch.
/// Keys are snake_case with unit suffixes, shares are 0-1; every field is documented in docs/outputs.md and
/// typed in docs/summary.schema.json. A KPI that is not a finite number (a share of zero consumption) is `null`, and
/// so are all costs and KPIs when no hour was solved (an infeasible first window).
public struct RunSummary: Sendable, Encodable {
    /// The version of this file's layout; bumped when a field changes meaning or disappears.
    public static let schemaVersion = 1

    /// Versions, inputs and preset.
    public let provenance: RunProvenance
    /// The dispatch result summarised.
    public let result: DispatchResult
    /// The zone of `start` and `end`.
    public let timeZone: TimeZone

    /// Summarises `result` computed from the inputs in `provenance`; `timeZone` is the grid's.
    public init(result: DispatchResult, provenance: RunProvenance, timeZone: TimeZone) {
        self.result = result
        self.provenance = provenance
        self.timeZone = timeZone
    }

    private enum Key: String, CodingKey {
        case schemaVersion = "schema_version", re100Version = "re100_version", glpkVersion = "glpk_version"
        case grid, scenarios, solver, status, objective, currency, horizon, costs
        case forecastInputs = "forecast_inputs"
        case reShare = "re_share", cfeScore = "cfe_score", co2 = "co2_t", curtailed = "curtailed_mwh"
        case unserved = "unserved_mwh", peakImport = "peak_import_mw", consumption = "consumption_mwh"
        case renewableSupply = "renewable_supply_mwh", imported = "import_mwh", exported = "export_mwh"
        case shortfall, flexibility, timings
        case scenarioDispatch = "scenario_dispatch"
    }

    private struct Grid: Encodable {
        let path: String, format: String, fingerprintSHA256: String, timeZone: String
        enum CodingKeys: String, CodingKey {
            case path, format, fingerprintSHA256 = "fingerprint_sha256", timeZone = "time_zone"
        }
    }

    private struct Solver: Encodable {
        let name: String, method: String, presetFile: String?, options: SolverOptions, mipGap: Double?
        let certifiedGap: Double?
        enum CodingKeys: String, CodingKey {
            case name, method, presetFile = "preset_file", options, mipGap = "mip_gap", certifiedGap = "certified_gap"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(method, forKey: .method)
            try container.encode(presetFile, forKey: .presetFile)
            try container.encode(options, forKey: .options)
            try container.encode(mipGap.flatMap(finiteOrNil), forKey: .mipGap)
            try container.encode(certifiedGap.flatMap(finiteOrNil), forKey: .certifiedGap)
        }
    }

    private struct Horizon: Encodable {
        let start: String?, end: String?, hours: Int
    }

    private struct ForecastInput: Encodable {
        let series: String, model: String, file: String, column: String, newestInput: String, origin: String
        enum CodingKeys: String, CodingKey {
            case series, model, file, column, origin
            case newestInput = "newest_input"
        }
    }

    private struct Costs: Encodable {
        let breakdown: CostBreakdown
        let solved: Bool
        enum CodingKeys: String, CodingKey {
            case energy, fuel, ppa, certificates, total
            case demandCharge = "demand_charge", unservedLoad = "unserved_load", exportRevenue = "export_revenue"
            case targetShortfall = "target_shortfall"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let items: [(CodingKeys, Double)] = [
                (.energy, breakdown.energy), (.demandCharge, breakdown.demandCharge), (.fuel, breakdown.fuel),
                (.ppa, breakdown.ppa), (.certificates, breakdown.certificates), (.unservedLoad, breakdown.unservedLoad),
                (.targetShortfall, breakdown.targetShortfall), (.exportRevenue, breakdown.exportRevenue),
                (.total, breakdown.total),
            ]
            for (key, value) in items { try container.encode(solved ? finiteOrNil(value) : nil, forKey: key) }
        }
    }

    /// Encodes the document (see docs/outputs.md for every key).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(provenance.re100Version, forKey: .re100Version)
        try container.encode(provenance.glpkVersion, forKey: .glpkVersion)
        try container.encode(
            Grid(path: provenance.grid.path, format: provenance.gridFormat, fingerprintSHA256: provenance.grid.sha256,
                 timeZone: provenance.timeZone), forKey: .grid)
        try container.encode(provenance.scenarios, forKey: .scenarios)
        try container.encode(provenance.forecastInputs.map { input in
            ForecastInput(series: input.series, model: input.model, file: input.file, column: input.column,
                          newestInput: ReportFormat.timestamp(input.newestInput, timeZone: timeZone),
                          origin: ReportFormat.timestamp(input.origin, timeZone: timeZone))
        }, forKey: .forecastInputs)
        try container.encode(
            Solver(name: result.solverName, method: result.method.rawValue, presetFile: provenance.solverPresetFile,
                   options: provenance.solverOptions, mipGap: result.mipGap, certifiedGap: result.certifiedGap), forKey: .solver)
        try container.encode(result.status.rawValue, forKey: .status)
        try container.encode(provenance.currency, forKey: .currency)
        try container.encode(
            Horizon(start: result.timestamps.first.map { ReportFormat.timestamp($0, timeZone: timeZone) },
                    end: result.timestamps.last.map { ReportFormat.timestamp($0, timeZone: timeZone) },
                    hours: result.timestamps.count), forKey: .horizon)
        let kpis = result.kpis
        let solved = !result.timestamps.isEmpty
        try container.encode(solved ? finiteOrNil(kpis.objective) : nil, forKey: .objective)
        try container.encode(Costs(breakdown: kpis.costs, solved: solved), forKey: .costs)
        let figures: [(Key, Double)] = [
            (.reShare, kpis.reShare), (.cfeScore, kpis.cfeScore), (.co2, kpis.co2Tonnes), (.curtailed, kpis.curtailedMWh),
            (.unserved, kpis.unservedMWh), (.peakImport, kpis.peakImportMW), (.consumption, kpis.consumptionMWh),
            (.renewableSupply, kpis.renewableSupplyMWh), (.imported, kpis.importMWh), (.exported, kpis.exportMWh),
        ]
        for (key, value) in figures { try container.encode(solved ? finiteOrNil(value) : nil, forKey: key) }
        try container.encode(solved ? kpis.shortfall : nil, forKey: .shortfall)
        try container.encode(solved ? kpis.flexibility : nil, forKey: .flexibility)
        try container.encode(result.timings, forKey: .timings)
        try container.encodeIfPresent(result.scenarioOutcome.map(ScenarioDispatchSummary.init), forKey: .scenarioDispatch)
    }

    /// The document as pretty-printed JSON with sorted keys and a final newline: byte-identical for the same
    /// input apart from `timings`.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// `value`, or nil when it is NaN or infinite (written as JSON `null`).
private func finiteOrNil(_ value: Double) -> Double? {
    value.isFinite ? value : nil
}
