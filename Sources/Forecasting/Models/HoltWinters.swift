/// Taylor's double-seasonal Holt-Winters (J. W. Taylor, "Short-term electricity demand forecasting using double
/// seasonal exponential smoothing", J. Oper. Res. Soc. 54:799-805, 2003), additive form without trend, with the
/// AR(1) adjustment of the one-step error:
///
///     e_t = y_t - (l_{t-1} + d_{t-s1} + w_{t-s2})
///     l_t = l_{t-1} + alpha e_t
///     d_t = d_{t-s1} + delta (y_t - l_t - w_{t-s2} - d_{t-s1})
///     w_t = w_{t-s2} + omega (y_t - l_t - d_{t-s1} - w_{t-s2})
///     y_hat_t(k) = l_t + d_{t-s1+((k-1) mod s1)+1} + w_{t-s2+((k-1) mod s2)+1} + phi^k e_t
///
/// with s1 = 24 and s2 = 168 hours. The four parameters (each in [0, 1]) are fitted for the horizon the model
/// forecasts: they minimise the squared 1...`horizon`-step-ahead errors of the forecasts made from the hours
/// of the fitting window that lie a whole number of days before its end (the forecast origins of a daily
/// run), by a deterministic bounded Nelder-Mead search.
struct HoltWinters: Sendable {
    /// Smoothing parameters alpha, delta, omega and the AR coefficient phi.
    let parameters: [Double]
    /// The daily and weekly periods (hours).
    let periods: Periods
    /// Weeks of history used (the first two initialise the states): 52 scored 8.58 % MAPE on GEFCom2014 2010,
    /// 30 weeks 8.69 %, 20 weeks 8.93 %, 12 weeks 9.45 % (docs/forecasting.md).
    static let windowWeeks = 52
    /// Days between refits of the parameters (`RefitSchedule`); the states run up to every origin.
    static let refitDays = 7
    /// Nelder-Mead start and iterations.
    static let start = [0.1, 0.05, 0.05, 0.5]
    static let iterations = 160

    /// The two seasonal cycles; the weekly one is a whole number of daily ones.
    struct Periods: Sendable {
        var day = 24
        var week = 168
    }

    /// State after running through a series: level, last cycle of daily and of weekly terms, last error.
    struct State {
        var level: Double
        var daily: [Double]    // ring of `day`, index t mod day
        var weekly: [Double]   // ring of `week`, index t mod week
        var error: Double
    }

    /// Fits the parameters for `horizon`-hour forecasts from origins a whole number of days before the end
    /// of `series` (at least three weeks).
    init(fitting series: ArraySlice<Double>, horizon: Int, periods: Periods = Periods()) {
        let values = Array(series)
        let objective = { (candidate: [Double]) -> Double in
            let clamped = candidate.map { min(max($0, 0), 1) }
            var penalty = 0.0
            for (value, bound) in zip(candidate, clamped) { penalty += (value - bound) * (value - bound) * 1e6 }
            return Self.run(values, parameters: clamped, periods: periods, horizon: horizon).squaredErrors + penalty
        }
        let best = NelderMead.minimise(objective, start: Self.start, step: 0.1, iterations: Self.iterations)
        parameters = best.map { min(max($0, 0), 1) }
        self.periods = periods
    }

    /// Uses the given parameters (alpha, delta, omega, phi).
    init(parameters: [Double], periods: Periods = Periods()) {
        self.parameters = parameters
        self.periods = periods
    }

    /// Forecasts `horizon` hours after the end of `series`.
    func forecast(after series: ArraySlice<Double>, horizon: Int) -> [Double] {
        let state = Self.run(Array(series), parameters: parameters, periods: periods, horizon: 0).state
        return Self.forecast(from: state, at: series.count, horizon: horizon, phi: parameters[3], periods: periods)
    }

    /// The forecasts of hours `time ..< time + horizon` from the state after hour `time - 1`.
    static func forecast(from state: State, at time: Int, horizon: Int, phi: Double, periods: Periods) -> [Double] {
        var damping = 1.0
        return (0..<max(horizon, 0)).map { offset in
            damping *= phi
            let hour = time + offset
            return state.level + state.daily[hour % periods.day] + state.weekly[hour % periods.week]
                + damping * state.error
        }
    }

    /// Runs the recursions over the values after initialising from their first two weeks; returns the final
    /// state and the sum of squared errors of the 1...`horizon`-step forecasts from every hour from the third
    /// week on that lies a whole number of days before the end (0 when `horizon` is 0).
    static func run(_ values: [Double], parameters: [Double], periods: Periods,
                    horizon: Int) -> (state: State, squaredErrors: Double) {
        let alpha = parameters[0], delta = parameters[1], omega = parameters[2], phi = parameters[3]
        let day = periods.day, week = periods.week
        var state = initialState(values, periods: periods)
        var squaredErrors = 0.0
        let first = 2 * week
        for t in first..<max(values.count, first) {
            if horizon > 0, (values.count - t) % day == 0 {
                // The forecasts from origin t (state after hour t - 1) against the hours inside the series.
                var damping = 1.0
                for offset in 0..<min(horizon, values.count - t) {
                    damping *= phi
                    let hour = t + offset
                    let error = values[hour] - (state.level + state.daily[hour % day] + state.weekly[hour % week]
                        + damping * state.error)
                    squaredErrors += error * error
                }
            }
            let dailyIndex = t % day
            let weeklyIndex = t % week
            let error = values[t] - (state.level + state.daily[dailyIndex] + state.weekly[weeklyIndex])
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
    /// remaining mean deviation by hour of week. Ring indices are hour indices mod the period.
    static func initialState(_ values: [Double], periods: Periods) -> State {
        let day = periods.day, week = periods.week
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
