/// Electricity demand at a bus: a fixed hourly series, or a forecast from a history file filled in before
/// dispatch by the forecasting core.
public struct Load: NetworkComponent {
    /// A load name.
    public typealias ID = Identifier<Load>

    /// Where a load's demand comes from.
    public enum Demand: Sendable, Equatable, Codable {
        /// Demand in MW per snapshot (or constant).
        case fixed(Profile)
        /// Demand to be forecast from the history in `file` (relative to the grid folder), column `column`.
        case forecastFromHistory(HistoryReference)
    }

    /// A load history: a CSV file with hourly timestamps and a demand column in MW.
    public struct HistoryReference: Sendable, Equatable, Codable {
        /// The CSV file, relative to the grid folder.
        public var file: String
        /// The demand column.
        public var column: String
        /// The forecast model ID (`auto` picks the best by backtest).
        public var model: String

        /// Creates a reference.
        public init(file: String, column: String, model: String = "auto") {
            self.file = file
            self.column = column
            self.model = model
        }
    }

    /// What happens when supply cannot meet the load.
    public enum Shedding: Sendable, Equatable, Codable {
        /// The load must be served in every snapshot (hard constraint).
        case notAllowed
        /// Unserved energy is allowed at this value of lost load, currency/MWh.
        case allowed(valueOfLostLoad: Double)
    }

    /// The load name.
    public var id: ID
    /// The bus it draws from.
    public var bus: Bus.ID = ""
    /// Its demand in MW.
    public var demand: Demand = .fixed(.constant(0))
    /// Whether (and at what cost) demand may go unserved; default not allowed.
    public var shedding: Shedding = .notAllowed
    /// How far the demand may move in time; default none.
    public var flexibility = LoadFlexibility()

    /// A load with default fields (zero demand, shedding not allowed).
    public init(id: ID) { self.id = id }

    /// Creates a load with a fixed demand.
    public init(id: ID, bus: Bus.ID, demand: Profile, shedding: Shedding = .notAllowed) {
        self.id = id
        self.bus = bus
        self.demand = .fixed(demand)
        self.shedding = shedding
    }

    /// The fixed demand profile, `nil` when the demand is still to be forecast.
    public var fixedDemand: Profile? {
        if case .fixed(let profile) = demand { return profile }
        return nil
    }

    /// `loads`.
    public static var kind: ComponentKind { .loads }
    /// `Network.loads`.
    public static var collection: WritableKeyPath<Network, [Load]> { \.loads }
    /// `bus`, `p_set` (MW, fixed demand), `forecast_from` (`history.csv:column`), `forecast_model`,
    /// `value_of_lost_load` (currency/MWh; absent: shedding not allowed), and the flexibility `flex_share_up`,
    /// `flex_share_down` (per unit), `flex_period_hours`, `flex_max_delay_hours` (h), `flex_ramp_limit_mw_per_h`,
    /// `flex_cost_per_mwh` (``LoadFlexibility``).
    public static var fields: [ComponentField<Load>] {
        loadFields + LoadFlexibility.fields
    }

    private static var loadFields: [ComponentField<Load>] {
        [
            .reference("bus", \.bus),
            ComponentField(
                key: "p_set", kind: .profile, unit: "MW", isRequired: false,
                read: { load in
                    switch load.fixedDemand {
                    case .constant(let value): .number(value)
                    case .hourly(let values): .series(values)
                    case nil: nil
                    }
                },
                write: { load, value in
                    switch value {
                    case .number(let number): load.demand = .fixed(.constant(number))
                    case .series(let values): load.demand = .fixed(.hourly(values))
                    default: return false
                    }
                    return true
                }),
            ComponentField(
                key: "forecast_from", kind: .optionalText, unit: "", isRequired: false,
                read: { load in
                    guard case .forecastFromHistory(let history) = load.demand else { return nil }
                    return .text(history.file + ":" + history.column)
                },
                write: { load, value in
                    guard case .text(let text) = value else { return false }
                    let model: String
                    if case .forecastFromHistory(let previous) = load.demand { model = previous.model } else { model = "auto" }
                    // Without a colon the column stays empty: the validator reports the incomplete reference.
                    let reference = HistoryColumn(reference: text)
                    load.demand = .forecastFromHistory(HistoryReference(file: reference.file, column: reference.column, model: model))
                    return true
                }),
            ComponentField(
                key: "forecast_model", kind: .optionalText, unit: "", isRequired: false,
                read: { load in
                    guard case .forecastFromHistory(let history) = load.demand else { return nil }
                    return .text(history.model)
                },
                write: { load, value in
                    guard case .text(let text) = value, case .forecastFromHistory(var history) = load.demand else {
                        return false
                    }
                    history.model = text
                    load.demand = .forecastFromHistory(history)
                    return true
                }),
            ComponentField(
                key: "value_of_lost_load", kind: .optionalNumber, unit: "currency/MWh", isRequired: false,
                read: { load in
                    guard case .allowed(let value) = load.shedding else { return nil }
                    return .number(value)
                },
                write: { load, value in
                    guard case .number(let number) = value else { return false }
                    load.shedding = .allowed(valueOfLostLoad: number)
                    return true
                }),
        ]
    }
}
