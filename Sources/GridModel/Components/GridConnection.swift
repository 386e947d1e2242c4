/// The complex's connection to the national grid: where it is, how much can flow, what it costs, what it emits.
public struct GridConnection: FieldSet {
    /// The point-of-connection bus (e.g. the 154 kV substation bus).
    public var bus: Bus.ID = ""
    /// The carrier of imported energy (`grid`); decides whether imports count as renewable or carbon-free.
    public var carrier: Carrier.ID = "grid"
    /// Largest import in MW.
    public var importLimit: Double = 0
    /// Largest export in MW, default 0 (no export).
    public var exportLimit: Double = 0
    /// Contract demand in MW (the billing-demand floor is a share of it); `nil`: no floor.
    public var contractDemand: Double?
    /// Billing demand already set by earlier ratchet months (MW), a lower bound on this horizon's billing demand.
    public var ratchetDemand: Double?
    /// The tariff file, relative to the grid folder (as written in `grid.toml`).
    public var tariffFile: String = ""
    /// The tariff read from `tariffFile`; `nil` when no tariff applies (imports then cost `import_price`).
    public var tariff: Tariff?
    /// Import price when there is no tariff, currency/MWh, default 0.
    public var importPrice: Profile = .constant(0)
    /// Revenue per MWh exported (SMP), currency/MWh, default 0.
    public var exportPrice: Profile = .constant(0)
    /// Emissions per MWh imported (location-based Scope 2), t/MWh.
    public var emissionFactor: Profile = .constant(0)

    /// A connection with default fields.
    public init() {}

    /// Creates a connection.
    public init(bus: Bus.ID, importLimit: Double, exportLimit: Double = 0, emissionFactor: Profile = .constant(0)) {
        self.bus = bus
        self.importLimit = importLimit
        self.exportLimit = exportLimit
        self.emissionFactor = emissionFactor
    }

    /// `bus`, `carrier`, `import_limit_mw`, `export_limit_mw`, `contract_demand_mw`, `ratchet_demand_mw`,
    /// `tariff` (file), `import_price`, `export_price` (currency/MWh), `emission_factor` (t/MWh).
    public static var fields: [ComponentField<GridConnection>] {
        [
            .reference("bus", \.bus), .reference("carrier", \.carrier, required: false),
            .number("import_limit_mw", \.importLimit, unit: "MW", required: true),
            .number("export_limit_mw", \.exportLimit, unit: "MW"),
            .optionalNumber("contract_demand_mw", \.contractDemand, unit: "MW"),
            .optionalNumber("ratchet_demand_mw", \.ratchetDemand, unit: "MW"), .text("tariff", \.tariffFile),
            .profile("import_price", \.importPrice, unit: "currency/MWh"),
            .profile("export_price", \.exportPrice, unit: "currency/MWh"),
            .profile("emission_factor", \.emissionFactor, unit: "t/MWh"),
        ]
    }
}
