/// A power purchase agreement: energy from an off-site (or on-site third-party) plant bought at a fixed price.
///
/// Delivered energy per snapshot is `capacity · profile[t]` MW (times a dispatch share in [0, 1] when
/// `curtailable`); it counts toward RE100 when its carrier is renewable, and toward the hourly CFE score when
/// its carrier is carbon-free. With a bus it is physical (enters that bus's balance); without one it is virtual
/// (financial, certificates only).
public struct PowerPurchaseAgreement: NetworkComponent {
    /// A PPA name.
    public typealias ID = Identifier<PowerPurchaseAgreement>
    /// The contract name.
    public var id: ID
    /// The carrier of the contracted plant (`solar`, `offshore_wind`).
    public var carrier: Carrier.ID = ""
    /// The delivery bus for a physical PPA; `nil` for a virtual (financial) PPA.
    public var bus: Bus.ID?
    /// Contracted plant capacity in MW.
    public var capacity: Double = 0
    /// Output per unit of `capacity` per snapshot (the plant's availability), default 1.
    public var profile: Profile = .constant(1)
    /// Price per MWh delivered, currency/MWh, including network charges of the contract.
    public var price: Profile = .constant(0)
    /// Largest energy bought over the horizon in MWh; `nil`: no limit.
    public var maximumVolume: Double?
    /// Smallest energy bought over the horizon in MWh (take-or-pay); `nil`: none.
    public var minimumVolume: Double?
    /// Whether the buyer may take less than the profile (otherwise every MWh of the profile is bought).
    public var isCurtailable: Bool = false

    /// A PPA with default fields.
    public init(id: ID) { self.id = id }

    /// `ppas`.
    public static var kind: ComponentKind { .powerPurchaseAgreements }
    /// `Network.powerPurchaseAgreements`.
    public static var collection: WritableKeyPath<Network, [PowerPurchaseAgreement]> { \.powerPurchaseAgreements }
    /// `carrier`, `bus`, `capacity_mw`, `profile` (per unit), `price` (currency/MWh), `max_volume_mwh`,
    /// `min_volume_mwh`, `curtailable`.
    public static var fields: [ComponentField<PowerPurchaseAgreement>] {
        [
            .reference("carrier", \.carrier), .optionalReference("bus", \.bus),
            .number("capacity_mw", \.capacity, unit: "MW", required: true),
            .profile("profile", \.profile, unit: "per unit"), .profile("price", \.price, unit: "currency/MWh"),
            .optionalNumber("max_volume_mwh", \.maximumVolume, unit: "MWh"),
            .optionalNumber("min_volume_mwh", \.minimumVolume, unit: "MWh"), .flag("curtailable", \.isCurtailable),
        ]
    }
}
