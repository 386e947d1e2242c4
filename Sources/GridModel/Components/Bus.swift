/// An electrical node: every injection and withdrawal of the complex happens at a bus, and each bus has a
/// nodal balance per snapshot whose dual is the bus's locational marginal price.
public struct Bus: NetworkComponent {
    /// A bus name.
    public typealias ID = Identifier<Bus>
    /// The bus name.
    public var id: ID
    /// Nominal voltage in kV (used to convert line reactances from ohm to per unit).
    public var nominalVoltage: Double = 1
    /// Energy carrier of the bus (`AC` for the electrical network).
    public var carrier: Carrier.ID = "AC"
    /// Longitude or x-coordinate for drawings (no effect on the optimisation).
    public var x: Double = 0
    /// Latitude or y-coordinate for drawings (no effect on the optimisation).
    public var y: Double = 0

    /// A bus with default fields.
    public init(id: ID) { self.id = id }

    /// Creates a bus.
    public init(id: ID, nominalVoltage: Double, carrier: Carrier.ID = "AC") {
        self.id = id
        self.nominalVoltage = nominalVoltage
        self.carrier = carrier
    }

    /// `buses`.
    public static var kind: ComponentKind { .buses }
    /// `Network.buses`.
    public static var collection: WritableKeyPath<Network, [Bus]> { \.buses }
    /// `v_nom` (kV), `carrier`, `x`, `y`.
    public static var fields: [ComponentField<Bus>] {
        [
            .number("v_nom", \.nominalVoltage, unit: "kV"), .reference("carrier", \.carrier, required: false),
            .number("x", \.x), .number("y", \.y),
        ]
    }
}
