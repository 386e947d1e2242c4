import CGLPK

/// Turns GLPK's interior-point answer into a simplex starting basis with exactly one basic
/// variable per row: variables strictly between their bounds are basic, the others non-basic at
/// the bound they sit on. When the count is off, the variables nearest a bound leave the basis
/// (too many) or the rows whose slack is furthest from binding join it (too few).
struct CrossoverBasis {
    let problem: OpaquePointer

    /// A candidate: a row (`isRow`) or column, its 1-based index, its bound status if non-basic,
    /// and how far (relatively) it is from its nearest bound.
    private struct Candidate {
        var isRow: Bool
        var index: Int32
        var boundStatus: Int32
        var distance: Double
    }

    func install() {
        let rows = Int(glp_get_num_rows(problem)), columns = Int(glp_get_num_cols(problem))
        var candidates: [Candidate] = []
        candidates.reserveCapacity(rows + columns)
        for i in 1...max(rows, 1) where rows > 0 {
            let i = Int32(i)
            candidates.append(classify(isRow: true, index: i, type: glp_get_row_type(problem, i),
                                       lower: glp_get_row_lb(problem, i), upper: glp_get_row_ub(problem, i),
                                       value: glp_ipt_row_prim(problem, i)))
        }
        for j in 1...max(columns, 1) where columns > 0 {
            let j = Int32(j)
            candidates.append(classify(isRow: false, index: j, type: glp_get_col_type(problem, j),
                                       lower: glp_get_col_lb(problem, j), upper: glp_get_col_ub(problem, j),
                                       value: glp_ipt_col_prim(problem, j)))
        }
        // Most interior first: the first `rows` candidates become basic. Ties keep rows (slacks)
        // ahead of columns, which keeps the basis well conditioned. The sort is stable and the
        // order deterministic.
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.distance != y.distance { return x.distance > y.distance }
            if x.isRow != y.isRow { return x.isRow }
            return a < b
        }
        for (rank, position) in order.enumerated() {
            let candidate = candidates[position]
            let status = rank < rows ? GLP_BS : candidate.boundStatus
            if candidate.isRow {
                glp_set_row_stat(problem, candidate.index, status)
            } else {
                glp_set_col_stat(problem, candidate.index, status)
            }
        }
    }

    private func classify(isRow: Bool, index: Int32, type: Int32, lower: Double, upper: Double,
                          value: Double) -> Candidate {
        let scale = 1 + abs(value)
        switch type {
        case GLP_FR:
            return Candidate(isRow: isRow, index: index, boundStatus: GLP_NF, distance: .infinity)
        case GLP_LO:
            return Candidate(isRow: isRow, index: index, boundStatus: GLP_NL, distance: (value - lower) / scale)
        case GLP_UP:
            return Candidate(isRow: isRow, index: index, boundStatus: GLP_NU, distance: (upper - value) / scale)
        case GLP_FX:
            return Candidate(isRow: isRow, index: index, boundStatus: GLP_NS, distance: -1)
        default:
            let toLower = value - lower, toUpper = upper - value
            return Candidate(isRow: isRow, index: index, boundStatus: toLower <= toUpper ? GLP_NL : GLP_NU,
                             distance: min(toLower, toUpper) / scale)
        }
    }
}
