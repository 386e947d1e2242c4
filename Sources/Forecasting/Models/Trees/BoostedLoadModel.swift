/// The gradient-boosted tree load model (`gbt`): boosted trees on calendar, temperature and lagged-load features
/// of each target hour as seen from its forecast origin, in the spirit of the tree models of the GEFCom2012
/// and 2014 load tracks (Hong, Pinson, Fan 2014; Hong et al. 2016, Int. J. Forecasting 32:896-913).
///
/// Training rows are the hours of the `windowDays` before a cutoff, each with the features it had at a daily
/// origin before it (lead = the target's hour offset from the cutoff's time of day, plus whole days cycling
/// through the horizon's days), so every load a row uses precedes both the row and the cutoff. The model is
/// trained at the cutoff of an origin (`RefitSchedule`, every `refitDays` days) and forecasts every origin up
/// to the next cutoff from the load before that origin.
enum BoostedLoadModel {
    /// Days of hours before the cutoff the trees are trained on.
    static let windowDays = 730
    /// Days between refits (`RefitSchedule`): 28 scored 4.650 % MAPE on GEFCom2014 2010, 14 days 4.623 % at twice
    /// the cost, 7 days 4.639 %.
    static let refitDays = 28
    /// The boosting settings.
    static let settings = BoostingSettings()

    /// Feature names, in column order.
    static let featureNames = [
        "hour", "weekday", "holiday", "month", "lead",
        "T", "T lag 1", "T lag 2", "T lag 3", "T mean 24 h", "T mean 24-48 h",
        "load day before", "load 2 days before", "load week before", "T day before", "mean load 24 h before origin",
    ]

    /// The features of target hour `origin + lead` forecast from `origin` (at least 168): calendar fields of the
    /// target, temperatures by `temperature(hour)`, loads strictly before the origin.
    static func features(origin: Int, lead: Int, load: [Double], temperature: (Int) -> Double,
                         calendar: CalendarFeatures) -> [Double] {
        let target = origin + lead
        func mean(_ range: Range<Int>) -> Double {
            range.reduce(0) { $0 + temperature(max($1, 0)) } / Double(range.count)
        }
        let sameHour = origin - 24 + lead % 24
        var dayBefore = 0.0
        for hour in (origin - 24)..<origin { dayBefore += load[hour] }
        return [
            Double(calendar.hour[target]), Double(calendar.weekday[target]), calendar.holiday[target] ? 1 : 0,
            Double(calendar.month[target]), Double(lead),
            temperature(target), temperature(max(target - 1, 0)), temperature(max(target - 2, 0)),
            temperature(max(target - 3, 0)), mean((target - 24)..<target), mean((target - 48)..<(target - 24)),
            load[sameHour], load[sameHour - 24], load[origin - 168 + lead % 168], temperature(sameHour),
            dayBefore / 24,
        ]
    }

    /// Trees trained on the hours before `cutoff` (observed temperatures).
    static func train(cutoff: Int, horizon: Int, load: [Double], temperature: [Double], calendar: CalendarFeatures,
                      threads: Int) -> BoostedTrees {
        let leadDays = max(1, (horizon + 23) / 24)
        var columns = [[Double]](repeating: [], count: featureNames.count)
        var target: [Double] = []
        for hour in max(0, cutoff - 24 * windowDays)..<cutoff {
            let daysBack = (cutoff - 1 - hour) / 24
            let hourOffset = ((hour - cutoff) % 24 + 24) % 24
            var lead = hourOffset + 24 * (daysBack % leadDays)
            if lead >= horizon { lead = hourOffset }
            let origin = hour - lead
            guard origin >= 168 else { continue }
            let row = features(origin: origin, lead: lead, load: load, temperature: { temperature[$0] },
                               calendar: calendar)
            for (index, value) in row.enumerated() { columns[index].append(value) }
            target.append(load[hour])
        }
        return BoostedTrees(columns: columns, target: target, settings: settings, threads: threads)
    }

    /// Forecasts of hours `origin ..< origin + horizon` from the trees.
    static func forecast(_ trees: BoostedTrees, origin: Int, horizon: Int, load: [Double],
                         temperature: (Int) -> Double, calendar: CalendarFeatures) -> [Double] {
        (0..<horizon).map { lead in
            trees.predict(features(origin: origin, lead: lead, load: load, temperature: temperature, calendar: calendar))
        }
    }
}
