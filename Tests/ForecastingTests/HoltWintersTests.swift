import Foundation
import Testing
@testable import Forecasting

/// `HoltWinters` against a series worked through by hand, with short periods (day 2, week 4 hours).
@Suite("Double-seasonal Holt-Winters by hand")
struct HoltWintersTests {
    static let periods = HoltWinters.Periods(day: 2, week: 4)
    /// Two initial "weeks" of 4 hours, then 4 hours the recursions run over.
    static let series: [Double] = [10, 14, 8, 12, 10, 14, 8, 12, 12, 13, 9, 12]
    static let half = [0.5, 0.5, 0.5, 0.5]

    @Test("Initial states: level, daily and weekly means of the first two weeks")
    func initialState() {
        // level = (10 + 14 + 8 + 12) / 4 = 11; daily: even hours (10, 8, 10, 8) - 11 -> -2, odd hours -> +2;
        // weekly: y - 11 - daily = 10 - 11 + 2 = 1, 14 - 11 - 2 = 1, 8 - 11 + 2 = -1, 12 - 11 - 2 = -1.
        let state = HoltWinters.initialState(Self.series, periods: Self.periods)
        #expect(state.level == 11)
        #expect(state.daily == [-2, 2])
        #expect(state.weekly == [1, 1, -1, -1])
        #expect(state.error == 0)
    }

    @Test("Recursions and the AR(1)-adjusted forecast match the hand computation")
    func recursions() {
        // alpha = delta = omega = phi = 0.5.
        // t = 8: e = 12 - (11 - 2 + 1) = 2; l = 11 + 0.5 * 2 = 12; d0 = -2 + 0.5 (12 - 12 - 1 + 2) = -1.5;
        //        w0 = 1 + 0.5 (12 - 12 + 2 - 1) = 1.5.
        // t = 9: e = 13 - (12 + 2 + 1) = -2; l = 11; d1 = 2 + 0.5 (13 - 11 - 1 - 2) = 1.5;
        //        w1 = 1 + 0.5 (13 - 11 - 2 - 1) = 0.5.
        // Forecasts after hour 9: 11 - 1.5 - 1 + 0.5 (-2) = 7.5; 11 + 1.5 - 1 + 0.25 (-2) = 11;
        //                         11 - 1.5 + 1.5 + 0.125 (-2) = 10.75.
        let model = HoltWinters(parameters: Self.half, periods: Self.periods)
        let forecast = model.forecast(after: Self.series[..<10], horizon: 3)
        #expect(forecast == [7.5, 11, 10.75])
        let state = HoltWinters.run(Array(Self.series[..<10]), parameters: Self.half, periods: Self.periods,
                                    horizon: 0).state
        #expect(state.level == 11)
        #expect(state.daily == [-1.5, 1.5])
        #expect(state.weekly == [1.5, 0.5, -1, -1])
        #expect(state.error == -2)
    }

    @Test("The fitting criterion sums the squared 1...h-step errors from origins a whole day before the end")
    func horizonErrors() {
        // Origins at hours 8 and 10 (12 - t a multiple of the 2-hour day), two steps each:
        // from 8 (initial state, e = 0): forecasts 11 - 2 + 1 = 10 and 11 + 2 + 1 = 14 against 12 and 13:
        //   errors 2 and -1; from 10 (state above): 7.5 and 11 against 9 and 12: errors 1.5 and 1.
        // Sum of squares 4 + 1 + 2.25 + 1 = 8.25. With one step only: 4 + 2.25 = 6.25.
        let twoSteps = HoltWinters.run(Self.series, parameters: Self.half, periods: Self.periods, horizon: 2)
        #expect(twoSteps.squaredErrors == 8.25)
        let oneStep = HoltWinters.run(Self.series, parameters: Self.half, periods: Self.periods, horizon: 1)
        #expect(oneStep.squaredErrors == 6.25)
    }

    @Test("The fitted parameters stay in [0, 1] and do no worse than the start on the fitting criterion")
    func fittedParameters() {
        let series = (0..<(6 * 168)).map { Synthetic.pattern($0) + 5 * sin(Double($0) / 37) }
        let model = HoltWinters(fitting: series[...], horizon: 24)
        #expect(model.parameters.allSatisfy { (0...1).contains($0) })
        let fitted = HoltWinters.run(series, parameters: model.parameters, periods: .init(), horizon: 24).squaredErrors
        let start = HoltWinters.run(series, parameters: HoltWinters.start, periods: .init(), horizon: 24).squaredErrors
        #expect(fitted < start)
    }
}
