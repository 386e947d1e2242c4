/// What a flexible load carries into the next window or run (docs/dispatch.md, "Flexible loads"): the energy
/// moved and not yet returned, the deferrals its maximum delay still looks back on, and the last moved power
/// its ramp limit starts from. snake_case keys in `state.json`.
public struct FlexibleLoadState: Sendable, Equatable, Codable {
    /// Energy deferred and not yet served at the end of the covered hours, MWh (negative: served ahead).
    public var backlogMWh: Double
    /// Energy deferred in each of the last covered hours, oldest first, MWh (as many hours as the maximum delay
    /// looks back, none without one).
    public var recentDeferralsMWh: [Double]
    /// Served minus requested power in the last covered hour, MW.
    public var lastShiftMW: Double

    /// Creates a state.
    public init(backlogMWh: Double = 0, recentDeferralsMWh: [Double] = [], lastShiftMW: Double = 0) {
        self.backlogMWh = backlogMWh
        self.recentDeferralsMWh = recentDeferralsMWh
        self.lastShiftMW = lastShiftMW
    }

    enum CodingKeys: String, CodingKey {
        case backlogMWh = "backlog_mwh", recentDeferralsMWh = "recent_deferrals_mwh", lastShiftMW = "last_shift_mw"
    }
}
