import GridModel

extension DispatchFormulation {
    /// Hours summed by one link of a period-sum chain by default. A day keeps every row short (about
    /// 24 times an hour's terms) while adding only one column and one row per day; measured on the
    /// example year (docs/dispatch.md, "Period sums"): 12-48 h solve alike, 1 h makes GLPK's interior
    /// point fail.
    static let defaultPeriodSumBlockHours = 24

    /// Adds `lower ≤ initial + Σ_h terms[h] + final ≤ upper` over the window's hours as a chain of
    /// partial sums, so that no row or column grows with the horizon (GLPK's interior point
    /// factorises A·D·Aᵀ, where one dense row costs the square of its length):
    ///
    /// `S_k − S_{k−1} − Σ_{h ∈ block k} terms[h] = 0` (`S_{−1}` = `initial`, a constant), then the
    /// target row `name`: `lower ≤ S_last + final ≤ upper`. `S_k` is the column `name_sum(id,tNNNN)`
    /// with the snapshot of the block's last hour; the link rows are `name_step(id,tNNNN)`.
    /// A window of one block keeps the single row `name` (the same LP as a direct sum).
    /// - Parameters:
    ///   - name: the target row's name (`re_share`, `co2_cap`, `ppa_volume(ppa_wind)`).
    ///   - id: the component id in the accumulator names (`complex`, a PPA's name).
    ///   - initial: the part of the sum already spent before the window (e.g. year to date).
    ///   - final: terms that enter the target row only (certificate purchases).
    ///   - terms: the weighted terms of each window hour, `terms[h]`.
    /// - Returns: the target row.
    @discardableResult
    mutating func addPeriodSum(_ name: String, id: String, initial: Double = 0, lower: Double, upper: Double,
                               final: Expression = [], terms: [Expression]) -> Int {
        let block = periodSumBlockHours
        guard window.count > block else {
            var sum = SparseSum(final)
            for h in 0..<window.count { sum.add(terms[h]) }
            return builder.addRow(name: name, lower: lower - initial, upper: upper - initial, terms: sum.terms)
        }
        let family = name.prefix { $0 != "(" }
        var previous: Int?
        for first in stride(from: 0, to: window.count, by: block) {
            let last = min(first + block, window.count) - 1
            let snapshot = window.snapshot(last)
            let partial = addColumn(ComponentName.hourly("\(family)_sum", id, snapshot), lower: -.infinity, upper: .infinity)
            var link = SparseSum([(partial, 1)])
            if let previous { link.add([(previous, -1)]) }
            for h in first...last { link.add(terms[h], scale: -1) }
            let constant = previous == nil ? initial : 0
            builder.addRow(name: ComponentName.hourly("\(family)_step", id, snapshot), lower: constant,
                           upper: constant, terms: link.terms)
            previous = partial
        }
        let total = SparseSum(final).adding(previous.map { [($0, 1)] } ?? [])
        return builder.addRow(name: name, lower: lower, upper: upper, terms: total.terms)
    }
}
