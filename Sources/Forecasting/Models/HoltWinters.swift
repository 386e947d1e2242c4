/// Taylor's double-seasonal Holt-Winters (J. W. Taylor, "Short-term electricity demand forecasting using double
/// seasonal exponential smoothing", J. Oper. Res. Soc. 54, 2003), additive form with the AR(1) adjustment of the
/// one-step error:
///
///     e_t = y_t - (l_{t-1} + d_{t-24} + w_{t-168})
///     l_t = l_{t-1} + alpha e_t
///     d_t = d_{t-24} + delta (y_t - l_t - w_{t-168} - d_{t-24})
///     w_t = w_{t-168} + omega (y_t - l_t - d_{t-24} - w_{t-168})
///     y_hat_t(k) = l_t + d_{t-24+((k-1) mod 24)+1} + w_{t-168+((k-1) mod 168)+1} + phi^k e_t
///
/// The four parameters (each in [0, 1]) minimise the sum of squared one-step errors (including the phi term)
/// over the fitting window, by a deterministic Nelder-Mead search.
struct HoltWinters: Sendable {
    /// Smoothing parameters alpha, delta, omega and the AR coefficient phi.
    let parameters: [Double]
    /// Weeks of history used (the first two initialise the states).
    static let windowWeeks = 12

    /// Daily and weekly periods in hours.
    static let day = 24
    static let week = 168

    /// State after running through a series: level, last day and week of seasonal terms, last error.
    struct State {
        var level: Double
        var daily: [Double]    // ring of 24, index t mod 24
        var weekly: [Double]   // ring of 168, index t mod 168
        var error: Double
    }

    /// Fits the parameters to `series` (at least 3 weeks).
    init(fitting series: ArraySlice<Double>) {
        let objective = { (candidate: [Double]) -> Double in
            let clamped = candidate.map { min(max($0, 0), 1) }
            var penalty = 0.0
            for (value, bound) in zip(candidate, clamped) { penalty += (value - bound) * (value - bound) * 1e6 }
            return Self.run(series, parameters: clamped).squaredErrors + penalty
        }
        let best = NelderMead.minimise(objective, start: [0.1, 0.05, 0.05, 0.5], step: 0.1, iterations: 160)
        parameters = best.map { min(max($0, 0), 1) }
    }

    /// Uses the given parameters (alpha, delta, omega, phi).
    init(parameters: [Double]) {
        self.parameters = parameters
    }

    /// Forecasts `horizon` hours after the end of `series`.
    func forecast(after series: ArraySlice<Double>, horizon: Int) -> [Double] {
        let state = Self.run(series, parameters: parameters).state
        let end = series.count
        let phi = parameters[3]
        var damping = 1.0
        return (0..<max(horizon, 0)).map { offset in
            damping *= phi
            let time = end + offset
            return state.level + state.daily[time % Self.day] + state.weekly[time % Self.week] + damping * state.error
        }
    }

    /// Runs the recursions over the series after initialising from its first two weeks; returns the final state
    /// and the sum of squared one-step errors from the third week on.
    static func run(_ series: ArraySlice<Double>, parameters: [Double]) -> (state: State, squaredErrors: Double) {
        let values = Array(series)
        let alpha = parameters[0], delta = parameters[1], omega = parameters[2], phi = parameters[3]
        var state = initialState(values)
        var squaredErrors = 0.0
        for t in (2 * week)..<values.count {
            let dailyIndex = t % day
            let weeklyIndex = t % week
            let base = state.level + state.daily[dailyIndex] + state.weekly[weeklyIndex]
            let error = values[t] - base
            let oneStep = error - phi * state.error
            squaredErrors += oneStep * oneStep
            let level = state.level + alpha * error
            let dailyOld = state.daily[dailyIndex]
            let weeklyOld = state.weekly[weeklyIndex]
            state.daily[dailyIndex] = dailyOld + delta * (values[t] - level - weeklyOld - dailyOld)
            state.weekly[weeklyIndex] = weeklyOld + omega * (values[t] - level - dailyOld - weeklyOld)
            state.level = level
            state.error = error
        }
        return (state, squaredErrors)
    }

    /// Level = mean of the first two weeks; daily terms = mean deviation by hour of day; weekly terms = the
    /// remaining mean deviation by hour of week. Ring indices are absolute hour indices mod the period.
    static func initialState(_ values: [Double]) -> State {
        let span = min(2 * week, values.count)
        let level = values.prefix(span).reduce(0, +) / Double(max(span, 1))
        var daily = [Double](repeating: 0, count: day)
        var dailyCounts = [Double](repeating: 0, count: day)
        for t in 0..<span {
            daily[t % day] += values[t] - level
            dailyCounts[t % day] += 1
        }
        for index in 0..<day where dailyCounts[index] > 0 { daily[index] /= dailyCounts[index] }
        var weekly = [Double](repeating: 0, count: week)
        var weeklyCounts = [Double](repeating: 0, count: week)
        for t in 0..<span {
            weekly[t % week] += values[t] - level - daily[t % day]
            weeklyCounts[t % week] += 1
        }
        for index in 0..<week where weeklyCounts[index] > 0 { weekly[index] /= weeklyCounts[index] }
        return State(level: level, daily: daily, weekly: weekly, error: 0)
    }
}
