import GridModel

extension DispatchFormulation {
    /// Hours summed by one block sum of a period sum by default. A day keeps every row short (about
    /// 24 times an hour's terms) while adding only one column and one row per day; measured on the
    /// example year (docs/dispatch.md, "Period sums"): 12-48 h solve alike, 1 h makes GLPK's interior
    /// point fail.
    static let defaultPeriodSumBlockHours = 24

    /// Block sums added up by one group sum of the next level: about a month of days, so the example year's
    /// target row holds 12 group sums.
    static let periodSumFanIn = 32

    /// Adds `lower ≤ initial + Σ_h terms[h] + final ≤ upper` over the window's hours as a tree of bounded partial
    /// sums, so that no row or column grows with the horizon (GLPK's interior point factorises A·D·Aᵀ, where one
    /// dense row costs the square of its length):
    ///
    /// - one block sum per `periodSumBlockHours` hours, `D_k − Σ_{h ∈ block k} terms[h] = 0` (column
    ///   `name_sum(id,tNNNN)` named by the block's last hour, row `name_step(id,tNNNN)`);
    /// - group sums of up to ``periodSumFanIn`` sums of the level below, `G − Σ children = 0` (column
    ///   `name_level2_sum(id,tNNNN)`, row `name_level2_step(id,tNNNN)`, then level 3 ...), until at most
    ///   ``periodSumFanIn`` sums are left;
    /// - the target row `name`: `lower − initial ≤ Σ top sums + final ≤ upper − initial`.
    ///
    /// Every partial sum gets the lower bound its terms' column bounds imply (else the upper one): a free column
    /// is split in two by GLPK's interior point, and a long chain of running totals (values near the whole year's)
    /// made it stop on "numerical instability" on the example year with an EV fleet (docs/dispatch.md).
    /// A window of one block keeps the single row `name` (the same LP as a direct sum).
    /// - Parameters:
    ///   - name: the target row's name (`re_share`, `co2_cap`, `ppa_volume(ppa_wind)`).
    ///   - id: the component id in the partial sums' names (`complex`, a PPA's name).
    ///   - initial: the part of the sum already spent before the window (e.g. year to date).
    ///   - final: terms that enter the target row only (certificate purchases).
    ///   - terms: the weighted terms of each window hour, `terms[h]`.
    /// - Returns: the target row.
    @discardableResult
    mutating func addPeriodSum(_ name: String, id: String, initial: Double = 0, lower: Double, upper: Double,
                               final: Expression = [], terms: [Expression]) -> Int {
        let family = String(name.prefix { $0 != "(" })
        let total = SparseSum(final).adding(addPartialSums(family, id: id, blockHours: periodSumBlockHours, terms: terms))
        return builder.addRow(name: name, lower: lower - initial, upper: upper - initial, terms: total.terms)
    }

    /// The tree of ``addPeriodSum(_:id:initial:lower:upper:final:terms:)`` without its target row: block sums of
    /// `blockHours` hours and group sums up to at most ``periodSumFanIn`` top sums (columns `family_sum(id,tNNNN)`,
    /// `family_level2_sum(id,tNNNN)` ...).
    /// - Returns: the top sums, each with coefficient 1 (their total is `Σ_h terms[h]`), or the terms themselves
    ///   when the window is one block.
    mutating func addPartialSums(_ family: String, id: String, blockHours block: Int, terms: [Expression]) -> Expression {
        guard window.count > block else {
            var sum = SparseSum()
            for h in 0..<window.count { sum.add(terms[h]) }
            return sum.terms
        }
        var level: [PartialSum] = stride(from: 0, to: window.count, by: block).map { first in
            let last = min(first + block, window.count) - 1
            var sum = SparseSum()
            for h in first...last { sum.add(terms[h]) }
            return addPartialSum("\(family)_sum", "\(family)_step", id: id, hour: last, terms: sum.terms)
        }
        var depth = 2
        while level.count > Self.periodSumFanIn {
            level = stride(from: 0, to: level.count, by: Self.periodSumFanIn).map { first in
                let children = level[first..<min(first + Self.periodSumFanIn, level.count)]
                return addPartialSum("\(family)_level\(depth)_sum", "\(family)_level\(depth)_step", id: id,
                                     hour: children.last!.hour, terms: children.map { ($0.column, 1.0) })
            }
            depth += 1
        }
        return level.map { ($0.column, 1.0) }
    }

    /// A partial-sum column `column(id,t)` equal to `terms` (row `row(id,t)`), bounded by ``sumBound(_:)``.
    private mutating func addPartialSum(_ column: String, _ row: String, id: String, hour: Int,
                                        terms: Expression) -> PartialSum {
        let snapshot = window.snapshot(hour)
        let (lower, upper) = sumBound(terms)
        let sum = addColumn(ComponentName.hourly(column, id, snapshot), lower: lower, upper: upper)
        builder.addRow(name: ComponentName.hourly(row, id, snapshot), lower: 0, upper: 0,
                       terms: SparseSum([(sum, 1)]).adding(terms, scale: -1).terms)
        return PartialSum(column: sum, hour: hour)
    }

    /// One side of the range `terms` can take under their columns' bounds, widened by a margin (1 plus 0.1 %) so
    /// a plan pinned a rounding hair outside a bound stays feasible: the lower side when it is finite, else the
    /// upper side, else none. One side only: GLPK's interior point turns a column with two bounds into a column
    /// and a row.
    private func sumBound(_ terms: Expression) -> (lower: Double, upper: Double) {
        var lower = 0.0, upper = 0.0
        for (column, coefficient) in terms {
            let (low, high) = builder.columnBounds(column)
            lower += coefficient > 0 ? coefficient * low : coefficient * high
            upper += coefficient > 0 ? coefficient * high : coefficient * low
        }
        if lower.isFinite { return (lower - 1 - 1e-3 * abs(lower), .infinity) }
        if upper.isFinite { return (-.infinity, upper + 1 + 1e-3 * abs(upper)) }
        return (-.infinity, .infinity)
    }
}

/// A partial sum's column and the window hour it ends at.
private struct PartialSum {
    var column: Int
    var hour: Int
}
