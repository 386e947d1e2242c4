import EnergyCalendar

/// The tariff part of network validation: seasons cover every month once, every season and day type has a
/// 24-hour band schedule, every band used has a price, and billing rules name existing bands and months.
struct TariffChecker {
    let tariff: Tariff
    let path: FieldPath

    func check(currency: String, _ collector: inout IssueCollector) {
        if tariff.currency != currency {
            collector.error(path.appending("currency"), "tariff currency differs from the grid's", expected: currency, found: tariff.currency)
        }
        for month in 1...12 {
            let count = tariff.seasons.filter { $0.months.contains(month) }.count
            if count != 1 {
                collector.error(path.appending("seasons"), "month covered \(count == 0 ? "by no season" : "by several seasons")", expected: "month \(month) in exactly one season", found: "\(count) seasons")
            }
        }
        let seasonNames = Set(tariff.seasons.map(\.name))
        let bandNames = Set(tariff.bands)
        for season in tariff.seasons {
            for dayType in [DayType.weekday, .saturday, .sundayOrHoliday] {
                let schedules = tariff.schedules.filter { $0.dayTypes.contains(dayType) && $0.seasons.contains(season.name) }
                if schedules.count != 1 {
                    collector.error(path.appending("time_bands"), "band schedule missing or repeated", expected: "one schedule for \(season.name) on \(dayType.rawValue)", found: "\(schedules.count)")
                }
            }
        }
        for (position, schedule) in tariff.schedules.enumerated() {
            let schedulePath = path.appending("time_bands[\(position)]")
            if schedule.hourBands.count != 24 {
                collector.error(schedulePath, "hours not covered exactly once", expected: "24 hours", found: "\(schedule.hourBands.count) hours")
            }
            for band in Set(schedule.hourBands) where !bandNames.contains(band) {
                collector.error(schedulePath, "unknown band", expected: "one of " + tariff.bands.joined(separator: ", "), found: band)
            }
            for season in schedule.seasons where !seasonNames.contains(season) {
                collector.error(schedulePath.appending("seasons"), "unknown season", expected: "one of " + seasonNames.sorted().joined(separator: ", "), found: season)
            }
            for season in schedule.seasons {
                for band in Set(schedule.hourBands) where !tariff.energyPrices.contains(where: { $0.season == season && $0.band == band }) {
                    collector.error(path.appending("energy_prices"), "missing energy price", expected: "a price for \(season) \(band)", found: "none")
                }
            }
        }
        for (position, price) in tariff.energyPrices.enumerated() {
            collector.number(price.pricePerMWh, path.appending("energy_prices[\(position)]"), what: "price")
        }
        for (position, adder) in tariff.adders.enumerated() where !adder.pricePerMWh.isFinite {
            collector.error(path.appending("adders[\(position)]"), "adder is not a finite number", expected: "a number", found: adder.pricePerMWh.formatted)
        }
        for (position, surcharge) in tariff.surcharges.enumerated() {
            collector.number(surcharge.share, path.appending("surcharges[\(position)]"), in: 0...1, what: "share")
        }
        for (position, discount) in tariff.discounts.enumerated() {
            let discountPath = path.appending("discounts[\(position)]")
            collector.number(discount.factor, discountPath.appending("factor"), in: 0...1, what: "factor")
            for season in discount.seasons where !seasonNames.contains(season) {
                collector.error(discountPath.appending("seasons"), "unknown season", expected: "one of " + seasonNames.sorted().joined(separator: ", "), found: season)
            }
            for hour in discount.hours where !(0..<24).contains(hour) {
                collector.error(discountPath.appending("hours"), "hour out of range", expected: "0-23", found: String(hour))
            }
        }
        if let demand = tariff.demandCharge {
            let demandPath = path.appending("demand_charge")
            collector.number(demand.pricePerMWMonth, demandPath.appending("price"), what: "price")
            collector.number(demand.floorShareOfContract, demandPath.appending("floor_share_of_contract"), in: 0...1, what: "share")
            for band in demand.countedBands where !bandNames.contains(band) {
                collector.error(demandPath.appending("counted_bands"), "unknown band", expected: "one of " + tariff.bands.joined(separator: ", "), found: band)
            }
            for month in demand.ratchetMonths where !(1...12).contains(month) {
                collector.error(demandPath.appending("ratchet_months"), "month out of range", expected: "1-12", found: String(month))
            }
            if demand.ratchetWindowMonths < 0 {
                collector.error(demandPath.appending("ratchet_window_months"), "negative window", expected: ">= 0", found: String(demand.ratchetWindowMonths))
            }
        }
    }
}
