import Foundation

extension DispatchFormulation {
    /// Hours summed by one block sum of a window cost (``addObjectiveSum(unit:)``). Short blocks keep the cost rows
    /// light in GLPK's interior point (each row couples every cost column of its hours); measured on the backtest's
    /// CVaR LPs (docs/uncertainty.md, "Speed"): 2-8 h solve alike, a day takes a third longer.
    static let objectiveSumBlockHours = 4

    /// This window's objective in `unit`s, for scenario LPs that weight or bound whole windows:
    ///
    /// `(constant + Σ_h Σ_{j of hour h} c_j·x_j + Σ_{j of the whole window} c_j·x_j) / unit = constant / unit + terms`,
    ///
    /// the hourly costs summed by the partial sums of ``addPartialSums(_:id:blockHours:terms:)``
    /// (`scenario_cost_sum(window,tNNNN)`), so no row grows with the horizon: a cost row over all hours would touch
    /// every column with a cost. The caller writes `terms` into its own row; no column holds the total (a free one
    /// made GLPK's interior point slower).
    /// - Parameter unit: the currency amount of one unit of the sum, chosen so that the coefficients are near 1.
    mutating func addObjectiveSum(unit: Double) -> (terms: Expression, constant: Double) {
        var hourly = [Expression](repeating: [], count: window.count)
        var whole: Expression = []
        for (column, coefficient) in builder.objectiveCoefficients.enumerated() where coefficient != 0 {
            let term = (column: column, coefficient: coefficient / unit)
            if let h = columnCosts[column].hour { hourly[h].append(term) } else { whole.append(term) }
        }
        let sums = addPartialSums("scenario_cost", id: "window", blockHours: Self.objectiveSumBlockHours, terms: hourly)
        return (SparseSum(whole).adding(sums).terms, builder.objectiveConstant / unit)
    }

    /// The power of ten nearest the largest hourly cost coefficient: the unit of ``addObjectiveSum(unit:)`` that
    /// keeps the cost rows' coefficients near 1 (with the value of lost load, 2.5e7 KRW/MWh on the example, 1e7 KRW).
    var objectiveSumUnit: Double {
        let largest = builder.objectiveCoefficients.indices.reduce(0.0) { largest, column in
            columnCosts[column].hour == nil ? largest : max(largest, abs(builder.objectiveCoefficients[column]))
        }
        return largest > 0 ? pow(10, log10(largest).rounded()) : 1
    }
}
