import GridModel

/// The LP columns of one flexible load, `[h]` over the window's hours.
struct FlexibleLoadColumns {
    /// Power moved into hour h (served above requested), MW.
    var up: [Int]
    /// Power moved out of hour h (served below requested), MW.
    var down: [Int]
    /// Energy deferred and not yet served at the end of hour h, MWh (negative: served ahead).
    var backlog: [Int]
}

extension DispatchFormulation {
    /// Flexible loads (docs/dispatch.md, "Flexible loads"): served power `s[t] = d[t] + up[t] − down[t]` with
    /// `0 ≤ up[t] ≤ x·d[t]`, `0 ≤ down[t] ≤ y·d[t]` (MW, d the requested power), drawn at the load's bus. The
    /// moved energy is a backlog chain `b[t] = b[t−1] + w_t·(down[t] − up[t])` (MWh, rows `flex_balance`, three
    /// terms each) with `b = 0` at the last hour of every period (blocks of `flex_period_hours` from local
    /// midnight) and of the window; `b[−1]` is carried in. A maximum delay `D` bounds the backlog by the
    /// deferrals of the last `D` hours, `b[t] ≤ Σ_{τ=t−D+1..t} w·down[τ]` (deferred energy is served first in,
    /// first out within `D` hours, rows `flex_delay`), and energy served ahead by the deferrals of the next `D`
    /// hours, `−b[t] ≤ Σ_{τ=t+1..t+D} w·down[τ]` (rows `flex_advance`); a ramp limit bounds
    /// `|(up − down)[t] − (up − down)[t−1]|`. Cost `w_t·c·up[t]` per MWh moved.
    mutating func addFlexibleLoads() {
        for load in network.loads {
            guard load.flexibility.isFlexible, let demand = load.fixedDemand else {
                flexibleShift.append(nil)
                continue
            }
            let flexibility = load.flexibility
            let name = ComponentName.sanitized(load.id.rawValue)
            let carried = state?.flexibleLoads[load.id.rawValue]
            let requested = (0..<window.count).map { max(0, demand.value(at: window.snapshot($0))) }
            let reach = backlogReach(flexibility, requested: requested, carried: carried?.backlogMWh ?? 0)
            var columns = FlexibleLoadColumns(up: [], down: [], backlog: [])
            for h in 0..<window.count {
                let w = weight(\.objectiveWeights, h)
                columns.up.append(addHourlyColumn("flex_up", name, hour: h, lower: 0, upper: flexibility.shareUp * requested[h],
                                                  cost: w * flexibility.costPerMWh, category: .fuel))
                columns.down.append(addHourlyColumn("flex_down", name, hour: h, lower: 0, upper: flexibility.shareDown * requested[h]))
                let closes = h == window.count - 1 || endsPeriod(flexibility.periodLength, hour: h)
                columns.backlog.append(addHourlyColumn("flex_backlog", name, hour: h, lower: closes ? 0 : -reach[h],
                                                       upper: closes ? 0 : reach[h]))
                inject(columns.up[h], coefficient: -1, at: load.bus, hour: h)
                inject(columns.down[h], coefficient: 1, at: load.bus, hour: h)
            }
            addBacklogChain(name: name, columns: columns, carried: carried?.backlogMWh ?? 0)
            if let delay = flexibility.delayLength {
                addMaximumDelay(name: name, columns: columns, delay: delay, history: carried?.recentDeferralsMWh ?? [],
                                carried: carried?.backlogMWh ?? 0)
            }
            if let ramp = flexibility.rampLimit {
                addShiftRamp(name: name, columns: columns, limit: ramp, last: carried?.lastShiftMW)
            }
            flexibleShift.append(columns)
        }
    }

    /// A bound on `|b[h]|` per window hour (MWh): everything the load could move within the hour's period (its
    /// block, or the whole window without blocks), plus the carried backlog in the first one, plus 1. Tight bounds
    /// keep GLPK's interior point from treating the backlog as a free column.
    private func backlogReach(_ flexibility: LoadFlexibility, requested: [Double], carried: Double) -> [Double] {
        var reach = [Double](repeating: 0, count: window.count)
        var first = 0, total = abs(carried) + 1
        for h in 0..<window.count {
            total += max(flexibility.shareUp, flexibility.shareDown) * requested[h] * weight(\.storeWeights, h)
            guard h == window.count - 1 || endsPeriod(flexibility.periodLength, hour: h) else { continue }
            for k in first...h { reach[k] = total }
            first = h + 1
            total = 1
        }
        return reach
    }

    /// Whether window hour `h` is the last of a block of `hours` hours counted from local midnight (0: never).
    func endsPeriod(_ hours: Int, hour h: Int) -> Bool {
        hours > 0 && (window.localTimes[h].hour + 1) % hours == 0
    }

    /// `b[t] − b[t−1] − w·down[t] + w·up[t] = 0`, with `b[−1]` the carried backlog.
    private mutating func addBacklogChain(name: String, columns: FlexibleLoadColumns, carried: Double) {
        for h in 0..<window.count {
            let w = weight(\.storeWeights, h)
            var terms: Expression = [(columns.backlog[h], 1), (columns.down[h], -w), (columns.up[h], w)]
            if h > 0 { terms.append((columns.backlog[h - 1], -1)) }
            let constant = h == 0 ? carried : 0
            builder.addRow(name: ComponentName.hourly("flex_balance", name, window.snapshot(h)), lower: constant,
                           upper: constant, terms: terms)
        }
    }

    /// The maximum delay `D`: `b[t] − Σ_{τ=t−D+1..t} w·down[τ] ≤ carried deferrals of those hours before the
    /// window` and `−b[t] − Σ_{τ=t+1..t+D} w·down[τ] ≤ 0` (window hours only), D + 1 terms per row. Energy
    /// carried in as served ahead (`b[−1] < 0`) is returned within the first D hours:
    /// `Σ_{τ=0..D−1} w·down[τ] ≥ −b[−1]` (row `flex_advance_carried`).
    private mutating func addMaximumDelay(name: String, columns: FlexibleLoadColumns, delay: Int, history: [Double],
                                          carried backlog: Double) {
        let deferred = (0..<window.count).map { h in (columns.down[h], -weight(\.storeWeights, h)) }
        if backlog < 0, window.count > 0 {
            builder.addRow(name: "flex_advance_carried(\(name))", upper: backlog,
                           terms: Array(deferred[0..<min(delay, window.count)]))
        }
        for h in 0..<window.count {
            let t = window.snapshot(h)
            // Carried deferrals of hours h−D+1 ... −1 (history is oldest first, its last entry hour −1).
            let before = max(0, delay - 1 - h)
            let carried = history.suffix(before).reduce(0, +)
            builder.addRow(name: ComponentName.hourly("flex_delay", name, t), upper: carried,
                           terms: [(columns.backlog[h], 1)] + Array(deferred[max(0, h - delay + 1)...h]))
            if h + 1 < window.count {
                let ahead = deferred[(h + 1)...min(h + delay, window.count - 1)]
                builder.addRow(name: ComponentName.hourly("flex_advance", name, t), upper: 0,
                               terms: [(columns.backlog[h], -1)] + Array(ahead))
            }
        }
    }

    /// `|(up − down)[t] − (up − down)[t−1]| ≤ limit` (MW), from the carried last shift when there is one.
    private mutating func addShiftRamp(name: String, columns: FlexibleLoadColumns, limit: Double, last: Double?) {
        for h in 0..<window.count {
            var terms: Expression = [(columns.up[h], 1), (columns.down[h], -1)]
            var previous = 0.0
            if h > 0 {
                terms += [(columns.up[h - 1], -1), (columns.down[h - 1], 1)]
            } else if let last {
                previous = last
            } else {
                continue
            }
            builder.addRow(name: ComponentName.hourly("flex_ramp", name, window.snapshot(h)), lower: previous - limit,
                           upper: previous + limit, terms: terms)
        }
    }
}
