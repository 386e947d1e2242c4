/// The inputs every base model forecasts from, shared read-only by the worker threads of a `ForecastRun`.
struct BaseForecaster: Sendable {
    let horizon: Int
    let load: [Double]
    /// Observed temperatures of every hour the run needs (empty when no model uses them).
    let temperature: [Double]
    let features: CalendarFeatures
    let vanilla: RegressionDesign?
    let recency: RegressionDesign?
    /// Training windows of the regressions in hours (`nil`: all history).
    let vanillaWindow: Int?
    let recencyWindow: Int?
    /// Whether the target hours' temperatures are replaced by a forecast from the history before each origin.
    let forecastTemperatures: Bool
    /// Worker threads the tree training may use.
    let threads: Int

    /// Origins of one model forecast together: a block of consecutive origins for the regressions (their
    /// normal equations are updated from one to the next), the origins sharing a refit cutoff for `hw2` and
    /// `gbt`, one origin otherwise. The groups do not depend on the number of threads.
    static func groups(_ model: ForecastModelID, origins: [Int]) -> [[Int]] {
        if let days = refitDays(model) {
            var groups: [Int: [Int]] = [:]
            for origin in origins {
                let cutoff = RefitSchedule.cutoff(for: origin, everyDays: days, minimum: ForecastRun.minimumHistory(model))
                groups[cutoff, default: []].append(origin)
            }
            return groups.keys.sorted().map { groups[$0]! }
        }
        let block = model == .regressionVanilla || model == .regressionRecency ? ForecastRun.regressionBlock : 1
        return stride(from: 0, to: origins.count, by: block).map { Array(origins[$0..<min($0 + block, origins.count)]) }
    }

    /// Days between refits of the models fitted on a `RefitSchedule`.
    static func refitDays(_ model: ForecastModelID) -> Int? {
        switch model {
        case .holtWinters: return HoltWinters.refitDays
        case .boostedTrees: return BoostedLoadModel.refitDays
        default: return nil
        }
    }

    /// The temperature of `hour` as seen from `origin`: observed before the origin; from the origin on, observed
    /// or (`forecastTemperatures`) the same-hour mean of the 7 days before the origin (`TemperatureFallback`).
    func temperatures(at origin: Int) -> (Int) -> Double {
        let observed = temperature
        guard forecastTemperatures else { return { observed[$0] } }
        let start = max(0, origin - 24 * TemperatureFallback.days)
        let known = Array(observed[start..<origin])
        let completed = TemperatureFallback.sameHourMean(known, count: known.count + horizon)?.values ?? known
        return { hour in hour < origin ? observed[hour] : completed[hour - start] }
    }

    /// The point forecasts of a base model from each origin of a group, using load before each.
    func forecasts(_ model: ForecastModelID, origins: [Int]) -> [[Double]] {
        switch model {
        case .regressionVanilla, .regressionRecency:
            guard let regression = model == .regressionVanilla ? vanilla : recency else { return [] }
            let fits = regression.design.fit(firstRow: 0, ends: origins, target: load,
                                             windowRows: model == .regressionVanilla ? vanillaWindow : recencyWindow)
            return zip(origins, fits).map { origin, coefficients in
                let seen = temperatures(at: origin)
                return (origin..<(origin + horizon)).map { row in
                    forecastTemperatures
                        ? regression.predict(row: row, coefficients: coefficients, features: features, temperature: seen)
                        : regression.design.predict(row: row, coefficients: coefficients)
                }
            }
        case .boostedTrees:
            let cutoff = RefitSchedule.cutoff(for: origins[0], everyDays: BoostedLoadModel.refitDays,
                                              minimum: ForecastRun.minimumHistory(model))
            let trees = BoostedLoadModel.train(cutoff: cutoff, horizon: horizon, load: load, temperature: temperature,
                                               calendar: features, threads: threads)
            return origins.map {
                BoostedLoadModel.forecast(trees, origin: $0, horizon: horizon, load: load,
                                          temperature: temperatures(at: $0), calendar: features)
            }
        case .holtWinters:
            let weeks = HoltWinters.windowWeeks * 168
            let cutoff = RefitSchedule.cutoff(for: origins[0], everyDays: HoltWinters.refitDays,
                                              minimum: ForecastRun.minimumHistory(model))
            let fitted = HoltWinters(fitting: load[max(0, cutoff - weeks)..<cutoff], horizon: horizon)
            return origins.map { fitted.forecast(after: load[max(0, $0 - weeks)..<$0], horizon: horizon) }
        case .persistence, .seasonalNaiveDaily, .seasonalNaiveWeekly:
            return origins.map { origin in
                (0..<horizon).map { step in
                    switch model {
                    case .persistence: return load[origin - 1]
                    case .seasonalNaiveDaily: return load[origin - 24 + step % 24]
                    default: return load[origin - 168 + step % 168]
                    }
                }
            }
        case .ensemble, .auto:
            return []
        }
    }
}
