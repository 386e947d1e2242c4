/// What a window inherits from the hours before it and owes to the hours after it, beyond the carried
/// ``DispatchState``: the budgets of the period targets, how stored energy starts and must end, and the value
/// of energy left at the window's end. The default is one LP over the whole period.
struct WindowBoundary {
    /// The running sum of a period target at the window's start (year to date) and the bounds on it at the
    /// window's end: `lower ≤ initial + Σ_window terms ≤ upper`.
    struct Budget: Equatable {
        var initial: Double = 0
        var lower: Double = -.infinity
        var upper: Double = .infinity
    }

    /// How the stored energy of a storage unit or store starts when no energy is carried in.
    enum EnergyStart: Equatable {
        /// The grid's initial energy, or cyclic within the window when the unit is cyclic (one LP).
        case grid
        /// A decision of this window (column `e_start(name)`): the first window of a cyclic unit rolled over a
        /// longer horizon, whose last window returns to it.
        case free
        /// A given energy one hour before the window's first hour (standing loss applies).
        case given(Double)
    }

    /// `Σ w·(renewable − share·demand)` (MWh); certificates count at the end.
    var renewableShare = Budget(lower: 0)
    /// `Σ w·(matched − score·demand)` (MWh).
    var carbonFree = Budget(lower: 0)
    /// `Σ w·emissions` (t); upper is the cap.
    var co2 = Budget()
    /// `Σ w·delivery` per PPA (MWh) by name; nil entries take the contract's own volume limits.
    var ppaVolume: [String: Budget] = [:]
    /// MWh of RECs that may still be bought; nil: the grid's limit.
    var recRemaining: Double?
    /// MWh of green premium that may still be bought; nil: the grid's limit.
    var greenPremiumRemaining: Double?
    /// How each cyclic storage unit or store starts when no energy is carried, by id.
    var energyStart: [String: EnergyStart] = [:]
    /// Energy that a cyclic unit must hold at the end of a window hour (0-based) to close the horizon's cycle, by id.
    var cycleEnd: [String: (hour: Int, energyMWh: Double)] = [:]
    /// Value of each MWh stored at the window's last hour (currency/MWh; the objective gets `−value·e`), by id.
    var terminalEnergyValue: [String: Double] = [:]

    /// The period is this one window (one LP): the grid's targets and limits as given.
    static func wholePeriod(co2Cap: Double?) -> WindowBoundary {
        var boundary = WindowBoundary()
        boundary.co2.upper = co2Cap ?? .infinity
        return boundary
    }
}
