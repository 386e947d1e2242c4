/// The complex's RE100 targets over the planning horizon (pro-rated across rolling windows).
public struct RE100Targets: FieldSet {
    /// Least share (0-1) of consumption matched by renewable supply, PPAs, RECs and green premium; `nil`: none.
    public var annualRenewableShare: Double?
    /// Least hourly carbon-free (24/7 CFE) score, 0-1: `Σ_t min(load, clean supply) / Σ_t load`; `nil`: none.
    public var hourlyCarbonFreeScore: Double?
    /// Largest CO2 emissions over the horizon in t (generators plus imports times the emission factor); `nil`: none.
    public var co2Cap: Double?

    /// No targets.
    public init() {}

    /// `annual_re_share`, `hourly_cfe_score` (0-1), `co2_cap_t` (t).
    public static var fields: [ComponentField<RE100Targets>] {
        [
            .optionalNumber("annual_re_share", \.annualRenewableShare, unit: "share"),
            .optionalNumber("hourly_cfe_score", \.hourlyCarbonFreeScore, unit: "share"),
            .optionalNumber("co2_cap_t", \.co2Cap, unit: "t"),
        ]
    }
}
