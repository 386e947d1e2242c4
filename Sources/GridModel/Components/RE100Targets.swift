/// The complex's RE100 targets and limits over a period: the dispatched horizon, or for scheduled runs the
/// calendar year, tracked year to date across rolling windows and runs (docs/kpis.md).
public struct RE100Targets: FieldSet {
    /// Least share (0-1) of total demand (served plus unserved) matched by renewable supply, PPAs, RECs and
    /// green premium; `nil`: none.
    public var annualRenewableShare: Double?
    /// Least hourly carbon-free (24/7 CFE) score, 0-1: `Σ_t min(consumption, clean supply) / Σ_t demand`; `nil`: none.
    public var hourlyCarbonFreeScore: Double?
    /// Largest CO2 emissions over the period in t (generators plus imports times the emission factor); `nil`: none.
    public var co2Cap: Double?
    /// Price of each MWh by which the RE share or the CFE score falls short of its target, and of each MWh a
    /// PPA's minimum volume is missed (currency/MWh); `nil`: ten times the dearest energy the grid can buy.
    public var shortfallPrice: Double?
    /// Price of each t of CO2 above the cap (currency/t); `nil`: the shortfall price per MWh divided by the
    /// grid's dirtiest emission intensity (t/MWh, at least 0.1).
    public var co2ExcessPrice: Double?
    /// Targets are hard constraints: a target out of reach makes the dispatch infeasible (exit 1) instead of
    /// reporting a priced shortfall.
    public var areHard: Bool = false

    /// No targets.
    public init() {}

    /// `annual_re_share`, `hourly_cfe_score` (0-1), `co2_cap_t` (t), `shortfall_price_per_mwh`,
    /// `co2_excess_price_per_t`, `hard`.
    public static var fields: [ComponentField<RE100Targets>] {
        [
            .optionalNumber("annual_re_share", \.annualRenewableShare, unit: "share"),
            .optionalNumber("hourly_cfe_score", \.hourlyCarbonFreeScore, unit: "share"),
            .optionalNumber("co2_cap_t", \.co2Cap, unit: "t"),
            .optionalNumber("shortfall_price_per_mwh", \.shortfallPrice, unit: "currency/MWh"),
            .optionalNumber("co2_excess_price_per_t", \.co2ExcessPrice, unit: "currency/t"),
            .flag("hard", \.areHard),
        ]
    }
}
