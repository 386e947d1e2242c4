import EnergyCalendar

/// A complete grid: the time axis, every component, the grid connection, contracts and RE100 targets.
///
/// Component lists keep the order of the grid file. Series (`Profile.hourly`) are aligned with `timeAxis`.
/// Units: power MW, energy MWh, prices currency/MWh in `currency`, emissions t.
public struct Network: Sendable, Equatable {
    /// Grid name.
    public var name: String
    /// Currency code of every price (`KRW`, `EUR`).
    public var currency: String
    /// Hourly snapshots with weights and the IANA time zone.
    public var timeAxis: TimeAxis
    /// Public-holiday calendar code for tariff day types (`KR`, `US`, `none`).
    public var holidays: String
    /// Buses.
    public var buses: [Bus] = []
    /// Carriers.
    public var carriers: [Carrier] = []
    /// AC lines.
    public var lines: [Line] = []
    /// Transformers.
    public var transformers: [Transformer] = []
    /// Controllable links.
    public var links: [Link] = []
    /// Generators.
    public var generators: [Generator] = []
    /// Storage units.
    public var storageUnits: [StorageUnit] = []
    /// Stores.
    public var stores: [Store] = []
    /// Loads.
    public var loads: [Load] = []
    /// Power purchase agreements.
    public var powerPurchaseAgreements: [PowerPurchaseAgreement] = []
    /// Electric-vehicle fleets.
    public var evFleets: [EVFleet] = []
    /// The national-grid connection, if the complex has one.
    public var gridConnection: GridConnection?
    /// REC and green-premium purchases.
    public var contracts = Contracts()
    /// RE100 targets.
    public var targets = RE100Targets()
    /// Limits and site data of the forecasts filled in before dispatch.
    public var forecasting = ForecastSettings()

    /// An empty network on a time axis.
    public init(name: String, currency: String, timeAxis: TimeAxis, holidays: String = "none") {
        self.name = name
        self.currency = currency
        self.timeAxis = timeAxis
        self.holidays = holidays
    }

    /// The component with this name, if any.
    public func component<Component: NetworkComponent>(_ id: Identifier<Component>) -> Component? {
        self[keyPath: Component.collection].first { $0.id == id }
    }

    /// The number of components of every kind, for summaries.
    public var componentCounts: [ComponentKind: Int] {
        var counts: [ComponentKind: Int] = [:]
        for kind in ComponentKind.allCases { counts[kind] = count(of: kind) }
        return counts
    }

    /// The number of components of one kind.
    public func count(of kind: ComponentKind) -> Int {
        func count<Component: NetworkComponent>(_ type: Component.Type) -> Int { self[keyPath: type.collection].count }
        return count(kind.componentType)
    }
}
