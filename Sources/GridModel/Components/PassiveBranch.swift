/// A branch whose flow follows from the linearised power flow (lines and transformers, not links).
public protocol PassiveBranch: NetworkComponent {
    /// The sending bus (positive flow runs from `bus0` to `bus1`).
    var bus0: Bus.ID { get set }
    /// The receiving bus.
    var bus1: Bus.ID { get set }
    /// Series reactance (ohm for lines, per unit on `s_nom` for transformers); not zero.
    var reactance: Double { get set }
    /// Rating in MVA.
    var nominalApparentPower: Double { get set }
    /// Usable share of the rating, per unit.
    var maximumPerUnit: Double { get set }
}

extension PassiveBranch {
    /// Creates a branch between two buses with a reactance and a rating; other fields keep their defaults.
    public init(id: Identifier<Self>, bus0: Bus.ID, bus1: Bus.ID, reactance: Double, nominalApparentPower: Double) {
        self.init(id: id)
        self.bus0 = bus0
        self.bus1 = bus1
        self.reactance = reactance
        self.nominalApparentPower = nominalApparentPower
    }
}
