import EnergyCalendar

/// A time-of-use electricity tariff with a demand charge (e.g. KEPCO 산업용(을)), in the grid's currency and
/// per MWh / per MW internally (readers convert per-kWh and per-kW figures).
///
/// The energy price of an hour is `price[season, band] · discount factor + Σ adders`; surcharges are shares of
/// the bill before tax (energy, adders and demand charge).
public struct Tariff: Sendable, Equatable, Codable {
    /// A season: a name and the months (1-12) it covers; seasons cover every month exactly once.
    public struct Season: Sendable, Equatable, Codable {
        /// Season name (`summer`, `spring_autumn`, `winter`).
        public var name: String
        /// Months 1-12.
        public var months: [Int]

        /// Creates a season.
        public init(name: String, months: [Int]) {
            self.name = name
            self.months = months
        }
    }

    /// The time band of each hour of the day for some seasons and day types.
    public struct BandSchedule: Sendable, Equatable, Codable {
        /// Seasons the schedule applies to.
        public var seasons: [String]
        /// Day types it applies to (holidays count as Sundays).
        public var dayTypes: [DayType]
        /// Band name of each hour beginning 0...23 (24 entries).
        public var hourBands: [String]

        /// Creates a schedule.
        public init(seasons: [String], dayTypes: [DayType], hourBands: [String]) {
            self.seasons = seasons
            self.dayTypes = dayTypes
            self.hourBands = hourBands
        }
    }

    /// The energy price of one season and band.
    public struct EnergyPrice: Sendable, Equatable, Codable {
        /// Season name.
        public var season: String
        /// Band name.
        public var band: String
        /// Price in currency/MWh.
        public var pricePerMWh: Double

        /// Creates a price entry.
        public init(season: String, band: String, pricePerMWh: Double) {
            self.season = season
            self.band = band
            self.pricePerMWh = pricePerMWh
        }
    }

    /// The demand (basic) charge and its billing-demand rule.
    public struct DemandCharge: Sendable, Equatable, Codable {
        /// Price per MW of billing demand and month, currency/MW-month.
        public var pricePerMWMonth: Double
        /// Bands whose hours count toward the month's peak (KEPCO: mid and peak, not light).
        public var countedBands: [String]
        /// Months (1-12) whose peaks keep setting the billing demand for `ratchetWindowMonths` (ratchet).
        public var ratchetMonths: [Int]
        /// How many months back ratchet-month peaks count (KEPCO: 12).
        public var ratchetWindowMonths: Int
        /// Billing demand is at least this share of the contract demand (KEPCO: 0.30).
        public var floorShareOfContract: Double

        /// Creates a demand charge.
        public init(
            pricePerMWMonth: Double, countedBands: [String], ratchetMonths: [Int] = [], ratchetWindowMonths: Int = 12,
            floorShareOfContract: Double = 0
        ) {
            self.pricePerMWMonth = pricePerMWMonth
            self.countedBands = countedBands
            self.ratchetMonths = ratchetMonths
            self.ratchetWindowMonths = ratchetWindowMonths
            self.floorShareOfContract = floorShareOfContract
        }
    }

    /// A per-MWh charge on every MWh imported (climate-environment charge, fuel-cost adjustment).
    public struct Adder: Sendable, Equatable, Codable {
        /// Adder name.
        public var name: String
        /// Price in currency/MWh (may be negative, e.g. a fuel-cost refund).
        public var pricePerMWh: Double

        /// Creates an adder.
        public init(name: String, pricePerMWh: Double) {
            self.name = name
            self.pricePerMWh = pricePerMWh
        }
    }

    /// A charge proportional to the bill before tax (e.g. the electric power industry fund, 3.7 %).
    public struct Surcharge: Sendable, Equatable, Codable {
        /// Surcharge name.
        public var name: String
        /// Share of the bill, e.g. 0.037.
        public var share: Double

        /// Creates a surcharge.
        public init(name: String, share: Double) {
            self.name = name
            self.share = share
        }
    }

    /// A multiplier on the energy price in some hours (KEPCO 2026: spring/autumn weekend 11-14 h at 50 %).
    public struct Discount: Sendable, Equatable, Codable {
        /// Discount name.
        public var name: String
        /// Seasons it applies in.
        public var seasons: [String]
        /// Day types it applies on.
        public var dayTypes: [DayType]
        /// Hours beginning (0-23) it applies in.
        public var hours: [Int]
        /// Multiplier on the energy price (0.5 = half price).
        public var factor: Double

        /// Creates a discount.
        public init(name: String, seasons: [String], dayTypes: [DayType], hours: [Int], factor: Double) {
            self.name = name
            self.seasons = seasons
            self.dayTypes = dayTypes
            self.hours = hours
            self.factor = factor
        }
    }

    /// Tariff name (`KEPCO industrial (B) high-voltage B option III`).
    public var name: String
    /// Currency code of every price (`KRW`).
    public var currency: String
    /// Where the numbers come from (publisher, document, URL).
    public var source: String
    /// Date the rates took effect (ISO-8601 date).
    public var effectiveDate: String
    /// Seasons by month.
    public var seasons: [Season]
    /// Band names, cheapest first (`light`, `mid`, `peak`).
    public var bands: [String]
    /// Band of each hour by season and day type.
    public var schedules: [BandSchedule]
    /// Energy price per season and band.
    public var energyPrices: [EnergyPrice]
    /// The demand charge, if the tariff has one.
    public var demandCharge: DemandCharge?
    /// Per-MWh adders.
    public var adders: [Adder]
    /// Percentage surcharges.
    public var surcharges: [Surcharge]
    /// Special discounts.
    public var discounts: [Discount]

    /// Creates a tariff.
    public init(
        name: String, currency: String, source: String = "", effectiveDate: String = "", seasons: [Season],
        bands: [String], schedules: [BandSchedule], energyPrices: [EnergyPrice], demandCharge: DemandCharge? = nil,
        adders: [Adder] = [], surcharges: [Surcharge] = [], discounts: [Discount] = []
    ) {
        self.name = name
        self.currency = currency
        self.source = source
        self.effectiveDate = effectiveDate
        self.seasons = seasons
        self.bands = bands
        self.schedules = schedules
        self.energyPrices = energyPrices
        self.demandCharge = demandCharge
        self.adders = adders
        self.surcharges = surcharges
        self.discounts = discounts
    }

    /// The season covering `month` (1-12), if any.
    public func season(month: Int) -> String? { seasons.first { $0.months.contains(month) }?.name }

    /// The band of an hour beginning `hour` (0-23) of a day of `dayType` in `month`, if the tariff defines it.
    public func band(month: Int, dayType: DayType, hour: Int) -> String? {
        guard let season = season(month: month), (0..<24).contains(hour),
            let schedule = schedules.first(where: { $0.dayTypes.contains(dayType) && $0.seasons.contains(season) }),
            schedule.hourBands.count == 24
        else { return nil }
        return schedule.hourBands[hour]
    }

    /// The sum of all per-MWh adders, currency/MWh.
    public var adderTotal: Double { adders.reduce(0) { $0 + $1.pricePerMWh } }

    /// The sum of all surcharge shares (multiply a bill by `1 + surchargeShare`).
    public var surchargeShare: Double { surcharges.reduce(0) { $0 + $1.share } }

    /// The price of one MWh imported in an hour, currency/MWh: energy price times any discount factor plus
    /// adders, before surcharges; `nil` when the tariff does not cover the hour.
    public func energyPrice(month: Int, dayType: DayType, hour: Int) -> Double? {
        guard let season = season(month: month), let band = band(month: month, dayType: dayType, hour: hour),
            let price = energyPrices.first(where: { $0.season == season && $0.band == band })?.pricePerMWh
        else { return nil }
        let factor = discounts.filter { $0.seasons.contains(season) && $0.dayTypes.contains(dayType) && $0.hours.contains(hour) }
            .reduce(1.0) { $0 * $1.factor }
        return price * factor + adderTotal
    }
}
