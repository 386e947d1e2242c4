/// An energy store without its own power limit (hydrogen tank, heat store); links move power in and out.
///
/// `e[t] = (1-standing_loss)^{w_t}·e[t-1] + w_t·p[t]` with `e_min_pu·e_nom ≤ e[t] ≤ e_max_pu·e_nom` (MWh).
public struct Store: NetworkComponent {
    /// A store name.
    public typealias ID = Identifier<Store>
    /// The store name.
    public var id: ID
    /// The bus it exchanges energy with.
    public var bus: Bus.ID = ""
    /// Its carrier.
    public var carrier: Carrier.ID = ""
    /// Energy capacity in MWh.
    public var nominalEnergy: Double = 0
    /// Lower energy limit per unit of `e_nom`, default 0.
    public var minimumPerUnit: Profile = .constant(0)
    /// Upper energy limit per unit of `e_nom`, default 1.
    public var maximumPerUnit: Profile = .constant(1)
    /// Energy before the first snapshot in MWh (ignored when cyclic), default 0.
    public var energyInitial: Double = 0
    /// Whether the last snapshot's energy feeds the first, default false.
    public var isCyclic: Bool = false
    /// Share of the stored energy lost per hour, default 0.
    public var standingLoss: Double = 0
    /// Cost per MWh withdrawn, currency/MWh, default 0.
    public var marginalCost: Profile = .constant(0)

    /// A store with default fields.
    public init(id: ID) { self.id = id }

    /// `stores`.
    public static var kind: ComponentKind { .stores }
    /// `Network.stores`.
    public static var collection: WritableKeyPath<Network, [Store]> { \.stores }
    /// PyPSA's names: `bus`, `carrier`, `e_nom` (MWh), `e_min_pu`, `e_max_pu`, `e_initial` (MWh), `e_cyclic`,
    /// `standing_loss` (per unit/h), `marginal_cost` (currency/MWh).
    public static var fields: [ComponentField<Store>] {
        [
            .reference("bus", \.bus), .reference("carrier", \.carrier),
            .number("e_nom", \.nominalEnergy, unit: "MWh", required: true),
            .profile("e_min_pu", \.minimumPerUnit, unit: "per unit"),
            .profile("e_max_pu", \.maximumPerUnit, unit: "per unit"),
            .number("e_initial", \.energyInitial, unit: "MWh"), .flag("e_cyclic", \.isCyclic),
            .number("standing_loss", \.standingLoss, unit: "per unit/h"),
            .profile("marginal_cost", \.marginalCost, unit: "currency/MWh"),
        ]
    }
}
