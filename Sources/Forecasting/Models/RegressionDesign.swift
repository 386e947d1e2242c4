/// The regressors of the two multiple-linear-regression models, built once for a whole series.
///
/// Vanilla (Hong 2010 thesis, section 5; Hong, Pinson, Fan 2014, "Global Energy Forecasting Competition 2012",
/// IJF 30:357-363): Load = b0 + b1 Trend + b2 Month + b3 Weekday x Hour + b4 Month x T + b5 Month x T^2
/// + b6 Month x T^3 + b7 Hour x T + b8 Hour x T^2 + b9 Hour x T^3, the class variables as dummies; 285 columns
/// (`columnName(_:)` names each one, in Hong's term order). Recency (after Wang, Liu, Hong 2016): the vanilla terms with
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
    /// Number of day classes: 7 weekdays, or 8 with holidays as their own class (recency).
    let dayClasses: Int
    /// Number of recency temperature series (lags and moving averages; 0 for vanilla).
    let extraSeries: Int

    /// Lags (hours) of the recency temperatures.
    static let temperatureLags = [1, 2, 3, 4, 5, 6]
    /// Moving-average windows of the recency temperatures, as whole previous days.
    static let movingAverageDays = [1, 2]

    /// Builds the rows of hours `0..<count`; `temperature` must have `count` values.
    init(recency: Bool, features: CalendarFeatures, temperature: [Double], count: Int) {
        let dayClasses = recency ? 8 : 7
        let extraSeries = recency ? Self.temperatureLags.count + Self.movingAverageDays.count : 0
        self.dayClasses = dayClasses
        self.extraSeries = extraSeries
        let columnCount = Self.hourTemperatureBase(dayClasses: dayClasses) + 72 + 33 + extraSeries * (24 + 2)
        var design = SparseDesign(rowCount: count, width: 3 + 3 + 3 + extraSeries * 3, columnCount: columnCount)
        let extras = recency ? Self.recencyTemperatures(temperature, count: count) : []
        for row in 0..<count {
            var slot = 0
            Self.entries(row: row, dayClasses: dayClasses, features: features, temperature: temperature[row],
                         extras: extras.map { $0[row] }) {
                design.set(row: row, slot: slot, column: $0, value: $1)
                slot += 1
            }
        }
        self.design = design
    }

    /// Calls `put(column, value)` for every entry of the row of hour `row` with temperature `temperature` and
    /// recency series values `extras` (lags, then moving averages).
    private static func entries(row: Int, dayClasses: Int, features: CalendarFeatures, temperature value: Double,
                                extras: [Double], put: (Int, Double) -> Void) {
        let hourTemperatureBase = Self.hourTemperatureBase(dayClasses: dayClasses)
        let monthTemperatureBase = hourTemperatureBase + 72
        let extraBase = monthTemperatureBase + 33
        let hour = features.hour[row]
        let month = features.month[row]
        let dayClass = dayClasses == 8 && features.holiday[row] ? 7 : features.weekday[row]
        put(Self.trendColumn, Double(row) / 8766)
        put(Self.monthBase + max(month - 1, 0), month == 0 ? 0 : 1)
        put(Self.dayHourBase + dayClass * 24 + hour, 1)
        var power = 1.0
        for degree in 0..<3 {
            power *= value
            put(hourTemperatureBase + degree * 24 + hour, power)
            put(monthTemperatureBase + degree * 11 + max(month - 1, 0), month == 0 ? 0 : power)
        }
        for (series, lagged) in extras.enumerated() {
            let base = extraBase + series * (24 + 2)
            put(base + hour, lagged)
            put(base + 24, lagged * lagged)
            put(base + 25, lagged * lagged * lagged)
        }
    }

    /// The fitted value of hour `row` when its temperatures (and the lagged ones its row uses) are given by
    /// `temperature(hour)` instead of the series the design was built from (a temperature forecast).
    func predict(row: Int, coefficients: [Double], features: CalendarFeatures,
                 temperature: (Int) -> Double) -> Double {
        var extras: [Double] = []
        if extraSeries > 0 {
            for lag in Self.temperatureLags { extras.append(temperature(max(row - lag, 0))) }
            for days in Self.movingAverageDays {
                let range = Self.movingAverageRange(row, days: days)
                extras.append(range.reduce(0) { $0 + temperature($1) } / Double(range.count))
            }
        }
        var sum = 0.0
        Self.entries(row: row, dayClasses: dayClasses, features: features, temperature: temperature(row),
                     extras: extras) {
            sum += $1 * coefficients[$0]
        }
        return sum
    }

    // Column layout: trend (1), month February...December (11), day class x hour (dayClasses * 24),
    // (T, T^2, T^3) x hour (3 * 24), (T, T^2, T^3) x month February...December (3 * 11), then per recency series
    // value x hour (24), its square (1) and its cube (1).
    static let trendColumn = 0
    static let monthBase = 1
    static let dayHourBase = monthBase + 11
    static func hourTemperatureBase(dayClasses: Int) -> Int { dayHourBase + dayClasses * 24 }

    /// Month names of the month dummies and month x temperature columns (index 0 = January, the reference).
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Day-class names (0 = Sunday; 7 = holiday in the recency model).
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Holiday"]

    /// The term a column stands for, in Hong's notation: `Trend`, `Month[Feb]`, `Weekday[Mon]xHour[7]`,
    /// `T^2xHour[13]`, `T^3xMonth[Jul]`, and for the recency series `Lag1xHour[5]`, `MA24h^2` and so on.
    func columnName(_ column: Int) -> String {
        let hourTemperatureBase = Self.hourTemperatureBase(dayClasses: dayClasses)
        let monthTemperatureBase = hourTemperatureBase + 72
        let extraBase = monthTemperatureBase + 33
        func power(_ degree: Int) -> String { degree == 0 ? "T" : "T^\(degree + 1)" }
        switch column {
        case Self.trendColumn:
            return "Trend"
        case Self.monthBase..<Self.dayHourBase:
            return "Month[\(Self.monthNames[column - Self.monthBase + 1])]"
        case Self.dayHourBase..<hourTemperatureBase:
            let offset = column - Self.dayHourBase
            return "Weekday[\(Self.dayNames[offset / 24])]xHour[\(offset % 24)]"
        case hourTemperatureBase..<monthTemperatureBase:
            let offset = column - hourTemperatureBase
            return "\(power(offset / 24))xHour[\(offset % 24)]"
        case monthTemperatureBase..<extraBase:
            let offset = column - monthTemperatureBase
            return "\(power(offset / 11))xMonth[\(Self.monthNames[offset % 11 + 1])]"
        default:
            let offset = column - extraBase
            let series = offset / 26
            let name = series < Self.temperatureLags.count ? "Lag\(Self.temperatureLags[series])"
                : "MA\(24 * Self.movingAverageDays[series - Self.temperatureLags.count])h"
            let slot = offset % 26
            return slot < 24 ? "\(name)xHour[\(slot)]" : "\(name)^\(slot - 22)"
        }
    }

    /// The hours the moving average of `days` previous days at hour `index` is taken over (24 hours ending
    /// 24 (days - 1) hours before it; shorter at the start of the series).
    static func movingAverageRange(_ index: Int, days: Int) -> Range<Int> {
        let end = max(index - 24 * (days - 1), 1)
        return max(end - 24, 0)..<end
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
                let range = movingAverageRange(index, days: days)
                return (prefix[range.upperBound] - prefix[range.lowerBound]) / Double(range.count)
            })
        }
        return series
    }
}
