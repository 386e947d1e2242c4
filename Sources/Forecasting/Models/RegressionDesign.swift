/// The regressors of the two multiple-linear-regression models, built once for a whole series.
///
/// Vanilla (Hong, Wang, White 2014; GEFCom2012 benchmark): trend + month + day-of-week x hour
/// + (T, T^2, T^3) x hour + (T, T^2, T^3) x month. Recency (after Wang, Liu, Hong 2016): the vanilla terms with
/// day types where holidays form an eighth day class, plus, for the temperatures lagged 1...6 hours and the
/// daily moving averages of the previous one and two days (means of hours t-24...t-1 and t-48...t-25), the
/// value x hour and its square and cube as single columns. (Interacting the square and cube with the hour
/// as well, with lags 1...3, scored MAPE 5.61 % vs 5.61 % on the 2010 benchmark at 2.5 times the cost.)
///
/// There is no intercept: the day-class x hour dummies span it. To keep the matrix of full rank the month
/// dummies drop January and the (T, T^2, T^3) x month terms drop January (spanned by the x hour terms).
struct RegressionDesign: Sendable {
    /// The sparse rows, one per hour of the series.
    let design: SparseDesign

    /// Lags (hours) of the recency temperatures.
    static let temperatureLags = [1, 2, 3, 4, 5, 6]
    /// Moving-average windows of the recency temperatures, as whole previous days.
    static let movingAverageDays = [1, 2]

    /// Builds the rows of hours `0..<count`; `temperature` must have `count` values.
    init(recency: Bool, features: CalendarFeatures, temperature: [Double], count: Int) {
        let dayClasses = recency ? 8 : 7
        let extraSeries = recency ? Self.temperatureLags.count + Self.movingAverageDays.count : 0
        // Column layout.
        let trendColumn = 0
        let monthBase = 1                              // 11 columns, February...December
        let dayHourBase = monthBase + 11               // dayClasses * 24
        let hourTemperatureBase = dayHourBase + dayClasses * 24   // 3 * 24
        let monthTemperatureBase = hourTemperatureBase + 72       // 3 * 11
        let extraBase = monthTemperatureBase + 33                 // extraSeries * 3 * 24
        let columnCount = extraBase + extraSeries * (24 + 2)
        let width = 3 + 3 + 3 + extraSeries * 3
        var design = SparseDesign(rowCount: count, width: width, columnCount: columnCount)
        let extras = recency ? Self.recencyTemperatures(temperature, count: count) : []
        for row in 0..<count {
            let hour = features.hour[row]
            let month = features.month[row]
            let dayClass = recency && features.holiday[row] ? 7 : features.weekday[row]
            let value = temperature[row]
            var slot = 0
            func put(_ column: Int, _ entry: Double) {
                design.set(row: row, slot: slot, column: column, value: entry)
                slot += 1
            }
            put(trendColumn, Double(row) / 8766)
            put(monthBase + max(month - 1, 0), month == 0 ? 0 : 1)
            put(dayHourBase + dayClass * 24 + hour, 1)
            var power = 1.0
            for degree in 0..<3 {
                power *= value
                put(hourTemperatureBase + degree * 24 + hour, power)
                put(monthTemperatureBase + degree * 11 + max(month - 1, 0), month == 0 ? 0 : power)
            }
            for (series, values) in extras.enumerated() {
                let lagged = values[row]
                let base = extraBase + series * (24 + 2)
                put(base + hour, lagged)
                put(base + 24, lagged * lagged)
                put(base + 25, lagged * lagged * lagged)
            }
        }
        self.design = design
    }

    /// The lagged and moving-average temperature series (the first hours repeat the first available value).
    static func recencyTemperatures(_ temperature: [Double], count: Int) -> [[Double]] {
        var series: [[Double]] = []
        for lag in temperatureLags {
            series.append((0..<count).map { temperature[max($0 - lag, 0)] })
        }
        var prefix = [Double](repeating: 0, count: count + 1)
        for index in 0..<count { prefix[index + 1] = prefix[index] + temperature[index] }
        for days in movingAverageDays {
            series.append((0..<count).map { index in
                let end = max(index - 24 * (days - 1), 1)
                let begin = max(end - 24, 0)
                return (prefix[end] - prefix[begin]) / Double(end - begin)
            })
        }
        return series
    }
}
