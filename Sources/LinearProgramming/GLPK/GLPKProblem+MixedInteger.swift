import CGLPK

/// Branch and cut for models with integer columns.
extension GLPKProblem {
    func solveMixedInteger(options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = Self.glpkMessageLevel(options.messageLevel)
        parameters.presolve = GLP_ON
        parameters.mip_gap = options.mipGap
        if let limit = options.timeLimitSeconds { parameters.tm_lim = GLPKProblem.milliseconds(limit) }
        scale(options.scaling)
        // The search tree's gap is only readable inside the callback: keep the last one seen.
        var lastGap = Double.infinity
        var code: Int32 = 0
        let intopt = withUnsafeMutablePointer(to: &lastGap) { gap in
            parameters.cb_info = UnsafeMutableRawPointer(gap)
            parameters.cb_func = { tree, info in
                guard let tree, let info else { return }
                info.assumingMemoryBound(to: Double.self).pointee = glp_ios_mip_gap(tree)
            }
            return re100_glpk_intopt(problem, &parameters, &code)
        }
        if intopt == RE100_GLPK_ERROR { throw lost("branch-and-cut") }
        let status = glp_mip_status(problem)
        var outcome = GLPKOutcome(status: .numericalFailure, hasPrimal: false, hasDual: false,
                                  source: .mixedInteger, method: options.method)
        outcome.iterations = Int(glp_get_it_cnt(problem))
        let feasible = status == GLP_OPT || status == GLP_FEAS
        outcome.hasPrimal = feasible
        switch code {
        case 0 where status == GLP_OPT: outcome.status = .optimal
        case 0 where status == GLP_NOFEAS: outcome.status = .infeasible
        case GLP_ENOPFS: outcome.status = .infeasible
        case GLP_ENODFS: outcome.status = .infeasibleOrUnbounded
        case GLP_EMIPGAP: outcome.status = .optimal
        case GLP_ETMLIM: outcome.status = .timeLimit
        default: outcome.status = .numericalFailure
        }
        if feasible {
            // A search that ran to completion proved optimality (gap 0); otherwise the last gap
            // the tree reported.
            outcome.mipGap = code == 0 && status == GLP_OPT ? 0 : lastGap
        }
        return outcome
    }
}

extension GLPKProblem {
    /// A time limit in seconds as GLPK's `tm_lim` (milliseconds, `Int32`), saturating instead of trapping for
    /// limits beyond 24.8 days or not finite.
    static func milliseconds(_ seconds: Double) -> Int32 {
        let value = (seconds * 1000).rounded(.up)
        guard value.isFinite else { return value > 0 ? .max : 0 }
        return value >= Double(Int32.max) ? .max : value <= 0 ? 0 : Int32(value)
    }
}
