import EnergyCalendar
import Foundation
import GridModel

/// Reads tariff files (`grids/tariffs/*.toml`): seasons by month, time bands by hour ranges and day types,
/// energy prices per season and band, the demand charge with its billing rule, adders, surcharges and discounts.
///
/// Keys carry their unit where it is not MW/MWh and the currency (`energy_price_krw_per_kwh`,
/// `price_krw_per_kw_month`); per-kWh and per-kW figures are converted to per-MWh and per-MW (× 1000).
/// Format reference: `docs/grid-format.md`.
public enum TariffReader {
    /// Reads and checks a tariff file; throws every problem found.
    public static func read(contentsOf url: URL) throws(GridDiagnostics) -> LocatedTariff {
        let source: TOMLSource
        do {
            source = try TOMLSource.load(contentsOf: url)
        } catch {
            throw GridDiagnostics(errors: [error])
        }
        return try read(source)
    }

    /// Reads a parsed tariff file; throws every problem found.
    public static func read(_ source: TOMLSource) throws(GridDiagnostics) -> LocatedTariff {
        var reader = Reader(source: source)
        let tariff = reader.read()
        try reader.collector.check()
        guard let tariff else { throw reader.collector.diagnostics }
        return LocatedTariff(tariff: tariff, source: source, aliases: reader.aliases)
    }

    /// The day-type names used in tariff files.
    static let dayTypeNames: [String: DayType] = [
        "weekday": .weekday, "saturday": .saturday, "sunday_or_holiday": .sundayOrHoliday,
    ]

    private struct Reader {
        let source: TOMLSource
        var collector = DiagnosticsCollector()
        var aliases: [String: String] = [:]

        init(source: TOMLSource) { self.source = source }

        mutating func read() -> Tariff? {
            let name = collector.attempt { () throws(GridIOError) in try source.string(at: "name") } ?? ""
            let currency = collector.attempt { () throws(GridIOError) in try source.string(at: "currency") } ?? ""
            let sourceText = collector.attempt { () throws(GridIOError) in try source.string(at: "source", default: "") } ?? ""
            let effectiveDate = effectiveDateText()
            let bands = collector.attempt { () throws(GridIOError) in try source.strings(at: "bands") } ?? []
            let money = currency.lowercased()
            let energyKey = unitKey(in: "", base: "energy_price", money: money, units: perEnergy)
            let adderKey = unitKey(in: "", base: "adders", money: money, units: perEnergy, required: false)
            var allowed: Set<String> = [
                "name", "currency", "source", "effective_date", "bands", "seasons", "time_bands", "demand_charge", "surcharges",
                "discounts", "notes",
            ]
            if let energyKey { allowed.insert(energyKey.key) }
            if let adderKey { allowed.insert(adderKey.key) }
            collector.record(source.unknownKeys(at: "", allowed: allowed))

            let seasons = readSeasons()
            let schedules = readSchedules(bands: bands)
            let prices = energyKey.map { readEnergyPrices($0, seasons: seasons, bands: bands) } ?? []
            let demandCharge = readDemandCharge(money: money)
            var adders: [Tariff.Adder] = []
            if let adderKey {
                for (position, key) in source.keys(at: adderKey.key).enumerated() {
                    let path = adderKey.key + "." + key
                    aliases["adders[\(position)]"] = path
                    if let value = collector.attempt({ () throws(GridIOError) in try source.double(at: path) }) {
                        adders.append(.init(name: key, pricePerMWh: value * adderKey.factor))
                    }
                }
            }
            var surcharges: [Tariff.Surcharge] = []
            for (position, key) in source.keys(at: "surcharges").enumerated() {
                aliases["surcharges[\(position)]"] = "surcharges." + key
                if let share = collector.attempt({ () throws(GridIOError) in try source.double(at: "surcharges." + key) }) {
                    surcharges.append(.init(name: key, share: share))
                }
            }
            let discounts = readDiscounts()
            return Tariff(
                name: name, currency: currency, source: sourceText, effectiveDate: effectiveDate, seasons: seasons, bands: bands,
                schedules: schedules, energyPrices: prices, demandCharge: demandCharge, adders: adders, surcharges: surcharges,
                discounts: discounts)
        }

        private func effectiveDateText() -> String {
            switch source.node(at: "effective_date") {
            case .string(let text), .dateTime(let text): text
            default: ""
            }
        }

        private let perEnergy: [(String, Double)] = [("per_kwh", 1000), ("per_mwh", 1)]
        private let perDemand: [(String, Double)] = [("per_kw_month", 1000), ("per_mw_month", 1)]

        /// Finds `<base>_<currency>_<unit>` in a table and its conversion factor to per-MWh/per-MW.
        private mutating func unitKey(
            in table: String, base: String, money: String, units: [(String, Double)], required: Bool = true
        ) -> (key: String, factor: Double)? {
            let candidates = units.map { ("\(base)_\(money)_\($0.0)", $0.1) }
            let keys = Set(source.keys(at: table))
            if let match = candidates.first(where: { keys.contains($0.0) }) {
                return (table.isEmpty ? match.0 : table + "." + match.0, match.1)
            }
            if required {
                collector.record(
                    GridIOError(
                        at: source.nearestLocation(of: table), file: source.file, field: table.isEmpty ? base : table + "." + base,
                        message: "missing key", expected: candidates.map(\.0).joined(separator: " or "), found: "nothing"))
            }
            return nil
        }

        private mutating func readSeasons() -> [Tariff.Season] {
            source.keys(at: "seasons").compactMap { name in
                collector.attempt { () throws(GridIOError) in Tariff.Season(name: name, months: try source.ints(at: "seasons." + name)) }
            }
        }

        private mutating func dayTypes(at path: String) -> [DayType] {
            guard let names = collector.attempt({ () throws(GridIOError) in try source.strings(at: path) }) else { return [] }
            var types: [DayType] = []
            for (position, name) in names.enumerated() {
                if let type = TariffReader.dayTypeNames[name] {
                    types.append(type)
                } else {
                    collector.record(
                        source.error(
                            at: "\(path)[\(position)]", message: "unknown day type",
                            expected: "weekday, saturday or sunday_or_holiday", found: name))
                }
            }
            return types
        }

        /// Hours covered by `[[start, end], ...]` (hour beginning, end exclusive, wrapping midnight: `[22, 8]`).
        private mutating func hours(at path: String) -> [Int] {
            var hours: [Int] = []
            if let node = source.node(at: path), case .array = node {} else {
                collector.record(
                    source.error(
                        at: path, message: source.contains(path) ? "wrong value type" : "missing key",
                        expected: "an array of [start, end] hour ranges", found: source.node(at: path)?.summary ?? "nothing"))
                return hours
            }
            for position in 0..<source.count(at: path) {
                let rangePath = "\(path)[\(position)]"
                guard let pair = collector.attempt({ () throws(GridIOError) in try source.ints(at: rangePath) }) else { continue }
                guard pair.count == 2, (0...24).contains(pair[0]), (0...24).contains(pair[1]), pair[0] != pair[1] else {
                    collector.record(
                        source.error(at: rangePath, message: "bad hour range", expected: "[start, end] with hours 0-24, start != end", found: "\(pair)"))
                    continue
                }
                var hour = pair[0] % 24
                repeat {
                    hours.append(hour)
                    hour = (hour + 1) % 24
                } while hour != pair[1] % 24
            }
            return hours
        }

        private mutating func readSchedules(bands: [String]) -> [Tariff.BandSchedule] {
            var schedules: [Tariff.BandSchedule] = []
            for position in 0..<source.count(at: "time_bands") {
                let path = "time_bands[\(position)]"
                collector.record(source.unknownKeys(at: path, allowed: Set(["seasons", "day_types"] + bands)))
                let seasons = collector.attempt { () throws(GridIOError) in try source.strings(at: path + ".seasons") } ?? []
                let types = dayTypes(at: path + ".day_types")
                var hourBands = Array(repeating: "", count: 24)
                for band in bands where source.contains(path + "." + band) {
                    for hour in hours(at: path + "." + band) {
                        if hourBands[hour].isEmpty {
                            hourBands[hour] = band
                        } else {
                            collector.record(
                                source.error(
                                    at: path + "." + band, message: "hour in two bands",
                                    expected: "hour \(hour) in one band only", found: "\(hourBands[hour]) and \(band)"))
                        }
                    }
                }
                let missing = hourBands.indices.filter { hourBands[$0].isEmpty }
                if !missing.isEmpty {
                    collector.record(
                        GridIOError(
                            at: source.location(of: path), file: source.file, field: path, message: "hours in no band",
                            expected: "every hour 0-23 in one band", found: "hours " + missing.map(String.init).joined(separator: ", ")))
                }
                schedules.append(.init(seasons: seasons, dayTypes: types, hourBands: hourBands))
            }
            return schedules
        }

        private mutating func readEnergyPrices(
            _ key: (key: String, factor: Double), seasons: [Tariff.Season], bands: [String]
        ) -> [Tariff.EnergyPrice] {
            var prices: [Tariff.EnergyPrice] = []
            collector.record(source.unknownKeys(at: key.key, allowed: Set(seasons.map(\.name))))
            for season in seasons.map(\.name) {
                let path = key.key + "." + season
                guard let values = collector.attempt({ () throws(GridIOError) in try source.doubles(at: path) }) else { continue }
                guard values.count == bands.count else {
                    collector.record(
                        source.error(at: path, message: "wrong number of prices", expected: "\(bands.count) prices (\(bands.joined(separator: ", ")))", found: "\(values.count)"))
                    continue
                }
                for (band, value) in zip(bands, values) {
                    aliases["energy_prices[\(prices.count)]"] = "\(path)[\(prices.count % bands.count)]"
                    prices.append(.init(season: season, band: band, pricePerMWh: value * key.factor))
                }
            }
            aliases["energy_prices"] = key.key
            return prices
        }

        private mutating func readDemandCharge(money: String) -> Tariff.DemandCharge? {
            let path = "demand_charge"
            guard source.contains(path) else { return nil }
            guard let priceKey = unitKey(in: path, base: "price", money: money, units: perDemand) else { return nil }
            aliases["demand_charge.price"] = priceKey.key
            collector.record(
                source.unknownKeys(
                    at: path,
                    allowed: [String(priceKey.key.dropFirst(path.count + 1)), "counted_bands", "ratchet_months", "ratchet_window_months", "floor_share_of_contract"]))
            let price = collector.attempt { () throws(GridIOError) in try source.double(at: priceKey.key) } ?? 0
            let counted = collector.attempt { () throws(GridIOError) in try source.strings(at: path + ".counted_bands") } ?? []
            let ratchet = source.contains(path + ".ratchet_months")
                ? collector.attempt { () throws(GridIOError) in try source.ints(at: path + ".ratchet_months") } ?? [] : []
            let window = source.contains(path + ".ratchet_window_months")
                ? collector.attempt { () throws(GridIOError) in try source.int(at: path + ".ratchet_window_months") } ?? 12 : 12
            let floor = collector.attempt { () throws(GridIOError) in try source.double(at: path + ".floor_share_of_contract", default: 0) } ?? 0
            return Tariff.DemandCharge(
                pricePerMWMonth: price * priceKey.factor, countedBands: counted, ratchetMonths: ratchet, ratchetWindowMonths: window,
                floorShareOfContract: floor)
        }

        private mutating func readDiscounts() -> [Tariff.Discount] {
            var discounts: [Tariff.Discount] = []
            for position in 0..<source.count(at: "discounts") {
                let path = "discounts[\(position)]"
                collector.record(source.unknownKeys(at: path, allowed: ["name", "seasons", "day_types", "hours", "factor"]))
                let name = collector.attempt { () throws(GridIOError) in try source.string(at: path + ".name") } ?? ""
                let seasons = collector.attempt { () throws(GridIOError) in try source.strings(at: path + ".seasons") } ?? []
                let types = dayTypes(at: path + ".day_types")
                let covered = hours(at: path + ".hours")
                let factor = collector.attempt { () throws(GridIOError) in try source.double(at: path + ".factor") } ?? 1
                discounts.append(.init(name: name, seasons: seasons, dayTypes: types, hours: covered, factor: factor))
            }
            return discounts
        }
    }
}
