/// A transformer between two buses (e.g. 154 kV / 22.9 kV), linearised like a line.
public struct Transformer: PassiveBranch {
    /// A transformer name.
    public typealias ID = Identifier<Transformer>
    /// The transformer name.
    public var id: ID
    /// The high-voltage side bus (positive flow runs from `bus0` to `bus1`).
    public var bus0: Bus.ID = ""
    /// The low-voltage side bus.
    public var bus1: Bus.ID = ""
    /// Series reactance in per unit on the transformer's own rating `s_nom` (PyPSA's convention); not zero.
    public var reactance: Double = 0
    /// Series resistance in per unit on `s_nom` (ignored by the lossless linear power flow).
    public var resistance: Double = 0
    /// Rating in MVA.
    public var nominalApparentPower: Double = 0
    /// Usable share of the rating, per unit, default 1.
    public var maximumPerUnit: Double = 1
    /// Off-nominal tap ratio (the effective reactance is `x * tap_ratio`), default 1.
    public var tapRatio: Double = 1
    /// Phase shift in degrees, default 0.
    public var phaseShift: Double = 0

    /// A transformer with default fields.
    public init(id: ID) { self.id = id }

    /// `transformers`.
    public static var kind: ComponentKind { .transformers }
    /// `Network.transformers`.
    public static var collection: WritableKeyPath<Network, [Transformer]> { \.transformers }
    /// `bus0`, `bus1`, `x`, `r` (per unit on `s_nom`), `s_nom` (MVA), `s_max_pu`, `tap_ratio`, `phase_shift` (deg).
    public static var fields: [ComponentField<Transformer>] {
        [
            .reference("bus0", \.bus0), .reference("bus1", \.bus1),
            .number("x", \.reactance, unit: "per unit on s_nom", required: true),
            .number("r", \.resistance, unit: "per unit on s_nom"),
            .number("s_nom", \.nominalApparentPower, unit: "MVA", required: true),
            .number("s_max_pu", \.maximumPerUnit, unit: "per unit"), .number("tap_ratio", \.tapRatio),
            .number("phase_shift", \.phaseShift, unit: "degrees"),
        ]
    }
}
