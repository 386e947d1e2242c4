import EnergyCalendar
import Foundation

/// Contiguous hourly load (and optionally temperature) history, the plain-value input of every model.
public struct ForecastHistory: Sendable {
    /// The instant of hour 0.
    public let start: Date
    /// Hourly load (MW), one value per hour from `start`; all finite.
    public let load: [Double]
    /// Hourly temperature (degrees C) from `start`; at least `load.count` values, more when future temperatures
    /// for the forecast horizon are known. `nil` when there are none.
    public let temperature: [Double]?
    /// The calendar wall-clock hours, weekdays and holidays are read in.
    public let calendar: LocalCalendar

    /// Creates a history, checking that every load and temperature is finite and temperatures cover the load.
    public init(start: Date, load: [Double], temperature: [Double]?, calendar: LocalCalendar) throws(ForecastError) {
        if let bad = load.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError(kind: .invalidValue, input: "load", hour: bad, expected: "a finite number",
                                found: "\(load[bad])")
        }
        if let temperature {
            guard temperature.count >= load.count else {
                throw ForecastError(kind: .lengthMismatch, input: "temperature", hour: nil, expected: ">= \(load.count) hours",
                                    found: "\(temperature.count)")
            }
            if let bad = temperature.firstIndex(where: { !$0.isFinite }) {
                throw ForecastError(kind: .invalidValue, input: "temperature", hour: bad,
                                    expected: "a finite number", found: "\(temperature[bad])")
            }
        }
        self.start = start
        self.load = load
        self.temperature = temperature
        self.calendar = calendar
    }

    /// The instant of hour `index` (0-based; may lie beyond the history).
    public func date(ofHour index: Int) -> Date {
        start.addingTimeInterval(Double(index) * 3600)
    }

    /// The hour index of an instant, or `nil` when it is not on the hourly grid.
    public func hourIndex(of date: Date) -> Int? {
        let offset = date.timeIntervalSince(start) / 3600
        guard offset.rounded() == offset, abs(offset) < 1e9 else { return nil }
        return Int(offset)
    }

    /// The hour indices of 00:00 local time of every local day between `from` and `to` inclusive
    /// (day numbers as in `LocalCalendar.localDayNumber`).
    public func midnightOrigins(fromDay first: Int, toDay last: Int) -> [Int] {
        guard first <= last else { return [] }
        return (first...last).compactMap { hourIndex(of: calendar.startOfDay(dayNumber: $0)) }
    }
}
