extension DispatchFormulation {
    /// Adds a free column `scenario_cost_value` equal to this window's objective (every column's cost, terminal
    /// energy values included, plus the objective constant), for scenario LPs that weight or bound whole windows:
    ///
    /// `scenario_cost_value = constant + Σ_h Σ_{j of hour h} c_j·x_j + Σ_{j of the whole window} c_j·x_j`,
    ///
    /// written with ``addPeriodSum(_:id:initial:lower:upper:final:terms:)`` (row `scenario_cost`), so no row grows
    /// with the horizon: a cost row over all hours would touch every column with a cost.
    /// - Returns: the column.
    mutating func addObjectiveSum() -> Int {
        var hourly = [Expression](repeating: [], count: window.count)
        var whole: Expression = []
        for (column, coefficient) in builder.objectiveCoefficients.enumerated() where coefficient != 0 {
            if let h = columnCosts[column].hour { hourly[h].append((column, coefficient)) } else { whole.append((column, coefficient)) }
        }
        let total = addColumn("scenario_cost_value", lower: -.infinity, upper: .infinity)
        addPeriodSum("scenario_cost", id: "window", initial: builder.objectiveConstant, lower: 0, upper: 0,
                     final: whole + [(total, -1)], terms: hourly)
        return total
    }
}
