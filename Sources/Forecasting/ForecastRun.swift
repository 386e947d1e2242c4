import EnergyCalendar

/// One forecasting job: the base forecasts at all needed origins, then combinations and quantiles.
struct ForecastRun {
    let history: ForecastHistory
    let options: ForecastOptions
    let features: CalendarFeatures
    /// Forecasts for the requested (model, origin) pairs, model-major.
    private(set) var forecasts: [OriginForecast] = []

    /// CPU seconds of each worker thread in the parallel stage.
    private(set) var workerCPUSeconds: [Double] = []

    /// Base point forecasts by model and origin.
    private var base: [ForecastModelID: [Int: [Double]]] = [:]

    init(history: ForecastHistory, models: [ForecastModelID], origins: [Int], options: ForecastOptions,
         requireActuals: Bool, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(ForecastError) {
        self.history = history
        self.options = options
        let horizon = options.horizon
        guard horizon >= 1 else {
            throw ForecastError(kind: .outOfRange, input: "horizon", hour: nil, expected: "at least 1 hour", found: "\(horizon)")
        }
        for origin in origins {
            let limit = requireActuals ? history.load.count - horizon : history.load.count
            guard origin >= 1, origin <= limit else {
                throw ForecastError(kind: .outOfRange, input: "origin", hour: origin,
                                    expected: requireActuals ? "an origin with \(horizon) h of history after it"
                                        : "an origin within the history", found: "hour \(origin) of \(history.load.count)")
            }
        }
        let temperatureHours = history.temperature?.count ?? 0
        let featureCount = max(history.load.count, (origins.max() ?? 0) + horizon)
        features = CalendarFeatures(history: history, count: featureCount)

        // Which base models at which origins.
        let usesCombination = models.contains { $0.isCombination }
        let window = max(options.quantileWindowDays, usesCombination ? options.selectionWindowDays : 0)
        var baseModels = models.filter { !$0.isCombination }
        if usesCombination {
            for model in options.candidateModels where !baseModels.contains(model) {
                if !model.needsTemperature || temperatureHours >= featureCount { baseModels.append(model) }
            }
        }
        for model in models {
            if model.needsTemperature, temperatureHours < featureCount {
                throw ForecastError(kind: .missingTemperature, input: "temperature", hour: temperatureHours,
                                    expected: "hourly temperatures up to hour \(featureCount) for \(model.rawValue)",
                                    found: "\(temperatureHours) hours")
            }
            let needed = Self.minimumHistory(model)
            if let short = origins.first(where: { $0 < needed }) {
                throw ForecastError(kind: .insufficientHistory, input: model.rawValue, hour: short,
                                    expected: "at least \(needed) hours of history before the origin",
                                    found: "\(short) hours")
            }
        }
        // One task per (model, group of origins, `BaseForecaster.groups`); the groups do not depend on the number
        // of threads, so neither do the results.
        var tasks: [(model: ForecastModelID, origins: [Int])] = []
        let originSet = Set(origins)
        var earlier = Set<Int>()
        for origin in origins {
            for day in stride(from: 1, through: window, by: 1) where origin - 24 * day >= 1 { earlier.insert(origin - 24 * day) }
        }
        let allOrigins = originSet.union(earlier).sorted()
        // The refitted models' groups are the longest tasks: they go first, so the workers finish together.
        for model in baseModels.sorted(by: { (BaseForecaster.refitDays($0) == nil ? 1 : 0) < (BaseForecaster.refitDays($1) == nil ? 1 : 0) }) {
            let usable = allOrigins.filter { $0 >= Self.minimumHistory(model) }
            for group in BaseForecaster.groups(model, origins: usable) { tasks.append((model, group)) }
        }

        // Designs are shared read-only by all regression tasks.
        let needsTemperatureDesign = baseModels.contains(where: \.needsTemperature)
        let temperature = needsTemperatureDesign ? Array((history.temperature ?? []).prefix(featureCount)) : []
        let features = self.features
        let forecaster = BaseForecaster(
            horizon: horizon, load: history.load, temperature: temperature, features: features,
            vanilla: baseModels.contains(.regressionVanilla)
                ? RegressionDesign(recency: false, features: features, temperature: temperature, count: featureCount) : nil,
            recency: baseModels.contains(.regressionRecency)
                ? RegressionDesign(recency: true, features: features, temperature: temperature, count: featureCount) : nil,
            vanillaWindow: options.vanillaWindowDays.map { $0 * 24 }, recencyWindow: options.recencyWindowDays.map { $0 * 24 },
            forecastTemperatures: options.forecastTemperatures, threads: options.threadCount)
        let jobs = tasks
        let counter = ProgressCounter(total: jobs.reduce(0) { $0 + $1.origins.count }, report: progress)
        let (results, workerSeconds) = ParallelSlots.map(count: jobs.count, threads: options.threadCount) { index in
            let forecasts = forecaster.forecasts(jobs[index].model, origins: jobs[index].origins)
            counter.advance(by: jobs[index].origins.count)
            return forecasts
        }
        workerCPUSeconds = workerSeconds
        for (index, task) in tasks.enumerated() {
            let values = results[index] ?? []
            for (position, origin) in task.origins.enumerated() where position < values.count {
                base[task.model, default: [:]][origin] = values[position]
            }
        }
        for model in models {
            for origin in origins { forecasts.append(combine(model: model, origin: origin, baseModels: baseModels)) }
        }
    }

    /// Hours of history a model needs before its first origin.
    static func minimumHistory(_ model: ForecastModelID) -> Int {
        switch model {
        case .persistence: return 1
        case .seasonalNaiveDaily: return 24
        case .seasonalNaiveWeekly: return 168
        case .holtWinters: return 3 * 168
        case .regressionVanilla, .regressionRecency, .boostedTrees, .ensemble, .auto: return 60 * 24
        }
    }

    /// Consecutive origins one regression task fits incrementally.
    static let regressionBlock = 16

    /// Errors (actual - forecast) of `forecast` made at `past` for the hours before `origin`, with target hours.
    private func pastErrors(_ forecast: [Double], past: Int, before origin: Int) -> [(hour: Int, error: Double)] {
        var errors: [(hour: Int, error: Double)] = []
        for step in forecast.indices where past + step < origin {
            errors.append((features.hour[past + step], history.load[past + step] - forecast[step]))
        }
        return errors
    }

    /// Weights of base models, one list per local hour of day 0...23 of the target hour.
    typealias HourlyWeights = [[(model: ForecastModelID, weight: Double)]]

    /// Combination weights at `origin` by local hour of day of the target hour (a single 1 for a base model).
    ///
    /// Both combinations score every candidate by rolling-origin validation on its forecasts from the daily
    /// origins of the `selectionWindowDays` days before `origin`, counting only target hours before `origin`.
    /// `auto` takes, for each hour of day, the candidate with the lowest mean squared error at that hour (the
    /// lowest over all hours when no error of that hour is known yet); `ensemble` takes, for each hour of day, the
    /// 3 candidates with the lowest mean squared error at that hour, weighted by 1/MSE.
    private func weights(model: ForecastModelID, origin: Int, baseModels: [ForecastModelID]) -> HourlyWeights {
        guard model.isCombination else { return HourlyWeights(repeating: [(model, 1)], count: 24) }
        var scored: [(model: ForecastModelID, meanSquared: Double, byHour: [Double?])] = []
        for candidate in baseModels where options.candidateModels.contains(candidate) {
            guard let current = base[candidate]?[origin], !current.isEmpty else { continue }
            var sum = 0.0
            var count = 0
            var hourSum = [Double](repeating: 0, count: 24)
            var hourCount = [Int](repeating: 0, count: 24)
            for day in stride(from: 1, through: options.selectionWindowDays, by: 1) {
                guard let past = base[candidate]?[origin - 24 * day], !past.isEmpty else { continue }
                for item in pastErrors(past, past: origin - 24 * day, before: origin) {
                    sum += item.error * item.error
                    count += 1
                    hourSum[item.hour] += item.error * item.error
                    hourCount[item.hour] += 1
                }
            }
            if count > 0 {
                let byHour = (0..<24).map { hourCount[$0] > 0 ? hourSum[$0] / Double(hourCount[$0]) : nil }
                scored.append((candidate, sum / Double(count), byHour))
            }
        }
        // Stable: ties keep the candidates' order.
        scored = scored.enumerated().sorted { ($0.element.meanSquared, $0.offset) < ($1.element.meanSquared, $1.offset) }
            .map(\.element)
        guard let best = scored.first else { return HourlyWeights(repeating: [], count: 24) }
        if model == .auto {
            return (0..<24).map { hour in
                var choice = best.model
                var lowest = Double.infinity
                for item in scored {
                    if let value = item.byHour[hour], value < lowest { lowest = value; choice = item.model }
                }
                return [(choice, 1)]
            }
        }
        return (0..<24).map { hour in
            // Candidates scored at this hour (all of them on their overall error when none is yet).
            let hourly = scored.filter { $0.byHour[hour] != nil }
            let ranked = hourly.isEmpty ? scored.map { ($0.model, $0.meanSquared) }
                : hourly.enumerated().sorted { ($0.element.byHour[hour]!, $0.offset) < ($1.element.byHour[hour]!, $1.offset) }
                    .map { ($0.element.model, $0.element.byHour[hour]!) }
            let chosen = ranked.prefix(Self.ensembleSize)
            let total = chosen.reduce(0) { $0 + 1 / max($1.1, 1e-12) }
            return chosen.map { (model: $0.0, weight: 1 / max($0.1, 1e-12) / total) }
        }
    }

    /// Members of the ensemble at each hour of day.
    static let ensembleSize = 3

    /// The weighted point forecast of base forecasts made at `origin` (each target hour with the weights of its
    /// local hour of day), or `nil` when one is missing.
    private func pointForecast(_ weights: HourlyWeights, at origin: Int) -> [Double]? {
        var result = [Double](repeating: 0, count: options.horizon)
        for step in result.indices {
            let hourWeights = weights[features.hour[origin + step]]
            if hourWeights.isEmpty { return nil }
            for (model, weight) in hourWeights {
                guard let values = base[model]?[origin], values.count == options.horizon else { return nil }
                result[step] += weight * values[step]
            }
        }
        return result
    }

    /// The model's forecast at `origin` with quantiles from its errors at the preceding daily origins (for the
    /// ensemble and `auto`, the weights chosen at `origin` applied to the earlier base forecasts).
    private func combine(model: ForecastModelID, origin: Int, baseModels: [ForecastModelID]) -> OriginForecast {
        let chosen = weights(model: model, origin: origin, baseModels: baseModels)
        let point = pointForecast(chosen, at: origin) ?? [Double](repeating: .nan, count: options.horizon)
        var errorsByHour = [[Double]](repeating: [], count: 24)
        var pooled: [Double] = []
        for day in stride(from: 1, through: options.quantileWindowDays, by: 1) {
            guard let past = pointForecast(chosen, at: origin - 24 * day) else { continue }
            for item in pastErrors(past, past: origin - 24 * day, before: origin) {
                errorsByHour[item.hour].append(item.error)
                pooled.append(item.error)
            }
        }
        for index in errorsByHour.indices { errorsByHour[index].sort() }
        pooled.sort()
        var p10 = point, p50 = point, p90 = point
        for step in point.indices {
            let hourErrors = errorsByHour[features.hour[origin + step]]
            let errors = hourErrors.count >= 5 ? hourErrors : pooled
            guard !errors.isEmpty else { continue }
            p10[step] = point[step] + Self.coverageQuantile(errors, 0.1)
            p50[step] = point[step] + Self.coverageQuantile(errors, 0.5)
            p90[step] = point[step] + Self.coverageQuantile(errors, 0.9)
        }
        return OriginForecast(model: model, origin: origin, forecast: point, p10: p10, p50: p50, p90: p90)
    }

    /// The empirical quantile of sorted values at position `level (n + 1)` (1-based), interpolated linearly and
    /// clamped to the smallest and largest value (Hyndman-Fan type 6). An interval between the type-6 quantiles
    /// at levels a < b of n past errors covers a new exchangeable error with probability b - a exactly, whereas
    /// type 7 covers only (b - a)(n - 1)/(n + 1): 74 % instead of 80 % for the 28 errors of an hour of day.
    static func coverageQuantile(_ sorted: [Double], _ level: Double) -> Double {
        let position = level * Double(sorted.count + 1) - 1
        if position <= 0 { return sorted[0] }
        if position >= Double(sorted.count - 1) { return sorted[sorted.count - 1] }
        let lower = Int(position.rounded(.down))
        return sorted[lower] + (position - Double(lower)) * (sorted[lower + 1] - sorted[lower])
    }

    /// The empirical quantile of sorted values with linear interpolation (Hyndman-Fan type 7).
    static func quantile(_ sorted: [Double], _ level: Double) -> Double {
        let position = level * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
