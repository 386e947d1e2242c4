/// Certificate purchases that count toward the annual RE100 share without delivering energy (K-RE100 REC
/// purchase and KEPCO green premium). Power purchase agreements are components (`Network.powerPurchaseAgreements`).
public struct Contracts: FieldSet {
    /// Price of one REC (1 MWh), currency/MWh; `nil`: REC purchase not available.
    public var recPrice: Double?
    /// Largest REC volume over the horizon, MWh; `nil`: unlimited.
    public var recLimit: Double?
    /// Green premium price, currency/MWh; `nil`: not available.
    public var greenPremiumPrice: Double?
    /// Largest green premium volume over the horizon, MWh; `nil`: unlimited.
    public var greenPremiumLimit: Double?

    /// No certificate purchases.
    public init() {}

    /// `rec_price`, `green_premium_price` (currency/MWh), `rec_limit_mwh`, `green_premium_limit_mwh`.
    public static var fields: [ComponentField<Contracts>] {
        [
            .optionalNumber("rec_price", \.recPrice, unit: "currency/MWh"),
            .optionalNumber("rec_limit_mwh", \.recLimit, unit: "MWh"),
            .optionalNumber("green_premium_price", \.greenPremiumPrice, unit: "currency/MWh"),
            .optionalNumber("green_premium_limit_mwh", \.greenPremiumLimit, unit: "MWh"),
        ]
    }
}
