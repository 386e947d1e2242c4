/// A storage unit with power and energy tied by `max_hours` (battery ESS, pumped hydro).
///
/// `soc[t] = (1-standing_loss)^{w_t}·soc[t-1] + w_t·(η_store·p_store[t] − p_dispatch[t]/η_dispatch + inflow[t])`,
/// `0 ≤ soc ≤ max_hours·p_nom` (MWh).
public struct StorageUnit: NetworkComponent {
    /// A storage unit name.
    public typealias ID = Identifier<StorageUnit>
    /// The storage unit name.
    public var id: ID
    /// The bus it charges from and discharges to.
    public var bus: Bus.ID = ""
    /// Its carrier (`battery`); energy stored is not new supply for RE100.
    public var carrier: Carrier.ID = ""
    /// Rated power in MW (charge and discharge).
    public var nominalPower: Double = 0
    /// Energy capacity in hours at rated power (MWh = `max_hours · p_nom`), default 1.
    public var maxHours: Double = 1
    /// Share of charged energy that is stored, in (0, 1], default 1.
    public var efficiencyStore: Double = 1
    /// Share of stored energy delivered when discharging, in (0, 1], default 1.
    public var efficiencyDispatch: Double = 1
    /// Share of the stored energy lost per hour, in [0, 1), default 0.
    public var standingLoss: Double = 0
    /// Stored energy before the first snapshot in MWh (ignored when cyclic), default 0.
    public var stateOfChargeInitial: Double = 0
    /// Whether the last snapshot's state of charge feeds the first (cyclic operation), default false.
    public var isCyclic: Bool = false
    /// Lower power limit per unit of `p_nom`; −1 (default) allows charging at full power.
    public var minimumPerUnit: Profile = .constant(-1)
    /// Upper power limit per unit of `p_nom` (discharge), default 1.
    public var maximumPerUnit: Profile = .constant(1)
    /// Cost per MWh discharged, currency/MWh (degradation), default 0.
    public var marginalCost: Profile = .constant(0)
    /// Natural inflow in MW (hydro), default 0.
    public var inflow: Profile = .constant(0)

    /// A storage unit with default fields.
    public init(id: ID) { self.id = id }

    /// Energy capacity in MWh (`max_hours · p_nom`).
    public var energyCapacity: Double { maxHours * nominalPower }

    /// `storage_units`.
    public static var kind: ComponentKind { .storageUnits }
    /// `Network.storageUnits`.
    public static var collection: WritableKeyPath<Network, [StorageUnit]> { \.storageUnits }
    /// PyPSA's attribute names: `bus`, `carrier`, `p_nom` (MW), `max_hours` (h), `efficiency_store`,
    /// `efficiency_dispatch`, `standing_loss` (per hour), `state_of_charge_initial` (MWh),
    /// `cyclic_state_of_charge`, `p_min_pu`, `p_max_pu`, `marginal_cost` (currency/MWh), `inflow` (MW).
    public static var fields: [ComponentField<StorageUnit>] {
        [
            .reference("bus", \.bus), .reference("carrier", \.carrier),
            .number("p_nom", \.nominalPower, unit: "MW", required: true), .number("max_hours", \.maxHours, unit: "h"),
            .number("efficiency_store", \.efficiencyStore, unit: "per unit"),
            .number("efficiency_dispatch", \.efficiencyDispatch, unit: "per unit"),
            .number("standing_loss", \.standingLoss, unit: "per unit/h"),
            .number("state_of_charge_initial", \.stateOfChargeInitial, unit: "MWh"),
            .flag("cyclic_state_of_charge", \.isCyclic), .profile("p_min_pu", \.minimumPerUnit, unit: "per unit"),
            .profile("p_max_pu", \.maximumPerUnit, unit: "per unit"),
            .profile("marginal_cost", \.marginalCost, unit: "currency/MWh"),
            .profile("inflow", \.inflow, unit: "MW"),
        ]
    }
}
