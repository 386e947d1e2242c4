import EnergyCalendar
import Foundation
import GridModel

/// The snapshots of one LP: `start ..< start + count` of the network's time axis, with the local
/// calendar fields the tariff needs, computed once per hour.
struct HourWindow {
    /// First snapshot (0-based index into the time axis).
    let start: Int
    /// Number of snapshots in the LP.
    let count: Int
    /// Local wall-clock fields of every hour, length `count`.
    let localTimes: [LocalTime]
    /// Day type of every hour (holidays count as Sundays), length `count`.
    let dayTypes: [DayType]

    init(axis: TimeAxis, start: Int, count: Int, calendar: LocalCalendar) {
        self.start = start
        self.count = count
        var times: [LocalTime] = []
        var types: [DayType] = []
        times.reserveCapacity(count)
        types.reserveCapacity(count)
        for h in 0..<count {
            let time = calendar.localTime(axis.snapshots[start + h])
            times.append(time)
            types.append(calendar.dayType(of: time))
        }
        localTimes = times
        dayTypes = types
    }

    /// The snapshot index of window hour `h`.
    func snapshot(_ h: Int) -> Int { start + h }

    /// The band of `tariff` in window hour `h` (season by local month, day type, hour of day), nil where the
    /// tariff does not cover the hour.
    func band(of tariff: Tariff, hour h: Int) -> String? {
        let time = localTimes[h]
        return tariff.band(month: time.month, dayType: dayTypes[h], hour: time.hour)
    }

    /// `yyyy-mm` of window hour `h` (the billing month).
    func monthKey(_ h: Int) -> String {
        let time = localTimes[h]
        return String(format: "%04d-%02d", time.year, time.month)
    }

    /// Hours in the calendar month of window hour `h` (days × 24).
    func hoursInMonth(_ h: Int) -> Double {
        let time = localTimes[h]
        let days: Int
        switch time.month {
        case 2: days = (time.year % 4 == 0 && time.year % 100 != 0) || time.year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: days = 30
        default: days = 31
        }
        return Double(days * 24)
    }
}
