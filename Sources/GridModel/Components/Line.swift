/// An AC line between two buses, modelled by the linearised (DC) power flow: lossless, flow set by reactance.
public struct Line: PassiveBranch {
    /// A line name.
    public typealias ID = Identifier<Line>
    /// The line name.
    public var id: ID
    /// The sending bus (positive flow runs from `bus0` to `bus1`).
    public var bus0: Bus.ID = ""
    /// The receiving bus.
    public var bus1: Bus.ID = ""
    /// Series reactance in ohm (per unit on 1 MVA: `x / v_nom(bus0)^2`); must not be zero.
    public var reactance: Double = 0
    /// Series resistance in ohm (ignored by the lossless linear power flow, kept for completeness).
    public var resistance: Double = 0
    /// Thermal rating in MVA (treated as MW in the linear power flow).
    public var nominalApparentPower: Double = 0
    /// Usable share of the rating, per unit (N-1 security margins), default 1.
    public var maximumPerUnit: Double = 1

    /// A line with default fields.
    public init(id: ID) { self.id = id }

    /// `lines`.
    public static var kind: ComponentKind { .lines }
    /// `Network.lines`.
    public static var collection: WritableKeyPath<Network, [Line]> { \.lines }
    /// `bus0`, `bus1`, `x` (ohm), `r` (ohm), `s_nom` (MVA), `s_max_pu`.
    public static var fields: [ComponentField<Line>] {
        [
            .reference("bus0", \.bus0), .reference("bus1", \.bus1),
            .number("x", \.reactance, unit: "ohm", required: true), .number("r", \.resistance, unit: "ohm"),
            .number("s_nom", \.nominalApparentPower, unit: "MVA", required: true),
            .number("s_max_pu", \.maximumPerUnit, unit: "per unit"),
        ]
    }
}
