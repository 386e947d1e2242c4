import CGLPK

/// The continuous methods: simplex, interior point, and the interior point with crossover or certificate.
extension GLPKProblem {
    func solveContinuous(_ model: LinearModel, options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        switch options.method {
        case .primalSimplex, .dualSimplex:
            return try simplex(options: options, method: options.method)
        case .interiorPoint:
            let outcome = try interior(options: options)
            guard outcome.stoppedUnstable else { return outcome }
            // GLPK stops on numerical instability or slow convergence near many optima (relative gaps of 1e-8
            // there): its best point is kept when the certificate proves it, else the simplex gives a definite answer.
            return try provenBestPoint(outcome, model: model, options: options)
        case .interiorPointWithCrossover:
            let outcome = try interior(options: options)
            guard outcome.status == .optimal else {
                // No interior optimum to cross over from: let the simplex give a definite answer.
                var definite = try simplex(options: options, method: .primalSimplex)
                definite.method = .interiorPointWithCrossover
                return definite
            }
            return try crossover(after: outcome, model: model, options: options)
        case .interiorPointCertified:
            return try certifiedInteriorPoint(model, options: options)
        }
    }

    /// The most columns strictly inside their bounds for which the certified method still tries the crossover on a
    /// proven point. The crossover's restricted simplex grows with them: on the example year (74,000 interior
    /// columns) it takes 19 s against the interior point's 7 s, on a 48 h window (a few hundred) a few ms
    /// (docs/solver-configs.md).
    static let cheapCrossoverColumns = 20_000

    /// The interior point, then (``SolverMethod/interiorPointCertified``):
    /// 1. near a vertex (no more columns strictly inside their bounds than rows, nor than ``cheapCrossoverColumns``) the crossover, which is then
    ///    cheap, for an exact vertex; given at most the interior point's own time when a proof is in hand;
    /// 2. else, or when that crossover runs out of time, the interior point itself when its
    ///    ``OptimalityCertificate`` holds (values a hair off their bound put on it when the proof still holds);
    /// 3. else the crossover without a time budget (or the primal simplex when there is no interior optimum).
    private func certifiedInteriorPoint(_ model: LinearModel, options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let clock = ContinuousClock(), started = clock.now
        let outcome = try interior(options: options)
        let interiorSeconds = GLPKSolver.seconds(clock.now - started)
        guard outcome.status == .optimal || outcome.stoppedUnstable, let problem = pointer else {
            var definite = try simplex(options: options, method: .primalSimplex)
            definite.method = .interiorPointCertified
            return definite
        }
        let raw = (0..<model.columnCount).map { glp_ipt_col_prim(problem, Int32($0 + 1)) }
        let (proven, certificate) = proof(of: raw, in: problem, model: model, options: options)
        let interiorColumns = CrossoverBasis.interiorColumnCount(raw, model: model)
        let nearVertex = interiorColumns <= min(model.rowCount, Self.cheapCrossoverColumns)
        log?("interior point: \(interiorColumns) of \(model.columnCount) columns strictly inside their bounds, \(model.rowCount) rows")
        if outcome.status == .optimal && (nearVertex || proven == nil) {
            var budget = options
            if proven != nil { budget.timeLimitSeconds = min(options.timeLimitSeconds ?? .infinity, max(interiorSeconds, 0.05)) }
            var exact = try crossover(after: outcome, model: model, options: budget)
            exact.method = .interiorPointCertified
            if exact.status == .optimal || proven == nil { return exact }
            log?("crossover stopped (\(exact.status.rawValue)) within the interior point's time; keeping the proven point")
        }
        guard let values = proven else {
            log?("interior point not proven, solving by the primal simplex: \(certificate)")
            return try simplexAfterStall(options: options, method: .interiorPointCertified)
        }
        log?("interior point kept: \(certificate)")
        return kept(outcome, values: values, certificate: certificate, method: .interiorPointCertified)
    }

    /// The interior point's values (snapped onto their bounds where that keeps the proof, else as they are) and
    /// its certificate, when ``OptimalityCertificate`` proves them within `options.certificateTolerance`.
    private func proof(of raw: [Double], in problem: OpaquePointer, model: LinearModel,
                       options: SolverOptions) -> (values: [Double]?, certificate: OptimalityCertificate) {
        let duals = (0..<model.rowCount).map { glp_ipt_row_dual(problem, Int32($0 + 1)) }
        var certificate = OptimalityCertificate(model: model, columnValues: raw, rowDuals: duals)
        for values in [OptimalityCertificate.snappedToBounds(raw, model: model), raw] {
            certificate = OptimalityCertificate(model: model, columnValues: values, rowDuals: duals)
            if certificate.holds(tolerance: options.certificateTolerance) { return (values, certificate) }
        }
        return (nil, certificate)
    }

    /// `outcome` as an optimum with `values` kept and their certificate.
    private func kept(_ outcome: GLPKOutcome, values: [Double], certificate: OptimalityCertificate,
                      method: SolverMethod) -> GLPKOutcome {
        var outcome = outcome
        outcome.status = .optimal
        outcome.hasPrimal = true
        outcome.hasDual = true
        outcome.method = method
        outcome.certificate = certificate
        outcome.keptValues = values
        return outcome
    }

    /// The best point of an interior point that stopped on numerical instability, when proven; else the primal
    /// simplex's answer.
    private func provenBestPoint(_ outcome: GLPKOutcome, model: LinearModel,
                                 options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        let raw = (0..<model.columnCount).map { glp_ipt_col_prim(problem, Int32($0 + 1)) }
        let (proven, certificate) = proof(of: raw, in: problem, model: model, options: options)
        if let values = proven {
            log?("interior point stopped unstable, best point kept: \(certificate)")
            return kept(outcome, values: values, certificate: certificate, method: .interiorPoint)
        }
        log?("interior point stopped unstable and not proven, solving by the primal simplex: \(certificate)")
        return try simplexAfterStall(options: options, method: .interiorPoint)
    }

    /// The primal simplex from scratch after the interior point stopped short of a proven optimum, with GLPK's
    /// presolver: 2.5 × faster on DC flows the interior point stalls on (200 buses × 24 h: 5.4 s against 13.6 s,
    /// objectives within 1e-8). The presolver cannot tell infeasible from unbounded; then the simplex runs again
    /// without it.
    private func simplexAfterStall(options: SolverOptions, method: SolverMethod) throws(SolverError) -> GLPKOutcome {
        var presolved = options
        presolved.presolve = true
        var definite = try simplex(options: presolved, method: .primalSimplex)
        if definite.status == .infeasibleOrUnbounded { definite = try simplex(options: options, method: .primalSimplex) }
        definite.method = method
        return definite
    }

    private func simplex(options: SolverOptions, method: SolverMethod, warmStart: Bool = false,
                         rescale: Bool = true) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = Self.glpkMessageLevel(options.messageLevel)
        parameters.meth = method == .dualSimplex ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = options.presolve && !warmStart ? GLP_ON : GLP_OFF
        if let limit = options.timeLimitSeconds { parameters.tm_lim = GLPKProblem.milliseconds(limit) }
        if let limit = options.iterationLimit { parameters.it_lim = Int32(clamping: limit) }
        if !warmStart && rescale { scale(options.scaling) }
        var code: Int32 = 0
        if re100_glpk_simplex(problem, &parameters, &code) == RE100_GLPK_ERROR { throw lost("the simplex method") }
        let iterations = Int(glp_get_it_cnt(problem))
        var outcome = simplexOutcome(code: code, problem: problem, method: method)
        outcome.iterations = iterations
        return outcome
    }

    private func simplexOutcome(code: Int32, problem: OpaquePointer, method: SolverMethod) -> GLPKOutcome {
        func outcome(_ status: TerminationStatus, primal: Bool = false, dual: Bool = false) -> GLPKOutcome {
            GLPKOutcome(status: status, hasPrimal: primal, hasDual: dual, source: .basic, method: method)
        }
        switch code {
        case 0:
            switch glp_get_status(problem) {
            case GLP_OPT: return outcome(.optimal, primal: true, dual: true)
            case GLP_NOFEAS: return outcome(.infeasible)
            case GLP_UNBND: return outcome(.unbounded)
            default:
                // The dual simplex stops with "no dual feasible solution" without telling
                // whether the primal is unbounded or infeasible.
                guard glp_get_dual_stat(problem) == GLP_NOFEAS else { return outcome(.numericalFailure) }
                return outcome(glp_get_prim_stat(problem) == GLP_FEAS ? .unbounded : .infeasibleOrUnbounded)
            }
        case GLP_ENOPFS: return outcome(.infeasible)
        case GLP_ENODFS: return outcome(.infeasibleOrUnbounded)
        case GLP_ETMLIM: return outcome(.timeLimit, primal: glp_get_prim_stat(problem) == GLP_FEAS)
        case GLP_EITLIM: return outcome(.iterationLimit, primal: glp_get_prim_stat(problem) == GLP_FEAS)
        default: return outcome(.numericalFailure)
        }
    }

    private func interior(options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = Self.glpkMessageLevel(options.messageLevel)
        // Scaling matters as much for the interior point as for the simplex (glpsol scales
        // before both): unscaled dispatch LPs stop with numerical instability.
        scale(options.scaling)
        var code: Int32 = 0
        if re100_glpk_interior(problem, &parameters, &code) == RE100_GLPK_ERROR { throw lost("the interior-point method") }
        var outcome = GLPKOutcome(status: .numericalFailure, hasPrimal: false, hasDual: false,
                                  source: .interior, method: .interiorPoint)
        switch (code, glp_ipt_status(problem)) {
        case (0, GLP_OPT): outcome.status = .optimal; outcome.hasPrimal = true; outcome.hasDual = true
        case (0, GLP_NOFEAS), (0, GLP_INFEAS):
            // GLPK's interior point cannot tell an infeasible primal from an infeasible dual.
            outcome.status = .infeasibleOrUnbounded
        case (GLP_EFAIL, _) where glp_get_num_rows(problem) == 0 || glp_get_num_cols(problem) == 0:
            // GLPK's interior point refuses empty problems; the simplex handles them.
            return try simplex(options: options, method: .primalSimplex)
        case (GLP_EITLIM, _): outcome.status = .iterationLimit
        case (GLP_EINSTAB, _), (GLP_ENOCVG, _):
            // Both restore the best point reached, often a relative gap of 1e-8 from the optimum.
            outcome.status = .numericalFailure; outcome.stoppedUnstable = true
        default: outcome.status = .numericalFailure
        }
        return outcome
    }

    /// Builds a simplex basis from the interior-point answer (``CrossoverBasis``) and finishes
    /// with the primal simplex, so the answer is an exact vertex with exact duals. Falls back to
    /// GLPK's advanced basis if the basis cannot be factorised.
    private func crossover(after interiorOutcome: GLPKOutcome, model: LinearModel, options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        let basis = CrossoverBasis(problem: problem, model: model)
        // 1. Fix the columns the interior point put on a bound and solve what is left: a small
        //    problem in the interior columns, whose optimal basis is a vertex of the original.
        let fixed = basis.fixColumnsAtBounds()
        // GLPK's presolver removes the fixed columns and what they make redundant, so the restricted
        // problem is small; it hands back an optimal basis of the full (restricted) problem.
        var restrictedOptions = options
        restrictedOptions.presolve = true
        var outcome = try simplex(options: restrictedOptions, method: .dualSimplex, rescale: false)
        let iterations = outcome.iterations
        basis.restoreBounds(fixed)
        // 2. Release them and let the primal simplex finish (a few pivots fix wrong-signed
        //    reduced costs); from scratch if the restricted problem failed.
        if outcome.status != .optimal { glp_adv_basis(problem, 0) }
        outcome = try simplex(options: options, method: .primalSimplex, warmStart: true)
        outcome.iterations += iterations
        outcome.method = .interiorPointWithCrossover
        if outcome.status == .numericalFailure {
            glp_adv_basis(problem, 0)
            outcome = try simplex(options: options, method: .dualSimplex)
        }
        return outcome
    }
}
