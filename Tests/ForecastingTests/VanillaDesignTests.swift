import Foundation
import Testing
@testable import Forecasting

@Suite("Hong's vanilla regression: the design matrix")
struct VanillaDesignTests {
    /// Hong's vanilla model (Hong 2010 thesis; Hong, Pinson, Fan 2014), written out independently of the design
    /// code: the terms of one hour as (term name, value), with every class variable as a full set of dummies,
    /// and January the reference month of the month-level terms.
    static func hongTerms(row: Int, hour: Int, weekday: Int, month: Int, temperature: Double) -> [String: Double] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        var terms: [String: Double] = ["Trend": Double(row) / 8766]
        if month > 0 { terms["Month[\(months[month])]"] = 1 }
        terms["Weekday[\(days[weekday])]xHour[\(hour)]"] = 1
        let powers = ["T": temperature, "T^2": temperature * temperature,
                      "T^3": temperature * temperature * temperature]
        for (name, value) in powers {
            terms["\(name)xHour[\(hour)]"] = value
            if month > 0 { terms["\(name)xMonth[\(months[month])]"] = value }
        }
        return terms
    }

    /// A year of hours from Monday 2021-01-04 with a varying temperature.
    func design() throws -> (RegressionDesign, CalendarFeatures, [Double]) {
        let count = 366 * 24
        let temperature: [Double] = (0..<count).map { hour in
            let seasonal: Double = 12 * sin(Double(hour) / 300)
            let wiggle: Double = 0.37 * Double(hour % 7)
            return 5 + seasonal + wiggle
        }
        let history = try Synthetic.history(load: [Double](repeating: 1, count: count), temperature: temperature)
        let features = CalendarFeatures(history: history, count: count)
        return (RegressionDesign(recency: false, features: features, temperature: temperature, count: count),
                features, temperature)
    }

    @Test("The columns are exactly Hong's terms: 1 trend + 11 months + 7x24 weekday-hours + 3x24 T-hours + 3x11 T-months")
    func columnList() throws {
        let (vanilla, _, _) = try design()
        #expect(vanilla.design.columnCount == 1 + 11 + 168 + 72 + 33)
        let names = (0..<vanilla.design.columnCount).map(vanilla.columnName)
        #expect(Set(names).count == names.count)
        var expected: Set<String> = ["Trend"]
        let months = ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for month in months { expected.insert("Month[\(month)]") }
        for day in ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] {
            for hour in 0..<24 { expected.insert("Weekday[\(day)]xHour[\(hour)]") }
        }
        for power in ["T", "T^2", "T^3"] {
            for hour in 0..<24 { expected.insert("\(power)xHour[\(hour)]") }
            for month in months { expected.insert("\(power)xMonth[\(month)]") }
        }
        #expect(Set(names) == expected)
    }

    @Test("Every row carries exactly Hong's term values", arguments: [0, 7, 30, 1000, 4380, 6001, 8783])
    func rowValues(row: Int) throws {
        let (vanilla, features, temperature) = try design()
        var actual: [String: Double] = [:]
        let design = vanilla.design
        for slot in 0..<design.width where design.values[row * design.width + slot] != 0 {
            let name = vanilla.columnName(Int(design.columns[row * design.width + slot]))
            actual[name, default: 0] += design.values[row * design.width + slot]
        }
        let expected = Self.hongTerms(row: row, hour: features.hour[row], weekday: features.weekday[row],
                                      month: features.month[row], temperature: temperature[row]).filter { $0.value != 0 }
        #expect(actual == expected)
    }

    @Test("Hour 30 of a series from Monday 00:00 is Tuesday 06:00 in January")
    func calendarOfRow() throws {
        let (_, features, _) = try design()
        #expect(features.hour[30] == 6 && features.weekday[30] == 2 && features.month[30] == 0)
        #expect(features.month[1000] == 1)   // 2021-02-14
    }

    @Test("A sliding training window fits only the last hours: a level change before the window is forgotten")
    func slidingWindow() {
        var design = SparseDesign(rowCount: 300, width: 1, columnCount: 1)
        for row in 0..<300 { design.set(row: row, slot: 0, column: 0, value: 1) }
        let target = (0..<300).map { $0 < 150 ? 10.0 : 20.0 }
        let fits = design.fit(firstRow: 0, ends: [100, 200, 260, 300], target: target, windowRows: 50)
        let expanding = design.fit(firstRow: 0, ends: [300], target: target)
        #expect(abs(fits[0][0] - 10) < 1e-6)
        #expect(abs(fits[1][0] - 20) < 1e-6)
        #expect(abs(fits[2][0] - 20) < 1e-6)
        #expect(abs(fits[3][0] - 20) < 1e-6)
        #expect(abs(expanding[0][0] - 15) < 1e-6)
    }
}
