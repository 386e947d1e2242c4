/// How far a load may move its demand in time (demand-side management, Zerrahn & Schill 2015; oemof's
/// `SinkDSM`): each hour it may draw up to `shareUp` more and `shareDown` less than requested, and the energy
/// moved is returned within each period, and within `maximumDelayHours` where given (docs/dispatch.md,
/// "Flexible loads"). All shares are per unit of the requested power of the same hour.
public struct LoadFlexibility: Sendable, Equatable, Codable {
    /// Largest increase over the requested power, per unit of it, in [0, 1]; default 0.
    public var shareUp: Double = 0
    /// Largest decrease below the requested power, per unit of it, in [0, 1]; default 0.
    public var shareDown: Double = 0
    /// Hours of the blocks (from local midnight) within which moved energy is returned; a divisor of 24, or 0
    /// for no block (only the maximum delay and the window's end close the balance). Default 24 (a day).
    public var periodHours: Double = 24
    /// Hours within which each MWh moved must be served (later for deferred, earlier for advanced energy);
    /// nil: any time within the period.
    public var maximumDelayHours: Double?
    /// Largest change of the moved power (served minus requested) from one hour to the next, MW/h; nil: none.
    public var rampLimit: Double?
    /// Cost per MWh moved into an hour (served above requested), currency/MWh; default 0.
    public var costPerMWh: Double = 0

    /// No flexibility.
    public init() {}

    /// Creates a flexibility with both shares (and the defaults for the rest unless given).
    public init(shareUp: Double, shareDown: Double, periodHours: Double = 24, maximumDelayHours: Double? = nil,
                rampLimit: Double? = nil, costPerMWh: Double = 0) {
        self.shareUp = shareUp
        self.shareDown = shareDown
        self.periodHours = periodHours
        self.maximumDelayHours = maximumDelayHours
        self.rampLimit = rampLimit
        self.costPerMWh = costPerMWh
    }

    /// Whether the load may move any demand.
    public var isFlexible: Bool { shareUp > 0 || shareDown > 0 }

    /// The period in whole hours (0: none).
    public var periodLength: Int { Int(periodHours) }

    /// The maximum delay in whole hours, nil when none.
    public var delayLength: Int? { maximumDelayHours.map { Int($0) } }

    /// The `flex_*` fields of a load (see ``Load/fields``).
    static var fields: [ComponentField<Load>] {
        [
            .number("flex_share_up", \.flexibility.shareUp, unit: "per unit"),
            .number("flex_share_down", \.flexibility.shareDown, unit: "per unit"),
            .number("flex_period_hours", \.flexibility.periodHours, unit: "h"),
            .optionalNumber("flex_max_delay_hours", \.flexibility.maximumDelayHours, unit: "h"),
            .optionalNumber("flex_ramp_limit_mw_per_h", \.flexibility.rampLimit, unit: "MW/h"),
            .number("flex_cost_per_mwh", \.flexibility.costPerMWh, unit: "currency/MWh"),
        ]
    }
}
