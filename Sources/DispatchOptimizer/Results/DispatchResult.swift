import Foundation
import GridModel
import LinearProgramming

/// Everything one dispatch produced: why the solver stopped, the hourly schedule of every unit,
/// the price at every bus, the KPIs and the state to carry into the next run.
/// Arrays over hours are aligned with `timestamps` (0-based, length `timestamps.count`).
public struct DispatchResult: Sendable {
    /// Why the solver stopped (for rolling windows: the worst status of any window).
    public var status: TerminationStatus
    /// Start of every hour covered (the committed hours of every window).
    public var timestamps: [Date]
    /// Hourly schedule of every unit, in network order: generators, storage units, stores, links,
    /// PPAs, the grid connection, loads, lines, transformers.
    public var units: [UnitSchedule]
    /// Locational marginal price of every bus with a balance row, in network order.
    public var prices: [BusPrices]
    /// Costs and RE100 figures.
    public var kpis: DispatchKPIs
    /// The state at the end of the covered hours (storage energy, month-to-date peak).
    public var finalState: DispatchState
    /// Wall-clock seconds spent building models, in the solver, and extracting results.
    public var timings: DispatchTimings
    /// Relative MIP gap of a unit-commitment solve (nil for LPs).
    public var mipGap: Double?
    /// The solver that produced the answer (e.g. "GLPK 5.0") and its method.
    public var solverName: String
    /// The LP method used.
    public var method: SolverMethod
    /// For an infeasible window: the constraints that cannot all hold, naming their components.
    public var diagnosis: InfeasibilityDiagnosis? = nil
    /// Largest relative duality gap of the windows whose interior-point answer was accepted by its
    /// optimality certificate (`interior_point_certified`); nil when every window was solved to a vertex.
    public var certifiedGap: Double? = nil
    /// The scenarios' figures of a scenario dispatch (``DispatchOptions/scenarios``), nil otherwise.
    public var scenarioOutcome: ScenarioOutcome? = nil
}

/// The schedule of one unit over the covered hours. Power in MW, energy in MWh.
/// Sign convention: `power` is the injection into `bus` (generation, discharge minus charge,
/// grid import positive and export negative); loads report the demand they were served.
public struct UnitSchedule: Sendable, Equatable {
    /// The component's name.
    public var unit: String
    /// The component kind as in the output files: `generator`, `storage_unit`, `store`, `link`,
    /// `ppa`, `grid`, `load`, `line`, `transformer`.
    public var component: String
    /// The bus (for links, lines and transformers: `bus0`; virtual PPAs: empty).
    public var bus: String
    /// The carrier (empty where none applies).
    public var carrier: String
    /// Power per hour in MW (see the sign convention above).
    public var power: [Double]
    /// Charging power per hour in MW (storage units; grid export for the connection), else nil.
    public var charge: [Double]?
    /// Discharging power per hour in MW (storage units; grid import for the connection), else nil.
    public var discharge: [Double]?
    /// Stored energy at the end of each hour in MWh (storage units and stores), else nil.
    public var stateOfCharge: [Double]?
    /// Curtailment per hour in MW (available minus used for generators and PPAs; unserved
    /// demand for loads), else nil.
    public var curtailed: [Double]?

    /// Creates a unit schedule.
    public init(unit: String, component: String, bus: String, carrier: String, power: [Double],
                charge: [Double]? = nil, discharge: [Double]? = nil, stateOfCharge: [Double]? = nil,
                curtailed: [Double]? = nil) {
        self.unit = unit
        self.component = component
        self.bus = bus
        self.carrier = carrier
        self.power = power
        self.charge = charge
        self.discharge = discharge
        self.stateOfCharge = stateOfCharge
        self.curtailed = curtailed
    }
}

/// The locational marginal price of one bus per hour, currency/MWh (the dual of its nodal
/// balance divided by the hour's objective weight).
public struct BusPrices: Sendable, Equatable {
    /// The bus name.
    public var bus: String
    /// Price per hour, currency/MWh, aligned with the result's timestamps.
    public var price: [Double]

    /// Creates a price series.
    public init(bus: String, price: [Double]) {
        self.bus = bus
        self.price = price
    }
}

/// Where the time went, in seconds.
public struct DispatchTimings: Sendable, Equatable, Codable {
    /// Building the LP models (formulation and validation).
    public var buildSeconds: Double = 0
    /// Inside the solver.
    public var solveSeconds: Double = 0
    /// Turning solutions into schedules, prices and KPIs.
    public var extractSeconds: Double = 0

    /// Zero timings.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case buildSeconds = "build_s", solveSeconds = "solve_s", extractSeconds = "extract_s"
    }
}
