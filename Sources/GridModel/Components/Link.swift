/// A controllable transfer from `bus0` to `bus1` with an efficiency (HVDC link, converter, electrolyser).
public struct Link: NetworkComponent {
    /// A link name.
    public typealias ID = Identifier<Link>
    /// The link name.
    public var id: ID
    /// The bus power is withdrawn from.
    public var bus0: Bus.ID = ""
    /// The bus power is delivered to (`efficiency` times the withdrawal).
    public var bus1: Bus.ID = ""
    /// Rated power at `bus0` in MW.
    public var nominalPower: Double = 0
    /// Share of the withdrawal at `bus0` delivered at `bus1`, in (0, 1].
    public var efficiency: Profile = .constant(1)
    /// Lower limit of the flow per unit of `p_nom` (negative allows reverse flow), default 0.
    public var minimumPerUnit: Profile = .constant(0)
    /// Upper limit of the flow per unit of `p_nom`, default 1.
    public var maximumPerUnit: Profile = .constant(1)
    /// Cost per MWh withdrawn at `bus0`, currency/MWh.
    public var marginalCost: Profile = .constant(0)

    /// A link with default fields.
    public init(id: ID) { self.id = id }

    /// `links`.
    public static var kind: ComponentKind { .links }
    /// `Network.links`.
    public static var collection: WritableKeyPath<Network, [Link]> { \.links }
    /// `bus0`, `bus1`, `p_nom` (MW), `efficiency`, `p_min_pu`, `p_max_pu`, `marginal_cost` (currency/MWh).
    public static var fields: [ComponentField<Link>] {
        [
            .reference("bus0", \.bus0), .reference("bus1", \.bus1),
            .number("p_nom", \.nominalPower, unit: "MW", required: true),
            .profile("efficiency", \.efficiency, unit: "per unit"),
            .profile("p_min_pu", \.minimumPerUnit, unit: "per unit"),
            .profile("p_max_pu", \.maximumPerUnit, unit: "per unit"),
            .profile("marginal_cost", \.marginalCost, unit: "currency/MWh"),
        ]
    }
}
