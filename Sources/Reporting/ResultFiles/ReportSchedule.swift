/// `schedule.csv` and `prices.csv` of a result directory as the HTML report needs them: hourly series derived
/// from one row per hour and unit (docs/outputs.md). Pure values; reading the files is the CLI's job.
public struct ReportSchedule: Sendable {
    /// One row of `schedule.csv`; an empty cell is NaN.
    public struct Row: Sendable, Equatable {
        /// Start of the hour as written (`2026-01-01T00:00+09:00`).
        public var timestamp: String
        /// The unit's name.
        public var unit: String
        /// Its kind (`generator`, `storage_unit`, `store`, `ppa`, `grid`, `load`, ...).
        public var component: String
        /// Its bus (empty for virtual PPAs).
        public var bus: String
        /// Its carrier (may be empty).
        public var carrier: String
        /// Power injected into the bus, MW.
        public var powerMW: Double
        /// Charging (storage) or export (grid), MW; NaN when empty.
        public var chargeMW: Double
        /// Discharging (storage) or import (grid), MW; NaN when empty.
        public var dischargeMW: Double
        /// Stored energy at the end of the hour, MWh; NaN when empty.
        public var stateOfChargeMWh: Double
        /// Curtailed (generators, PPAs) or unserved (loads), MW; NaN when empty.
        public var curtailedMW: Double

        /// A row with every column of `schedule.csv`.
        public init(timestamp: String, unit: String, component: String, bus: String, carrier: String, powerMW: Double,
                    chargeMW: Double = .nan, dischargeMW: Double = .nan, stateOfChargeMWh: Double = .nan,
                    curtailedMW: Double = .nan) {
            self.timestamp = timestamp
            self.unit = unit
            self.component = component
            self.bus = bus
            self.carrier = carrier
            self.powerMW = powerMW
            self.chargeMW = chargeMW
            self.dischargeMW = dischargeMW
            self.stateOfChargeMWh = stateOfChargeMWh
            self.curtailedMW = curtailedMW
        }
    }

    /// One named hourly series (a carrier's supply, a storage unit's state of charge, a bus's price).
    public struct Series: Sendable, Equatable {
        /// The label shown in legends.
        public var name: String
        /// The carrier or category it belongs to (chooses its colour).
        public var category: String
        /// One value per hour of `hours`.
        public var values: [Double]
    }

    /// Carriers counted as carbon-free in the hourly CFE heatmap when `summary.json` does not list them: the
    /// renewable and nuclear carriers of docs/grid-format.md's examples. The grid connection is not clean.
    public static let defaultCleanCarriers: Set<String> = [
        "solar", "pv", "wind", "onwind", "offwind", "hydro", "ror", "geothermal", "biomass", "nuclear",
        "hydrogen", "green_hydrogen", "tidal", "wave",
    ]

    /// The distinct hours in file order.
    public var hours: [String] { hourOrder.names }
    /// The rows as given.
    public let rows: [Row]
    private let hourOrder: FirstAppearanceOrder

    /// Groups `rows` by hour (hours in first-appearance order).
    public init(rows: [Row]) {
        var order = FirstAppearanceOrder()
        for row in rows { _ = order.slot(of: row.timestamp) }
        self.rows = rows
        self.hourOrder = order
    }

    /// Sums `value(row)` per hour and per key `key(row)` over the rows `key` does not map to nil; series in
    /// order of first appearance.
    func grouped(key: (Row) -> (name: String, category: String)?, value: (Row) -> Double) -> [Series] {
        var series: [Series] = []
        var order = FirstAppearanceOrder()
        for row in rows {
            guard let key = key(row), let hour = hourOrder.index(of: row.timestamp) else { continue }
            let slot = order.slot(of: key.name)
            if slot.isNew {
                series.append(Series(name: key.name, category: key.category, values: Array(repeating: 0, count: hours.count)))
            }
            let amount = value(row)
            if amount.isFinite { series[slot.index].values[hour] += amount }
        }
        return series
    }

    /// Supply injected into buses per hour and source: generators by carrier, physical PPAs by carrier
    /// (`solar PPA`), storage discharge by carrier, EV fleets' V2G, grid import; only positive injections.
    public var supply: [Series] {
        grouped(key: { row in
            let carrier = row.carrier.isEmpty ? "other" : row.carrier
            switch row.component {
            case "generator": return (carrier, carrier)
            case "ppa" where !row.bus.isEmpty: return (carrier + " PPA", carrier)
            case "storage_unit", "store": return (carrier + " discharge", "storage")
            case "ev_fleet": return ("EV V2G", "storage")
            case "grid": return ("grid import", "grid")
            default: return nil
            }
        }, value: { max($0.powerMW, 0) })
    }

    /// Served demand of all loads per hour (MW).
    public var load: [Double] {
        total(grouped(key: { $0.component == "load" ? ("load", "load") : nil }, value: \.powerMW))
    }

    /// Load plus storage and EV charging per hour (MW): what the stacked supply covers.
    public var loadWithCharging: [Double] {
        let charging = grouped(key: { ["storage_unit", "store", "ev_fleet"].contains($0.component) ? ("charging", "storage") : nil },
                               value: { max(-$0.powerMW, 0) })
        return zip(load, total(charging)).map { $0 + $1 }
    }

    /// Grid import per hour (MW; exports count as zero).
    public var gridImport: [Double] {
        total(grouped(key: { $0.component == "grid" ? ("grid", "grid") : nil }, value: { max($0.powerMW, 0) }))
    }

    /// Stored energy at the end of each hour per storage unit and store (MWh).
    public var stateOfCharge: [Series] {
        grouped(key: { ["storage_unit", "store"].contains($0.component) ? ($0.unit, $0.carrier) : nil },
                value: \.stateOfChargeMWh)
    }

    /// Energy in each EV fleet's batteries at the end of each hour (MWh).
    public var fleetEnergy: [Series] {
        grouped(key: { $0.component == "ev_fleet" ? ($0.unit, "ev_fleet") : nil }, value: \.stateOfChargeMWh)
    }

    /// Requested and served power of each flexible load per hour (MW): the loads whose rows carry moved power
    /// (`charge_mw`, `discharge_mw`); requested = served + unserved − moved in + moved out.
    public var flexibleLoads: [(name: String, requested: [Double], served: [Double])] {
        let flexible = { (row: Row) in row.component == "load" && row.chargeMW.isFinite ? (row.unit, "load") : nil }
        let served = grouped(key: flexible, value: \.powerMW)
        let requested = grouped(key: flexible) { row in
            row.powerMW + (row.curtailedMW.isFinite ? row.curtailedMW : 0) - row.chargeMW
                + (row.dischargeMW.isFinite ? row.dischargeMW : 0)
        }
        return zip(served, requested).map { ($0.name, $1.values, $0.values) }
    }

    /// Per hour: consumption (generation + grid import + physical PPA delivery − export, docs/kpis.md) and its
    /// carbon-free part `min(consumption, clean)`, clean counting generators and physical PPAs of `cleanCarriers`
    /// (and the grid if its carrier is listed) minus exports.
    public func carbonFree(cleanCarriers: Set<String>) -> (consumption: [Double], carbonFree: [Double]) {
        var consumption = Array(repeating: 0.0, count: hours.count)
        var clean = Array(repeating: 0.0, count: hours.count)
        for row in rows {
            guard let hour = hourOrder.index(of: row.timestamp), row.powerMW.isFinite else { continue }
            let counts = row.component == "generator" || row.component == "grid" || (row.component == "ppa" && !row.bus.isEmpty)
            guard counts else { continue }
            consumption[hour] += row.powerMW
            if cleanCarriers.contains(row.carrier) {
                clean[hour] += row.powerMW
            } else if row.component == "grid" && row.powerMW < 0 {
                clean[hour] += row.powerMW  // exports are taken from clean supply first
            }
        }
        return (consumption, zip(consumption, clean).map { max(min($0, $1), 0) })
    }

    /// The element-wise sum of `series` (zeros when empty).
    func total(_ series: [Series]) -> [Double] {
        series.reduce(into: Array(repeating: 0.0, count: hours.count)) { sum, item in
            for index in sum.indices { sum[index] += item.values[index] }
        }
    }
}
