/// An aggregated fleet of electric vehicles charging at one bus, as in PyPSA-Eur's BEV model: the fleet's
/// batteries are one store behind a charging link (and an optional vehicle-to-grid link), limited by the share
/// of vehicles plugged in, with driving consumption drawn from the store and a minimum state of charge by hour
/// (energy needed at departure).
///
/// `e[t] = e[t−1] + w_t·(η_charge·p_charge[t] − p_v2g[t]/η_v2g − driving[t])`,
/// `e_min_pu[t]·e_nom ≤ e[t] ≤ e_nom` (MWh), `p_charge[t], p_v2g[t] ≤ availability[t]·p_nom` (MW).
public struct EVFleet: NetworkComponent {
    /// A fleet name.
    public typealias ID = Identifier<EVFleet>
    /// The fleet name.
    public var id: ID
    /// The bus its chargers draw from.
    public var bus: Bus.ID = ""
    /// Charging power of all charge points together, MW.
    public var nominalPower: Double = 0
    /// Share of the charge points with a vehicle plugged in, 0-1 per hour; default 1.
    public var availability: Profile = .constant(1)
    /// Battery energy of the fleet's vehicles together, MWh.
    public var nominalEnergy: Double = 0
    /// Minimum stored energy per unit of `e_nom` by hour (the energy vehicles need at departure), default 0.
    public var minimumPerUnit: Profile = .constant(0)
    /// Energy the vehicles use driving, MW (drawn from the batteries), default 0.
    public var driving: Profile = .constant(0)
    /// Share of the charging power stored, in (0, 1]; default 0.9 (PyPSA-Eur's `bev_charge_efficiency`).
    public var chargeEfficiency: Double = 0.9
    /// Whether the vehicles may feed back into the bus (vehicle-to-grid); default false.
    public var vehicleToGrid: Bool = false
    /// Share of the energy taken from the batteries that reaches the bus in vehicle-to-grid, in (0, 1]; default 0.9.
    public var vehicleToGridEfficiency: Double = 0.9
    /// Battery wear per MWh fed back, currency/MWh; default 0.
    public var degradationCost: Double = 0
    /// Stored energy before the first snapshot, MWh (ignored when cyclic); default 0.
    public var energyInitial: Double = 0
    /// Whether the last snapshot's energy feeds the first (PyPSA-Eur's BEV store is cyclic); default false.
    public var isCyclic: Bool = false

    /// A fleet with default fields.
    public init(id: ID) { self.id = id }

    /// The minimum stored energy in snapshot `index` (0-based), MWh: `e_min_pu·e_nom`.
    public func minimumEnergy(at index: Int) -> Double { minimumPerUnit.value(at: index) * nominalEnergy }

    /// `ev_fleets`.
    public static var kind: ComponentKind { .evFleets }
    /// `Network.evFleets`.
    public static var collection: WritableKeyPath<Network, [EVFleet]> { \.evFleets }
    /// `bus`, `p_nom` (MW), `availability` (0-1), `e_nom` (MWh), `e_min_pu` (per unit), `driving` (MW),
    /// `efficiency_charge`, `v2g` (flag), `efficiency_v2g`, `v2g_cost_per_mwh` (currency/MWh), `e_initial` (MWh),
    /// `e_cyclic`.
    public static var fields: [ComponentField<EVFleet>] {
        [
            .reference("bus", \.bus), .number("p_nom", \.nominalPower, unit: "MW", required: true),
            .profile("availability", \.availability, unit: "per unit"),
            .number("e_nom", \.nominalEnergy, unit: "MWh", required: true),
            .profile("e_min_pu", \.minimumPerUnit, unit: "per unit"), .profile("driving", \.driving, unit: "MW"),
            .number("efficiency_charge", \.chargeEfficiency, unit: "per unit"), .flag("v2g", \.vehicleToGrid),
            .number("efficiency_v2g", \.vehicleToGridEfficiency, unit: "per unit"),
            .number("v2g_cost_per_mwh", \.degradationCost, unit: "currency/MWh"),
            .number("e_initial", \.energyInitial, unit: "MWh"), .flag("e_cyclic", \.isCyclic),
        ]
    }
}
