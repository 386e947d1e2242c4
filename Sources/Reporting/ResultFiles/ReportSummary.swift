import DispatchOptimizer
import Foundation

/// The parts of `summary.json` (docs/outputs.md) the HTML report shows, read back from a result directory.
/// Figures are optional: `summary.json` writes `null` for a figure that is not finite or when no hour was solved.
public struct ReportSummary: Decodable, Sendable, Equatable {
    /// The grid as recorded in `summary.json`.
    public struct Grid: Decodable, Sendable, Equatable {
        /// `<grid>` as given on the command line.
        public var path: String
        /// The grid's IANA time zone.
        public var timeZone: String?

        enum CodingKeys: String, CodingKey {
            case path, timeZone = "time_zone"
        }
    }

    /// The solved horizon.
    public struct Horizon: Decodable, Sendable, Equatable {
        /// First solved hour.
        public var start: String?
        /// Last solved hour.
        public var end: String?
        /// Number of solved hours.
        public var hours: Int
    }

    /// The cost breakdown, in `currency`.
    public struct Costs: Decodable, Sendable, Equatable {
        /// Grid energy.
        public var energy: Double?
        /// Demand charge.
        public var demandCharge: Double?
        /// Marginal costs of generators, storage, stores and links.
        public var fuel: Double?
        /// Power purchase agreements.
        public var ppa: Double?
        /// RECs and green premium.
        public var certificates: Double?
        /// Value of lost load.
        public var unservedLoad: Double?
        /// Export revenue (negative).
        public var exportRevenue: Double?
        /// The sum of the items.
        public var total: Double?

        enum CodingKeys: String, CodingKey {
            case energy, fuel, ppa, certificates, total
            case demandCharge = "demand_charge", unservedLoad = "unserved_load", exportRevenue = "export_revenue"
        }

        /// The items in `summary.json` order with their labels for people (total excluded).
        public var items: [(label: String, value: Double?)] {
            [("Energy", energy), ("Demand charge", demandCharge), ("Fuel", fuel), ("PPA", ppa),
             ("Certificates", certificates), ("Unserved load", unservedLoad), ("Export revenue", exportRevenue)]
        }
    }

    /// `schema_version`.
    public var schemaVersion: Int
    /// The grid.
    public var grid: Grid
    /// Why the solver stopped (`optimal`, ...).
    public var status: String
    /// ISO 4217 code of every cost and price.
    public var currency: String
    /// The solved horizon.
    public var horizon: Horizon
    /// The cost breakdown.
    public var costs: Costs
    /// Annual RE share, 0-1.
    public var reShare: Double?
    /// Hourly carbon-free score, 0-1.
    public var cfeScore: Double?
    /// CO2 in t.
    public var co2Tonnes: Double?
    /// Curtailed renewable energy, MWh.
    public var curtailedMWh: Double?
    /// Unserved demand, MWh.
    public var unservedMWh: Double?
    /// Largest hourly grid import, MW.
    public var peakImportMW: Double?
    /// Consumption, MWh.
    public var consumptionMWh: Double?
    /// Carriers counted as carbon-free hourly, when the summary lists them (`clean_carriers`); else the report's
    /// documented default list applies.
    public var cleanCarriers: [String]?
    /// The scenario dispatch's figures the report uses, nil for a deterministic plan.
    public var scenarioDispatch: ScenarioDispatch?

    /// `scenario_dispatch` of `summary.json`, the parts the report shows.
    public struct ScenarioDispatch: Decodable, Sendable, Equatable {
        /// Hours whose decisions every scenario shares (the committed ones).
        public var sharedHours: Int

        enum CodingKeys: String, CodingKey { case sharedHours = "shared_hours" }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", grid, status, currency, horizon, costs
        case reShare = "re_share", cfeScore = "cfe_score", co2Tonnes = "co2_t", curtailedMWh = "curtailed_mwh"
        case unservedMWh = "unserved_mwh", peakImportMW = "peak_import_mw", consumptionMWh = "consumption_mwh"
        case cleanCarriers = "clean_carriers", scenarioDispatch = "scenario_dispatch"
    }
}

extension ReportSummary {
    /// The parts of `summary` the report shows, exactly as `summary.json` carries them (a figure that is not
    /// finite, or any figure when no hour was solved, is nil), without writing or reading the file.
    public init(_ summary: RunSummary) {
        let result = summary.result, provenance = summary.provenance
        let solved = !result.timestamps.isEmpty
        func figure(_ value: Double) -> Double? { solved && value.isFinite ? value : nil }
        let costs = result.kpis.costs, kpis = result.kpis
        let stamp = { (date: Date) in ReportFormat.timestamp(date, timeZone: summary.timeZone) }
        self.init(
            schemaVersion: RunSummary.schemaVersion,
            grid: Grid(path: provenance.grid.path, timeZone: provenance.timeZone),
            status: result.status.rawValue, currency: provenance.currency,
            horizon: Horizon(start: result.timestamps.first.map(stamp), end: result.timestamps.last.map(stamp),
                             hours: result.timestamps.count),
            costs: Costs(energy: figure(costs.energy), demandCharge: figure(costs.demandCharge), fuel: figure(costs.fuel),
                         ppa: figure(costs.ppa), certificates: figure(costs.certificates),
                         unservedLoad: figure(costs.unservedLoad), exportRevenue: figure(costs.exportRevenue),
                         total: figure(costs.total)),
            reShare: figure(kpis.reShare), cfeScore: figure(kpis.cfeScore), co2Tonnes: figure(kpis.co2Tonnes),
            curtailedMWh: figure(kpis.curtailedMWh), unservedMWh: figure(kpis.unservedMWh),
            peakImportMW: figure(kpis.peakImportMW), consumptionMWh: figure(kpis.consumptionMWh), cleanCarriers: nil,
            scenarioDispatch: result.scenarioOutcome.map { ScenarioDispatch(sharedHours: $0.sharedHours) })
    }
}
