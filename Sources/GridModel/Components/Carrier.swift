/// An energy carrier (solar, grid, natural gas, ...): what counts toward RE100 and how much CO2 it emits.
public struct Carrier: NetworkComponent {
    /// A carrier name.
    public typealias ID = Identifier<Carrier>
    /// The carrier name.
    public var id: ID
    /// Direct CO2 emissions per MWh of electricity produced from this carrier, in t/MWh.
    public var co2Intensity: Double = 0
    /// Whether energy from this carrier counts toward the annual RE100 share.
    public var isRenewable: Bool = false
    /// Whether energy from this carrier counts as carbon-free in the hourly CFE score (renewables, nuclear,
    /// fuel cells on clean hydrogen).
    public var isCarbonFree: Bool = false

    /// A carrier with default fields (emission-free, not renewable).
    public init(id: ID) { self.id = id }

    /// Creates a carrier.
    public init(id: ID, co2Intensity: Double, isRenewable: Bool, isCarbonFree: Bool? = nil) {
        self.id = id
        self.co2Intensity = co2Intensity
        self.isRenewable = isRenewable
        self.isCarbonFree = isCarbonFree ?? isRenewable
    }

    /// `carriers`.
    public static var kind: ComponentKind { .carriers }
    /// `Network.carriers`.
    public static var collection: WritableKeyPath<Network, [Carrier]> { \.carriers }
    /// `co2_emissions` (t/MWh), `renewable`, `carbon_free`.
    public static var fields: [ComponentField<Carrier>] {
        [
            .number("co2_emissions", \.co2Intensity, unit: "t/MWh"), .flag("renewable", \.isRenewable),
            .flag("carbon_free", \.isCarbonFree),
        ]
    }
}
