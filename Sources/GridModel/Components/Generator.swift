/// A dispatchable or variable generator (PV, fuel cell, backup diesel) at a bus.
///
/// Output per snapshot t: `p_min_pu[t]·p_nom ≤ p[t] ≤ p_max_pu[t]·p_nom` (MW); a renewable generator's
/// `p_max_pu` is its availability, and output below it is curtailment.
public struct Generator: NetworkComponent {
    /// A generator name.
    public typealias ID = Identifier<Generator>
    /// The generator name.
    public var id: ID
    /// The bus it feeds.
    public var bus: Bus.ID = ""
    /// Its energy carrier (decides RE100 eligibility and CO2).
    public var carrier: Carrier.ID = ""
    /// Rated power in MW.
    public var nominalPower: Double = 0
    /// Lower output limit per unit of `p_nom` (must-run share), default 0.
    public var minimumPerUnit: Profile = .constant(0)
    /// Upper output limit per unit of `p_nom` (availability), default 1.
    public var maximumPerUnit: Profile = .constant(1)
    /// Variable cost per MWh produced, currency/MWh (fuel + variable O&M).
    public var marginalCost: Profile = .constant(0)
    /// Largest increase of output from one hour to the next, per unit of `p_nom` per hour; `nil`: unlimited.
    public var rampUpLimit: Double?
    /// Largest decrease of output from one hour to the next, per unit of `p_nom` per hour; `nil`: unlimited.
    public var rampDownLimit: Double?
    /// Whether the generator has an on/off decision (unit commitment, only with `--commitment`).
    public var isCommittable: Bool = false
    /// Minimum hours on once started (commitment only), default 0.
    public var minimumUpTime: Double = 0
    /// Minimum hours off once stopped (commitment only), default 0.
    public var minimumDownTime: Double = 0
    /// Cost of each start, currency (commitment only), default 0.
    public var startUpCost: Double = 0
    /// Cost of each stop, currency (commitment only), default 0.
    public var shutDownCost: Double = 0
    /// History of measured capacity factors (0-1) that `p_max_pu` is forecast from before dispatch (clear-sky PV
    /// model, docs/forecasting.md); `nil`: `p_max_pu` is used as given.
    public var availabilityHistory: HistoryColumn?

    /// A generator with default fields.
    public init(id: ID) { self.id = id }

    /// Creates a generator with constant limits.
    public init(id: ID, bus: Bus.ID, carrier: Carrier.ID, nominalPower: Double, marginalCost: Double = 0) {
        self.id = id
        self.bus = bus
        self.carrier = carrier
        self.nominalPower = nominalPower
        self.marginalCost = .constant(marginalCost)
    }

    /// `generators`.
    public static var kind: ComponentKind { .generators }
    /// `Network.generators`.
    public static var collection: WritableKeyPath<Network, [Generator]> { \.generators }
    /// PyPSA's attribute names: `bus`, `carrier`, `p_nom` (MW), `p_min_pu`, `p_max_pu`, `marginal_cost`
    /// (currency/MWh), `ramp_limit_up`, `ramp_limit_down` (per unit/h), `committable`, `min_up_time`,
    /// `min_down_time` (h), `start_up_cost`, `shut_down_cost` (currency), and re100's
    /// `p_max_pu_forecast_from` (`"history.csv:column"` of capacity factors, replaces `p_max_pu` before dispatch).
    public static var fields: [ComponentField<Generator>] {
        [
            .reference("bus", \.bus), .reference("carrier", \.carrier),
            .number("p_nom", \.nominalPower, unit: "MW", required: true),
            .profile("p_min_pu", \.minimumPerUnit, unit: "per unit"),
            .profile("p_max_pu", \.maximumPerUnit, unit: "per unit"),
            .profile("marginal_cost", \.marginalCost, unit: "currency/MWh"),
            .optionalNumber("ramp_limit_up", \.rampUpLimit, unit: "per unit/h"),
            .optionalNumber("ramp_limit_down", \.rampDownLimit, unit: "per unit/h"),
            .flag("committable", \.isCommittable), .number("min_up_time", \.minimumUpTime, unit: "h"),
            .number("min_down_time", \.minimumDownTime, unit: "h"),
            .number("start_up_cost", \.startUpCost, unit: "currency"),
            .number("shut_down_cost", \.shutDownCost, unit: "currency"),
            ComponentField(
                key: "p_max_pu_forecast_from", kind: .optionalText, unit: "", isRequired: false,
                read: { generator in generator.availabilityHistory.map { .text($0.reference) } },
                write: { generator, value in
                    guard case .text(let text) = value else { return false }
                    generator.availabilityHistory = HistoryColumn(reference: text)
                    return true
                }),
        ]
    }
}
