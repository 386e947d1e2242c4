import EnergyCalendar

/// Load forecasts and rolling-origin backtests over a `ForecastHistory`.
///
/// Every base model forecasts from an origin using only load strictly before it (temperatures of the
/// forecast hours are taken as known). The base models' forecasts at the requested origins and at the daily
/// origins of the preceding weeks are computed in parallel, one slot per (model, origin); the ensemble, the
/// `auto` selection and the p10/p50/p90 quantiles are then derived from the errors of those earlier origins,
/// so the result is the same for any number of threads.
public enum Forecaster {
    /// Forecasts `options.horizon` hours after the end of the history with `model`.
    public static func forecast(history: ForecastHistory, model: ForecastModelID,
                                options: ForecastOptions = ForecastOptions()) throws(ForecastError) -> OriginForecast {
        let run = try ForecastRun(history: history, models: [model], origins: [history.load.count], options: options,
                                  requireActuals: false)
        return run.forecasts[0]
    }

    /// A backtest: forecasts of every model from every origin, and their accuracy.
    /// - Parameters:
    ///   - origins: hour indices of the origins (ascending); each needs `horizon` actual hours after it.
    ///   - models: the models to compare, each listed once.
    ///   - progress: called once per base forecast (one base model from one origin, including the earlier daily
    ///     origins the ensemble, `auto` and the quantiles need) as it finishes, with the count done so far and the
    ///     total: `1, 2, ..., total` in order, from worker threads (one call at a time). Does not change the result.
    public static func backtest(history: ForecastHistory, models: [ForecastModelID], origins: [Int],
                                options: ForecastOptions = ForecastOptions(),
                                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(ForecastError) -> BacktestResult {
        let run = try ForecastRun(history: history, models: models, origins: origins, options: options,
                                  requireActuals: true, progress: progress)
        let scale = ForecastMetrics.seasonalNaiveScale(history.load[..<(origins.min() ?? 0)])
        var metrics: [BacktestResult.ModelMetrics] = []
        for model in models {
            let forecasts = run.forecasts.filter { $0.model == model }
            metrics.append(Self.metrics(of: forecasts, model: model, history: history, features: run.features,
                                        scale: scale))
        }
        return BacktestResult(forecasts: run.forecasts, metrics: metrics, workerCPUSeconds: run.workerCPUSeconds)
    }

    /// Hours of history `model` needs before an origin.
    public static func minimumHistory(for model: ForecastModelID) -> Int {
        ForecastRun.minimumHistory(model)
    }

    /// Overall and by-hour metrics of forecasts against the history's load.
    static func metrics(of forecasts: [OriginForecast], model: ForecastModelID, history: ForecastHistory,
                        features: CalendarFeatures, scale: Double?) -> BacktestResult.ModelMetrics {
        typealias Columns = (forecast: [Double], p10: [Double], p50: [Double], p90: [Double], actual: [Double])
        var all: Columns = ([], [], [], [], [])
        var byHour = [Columns](repeating: ([], [], [], [], []), count: 24)
        for item in forecasts {
            for step in item.forecast.indices {
                let target = item.origin + step
                let hour = features.hour[target]
                all.forecast.append(item.forecast[step]); byHour[hour].forecast.append(item.forecast[step])
                all.p10.append(item.p10[step]); byHour[hour].p10.append(item.p10[step])
                all.p50.append(item.p50[step]); byHour[hour].p50.append(item.p50[step])
                all.p90.append(item.p90[step]); byHour[hour].p90.append(item.p90[step])
                all.actual.append(history.load[target]); byHour[hour].actual.append(history.load[target])
            }
        }
        func evaluate(_ columns: Columns) -> ForecastMetrics {
            ForecastMetrics.evaluate(forecast: columns.forecast, p10: columns.p10, p50: columns.p50, p90: columns.p90,
                                     actual: columns.actual, scale: scale)
        }
        return .init(model: model, overall: evaluate(all), byHour: byHour.map(evaluate))
    }
}
