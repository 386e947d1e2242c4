import CGLPK

/// What a GLPK solve returned, before it is turned into a ``LinearSolution``.
struct GLPKOutcome {
    var status: TerminationStatus
    var hasPrimal: Bool
    var hasDual: Bool
    /// Which of GLPK's solution sets to read: basic, interior point or MIP.
    var source: Source
    var method: SolverMethod
    var iterations = 0
    var seconds = 0.0
    var mipGap: Double?
    /// The interior point stopped on numerical instability; its last point may still be certified.
    var stoppedUnstable = false
    /// The proof of optimality of an accepted interior-point answer.
    var certificate: OptimalityCertificate?
    /// The column values of an accepted interior-point answer (GLPK's, possibly put on their bounds).
    var keptValues: [Double]?

    enum Source { case basic, interior, mixedInteger }
}

/// One GLPK problem object, alive for the duration of one synchronous call on one thread.
/// Not `Sendable` on purpose: it must never leave the thread that created it.
final class GLPKProblem {
    private var pointer: OpaquePointer?
    private let hook: TerminalHook?
    /// re100's own notes on the solve (the certificate's verdict), to the same place as GLPK's output.
    private let log: (@Sendable (String) -> Void)?

    init(model: LinearModel, log: (@Sendable (String) -> Void)?, messageLevel: MessageLevel) throws(SolverError) {
        self.log = log
        try Self.checkScalars(model)
        if let log, messageLevel != .off {
            hook = TerminalHook(log: log)
            hook?.install()
        } else {
            hook = nil
            glp_term_out(GLP_OFF)
        }
        let problem = glp_create_prob()
        pointer = problem
        glp_set_obj_dir(problem, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        try load(model)
    }

    /// Deletes the problem (unless GLPK's error path already freed it) and restores output.
    func delete() {
        if let pointer { glp_delete_prob(pointer) }
        pointer = nil
        hook?.uninstall()
        glp_term_out(GLP_ON)
    }

    private static func checkScalars(_ model: LinearModel) throws(SolverError) {
        if !model.objectiveConstant.isFinite {
            throw .invalidModel(LinearModelError(
                problems: [.init(kind: .notFinite, location: .model, detail: "objective constant is \(model.objectiveConstant)")],
                totalCount: 1))
        }
    }

    private func live() throws(SolverError) -> OpaquePointer {
        guard let pointer else { throw .libraryError("the GLPK problem was freed after an earlier error") }
        return pointer
    }

    /// Marks the problem as freed after GLPK's error hook ran `glp_free_env`.
    private func lost(_ what: String) -> SolverError {
        pointer = nil
        return .libraryError("GLPK raised an error in \(what); see the log for its message")
    }

    private func load(_ model: LinearModel) throws(SolverError) {
        let problem = try live()
        let rows = model.rowCount, columns = model.columnCount
        var rowTypes = [Int32](repeating: 0, count: rows + 1)
        var rowLower = [Double](repeating: 0, count: rows + 1)
        var rowUpper = [Double](repeating: 0, count: rows + 1)
        for i in 0..<rows {
            (rowTypes[i + 1], rowLower[i + 1], rowUpper[i + 1]) = Self.boundType(model.rowLower[i], model.rowUpper[i])
        }
        var columnTypes = [Int32](repeating: 0, count: columns + 1)
        var columnLower = [Double](repeating: 0, count: columns + 1)
        var columnUpper = [Double](repeating: 0, count: columns + 1)
        var objective = [Double](repeating: 0, count: columns + 1)
        var kinds = [Int32](repeating: GLP_CV, count: columns + 1)
        for j in 0..<columns {
            (columnTypes[j + 1], columnLower[j + 1], columnUpper[j + 1]) =
                Self.boundType(model.columnLower[j], model.columnUpper[j])
            objective[j + 1] = model.objective[j]
            switch model.columnKinds[j] {
            case .continuous: kinds[j + 1] = GLP_CV
            case .integer: kinds[j + 1] = GLP_IV
            case .binary: kinds[j + 1] = GLP_IV  // bounds already clamped to [0, 1]
            }
        }
        let nonzeros = model.nonzeroCount
        var ia = [Int32](repeating: 0, count: nonzeros + 1)
        var ja = [Int32](repeating: 0, count: nonzeros + 1)
        var ar = [Double](repeating: 0, count: nonzeros + 1)
        for j in 0..<columns {
            for k in model.columnStart[j]..<model.columnStart[j + 1] {
                ia[k + 1] = model.rowIndex[k] + 1
                ja[k + 1] = Int32(j + 1)
                ar[k + 1] = model.value[k]
            }
        }
        let result = re100_glpk_load(
            problem, Int32(rows), Int32(columns), rowTypes, rowLower, rowUpper,
            columnTypes, columnLower, columnUpper, objective, model.isMixedInteger ? kinds : nil,
            Int32(nonzeros), ia, ja, ar)
        if result == RE100_GLPK_ERROR { throw lost("loading the model") }
    }

    /// GLPK's bound type and the two bounds it expects for `lower ≤ x ≤ upper`.
    private static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    func setNames(_ model: LinearModel) throws(SolverError) {
        let problem = try live()
        for i in 0..<model.rowCount where !model.rowNames[i].isEmpty {
            glp_set_row_name(problem, Int32(i + 1), model.rowNames[i])
        }
        for j in 0..<model.columnCount where !model.columnNames[j].isEmpty {
            glp_set_col_name(problem, Int32(j + 1), model.columnNames[j])
        }
    }

    func write(format: ModelFileFormat, path: String) throws(SolverError) {
        let problem = try live()
        var result: Int32 = 0
        if re100_glpk_write(problem, format == .freeMPS ? 1 : 0, path, &result) == RE100_GLPK_ERROR {
            throw lost("writing \(path)")
        }
        if result != 0 { throw .writeFailed(path: path, reason: "GLPK could not write the file") }
    }

    // MARK: - Solving

    func solveContinuous(_ model: LinearModel, options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        switch options.method {
        case .primalSimplex, .dualSimplex:
            return try simplex(options: options, method: options.method)
        case .interiorPoint:
            return try interior(options: options)
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

    /// The interior point, then (``SolverMethod/interiorPointCertified``):
    /// 1. near a vertex (no more columns strictly inside their bounds than rows, nor than ``cheapCrossoverColumns``) the crossover, which is then
    ///    cheap, for an exact vertex; given at most the interior point's own time when a proof is in hand;
    /// 2. else, or when that crossover runs out of time, the interior point itself when its
    ///    ``OptimalityCertificate`` holds (values a hair off their bound put on it when the proof still holds);
    /// 3. else the crossover without a time budget (or the primal simplex when there is no interior optimum).
    /// The most columns strictly inside their bounds for which the certified method still tries the crossover on a
    /// proven point. The crossover's restricted simplex grows with them: on the example year (74,000 interior
    /// columns) it takes 19 s against the interior point's 7 s, on a 48 h window (a few hundred) a few ms
    /// (docs/solver-configs.md).
    static let cheapCrossoverColumns = 20_000

    private func certifiedInteriorPoint(_ model: LinearModel, options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let clock = ContinuousClock(), started = clock.now
        var outcome = try interior(options: options)
        let interiorSeconds = GLPKSolver.seconds(clock.now - started)
        guard outcome.status == .optimal || outcome.stoppedUnstable, let problem = pointer else {
            var definite = try simplex(options: options, method: .primalSimplex)
            definite.method = .interiorPointCertified
            return definite
        }
        let raw = (0..<model.columnCount).map { glp_ipt_col_prim(problem, Int32($0 + 1)) }
        let duals = (0..<model.rowCount).map { glp_ipt_row_dual(problem, Int32($0 + 1)) }
        var certificate = OptimalityCertificate(model: model, columnValues: raw, rowDuals: duals)
        var proven: [Double]?
        for values in [OptimalityCertificate.snappedToBounds(raw, model: model), raw] {
            certificate = OptimalityCertificate(model: model, columnValues: values, rowDuals: duals)
            if certificate.holds(tolerance: options.certificateTolerance) { proven = values; break }
        }
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
            var definite = try simplex(options: options, method: .primalSimplex)
            definite.method = .interiorPointCertified
            return definite
        }
        log?("interior point kept: \(certificate)")
        outcome.status = .optimal
        outcome.hasPrimal = true
        outcome.hasDual = true
        outcome.method = .interiorPointCertified
        outcome.certificate = certificate
        outcome.keptValues = values
        return outcome
    }

    private func simplex(options: SolverOptions, method: SolverMethod, warmStart: Bool = false,
                         rescale: Bool = true) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = Self.glpkMessageLevel(options.messageLevel)
        parameters.meth = method == .dualSimplex ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = options.presolve && !warmStart ? GLP_ON : GLP_OFF
        if let limit = options.timeLimitSeconds { parameters.tm_lim = Int32(clamping: Int((limit * 1000).rounded(.up))) }
        if let limit = options.iterationLimit { parameters.it_lim = Int32(clamping: limit) }
        if !warmStart && rescale { scale(options.scaling) }
        var code: Int32 = 0
        if re100_glpk_simplex(problem, &parameters, &code) == RE100_GLPK_ERROR { throw lost("the simplex method") }
        let iterations = Int(glp_get_it_cnt(problem))
        var outcome = simplexOutcome(code: code, problem: problem, method: method)
        outcome.iterations = iterations
        return outcome
    }

    private func scale(_ mode: ScalingMode) {
        guard let pointer else { return }
        switch mode {
        case .none: glp_unscale_prob(pointer)
        case .geometric: glp_scale_prob(pointer, GLP_SF_GM)
        case .equilibration: glp_scale_prob(pointer, GLP_SF_EQ)
        case .automatic: glp_scale_prob(pointer, GLP_SF_AUTO)
        }
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
        case (GLP_EINSTAB, _): outcome.status = .numericalFailure; outcome.stoppedUnstable = true
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

    func solveMixedInteger(options: SolverOptions) throws(SolverError) -> GLPKOutcome {
        let problem = try live()
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = Self.glpkMessageLevel(options.messageLevel)
        parameters.presolve = GLP_ON
        parameters.mip_gap = options.mipGap
        if let limit = options.timeLimitSeconds { parameters.tm_lim = Int32(clamping: Int((limit * 1000).rounded(.up))) }
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

    // MARK: - Reading results

    func solution(for outcome: GLPKOutcome, model: LinearModel) -> LinearSolution {
        var primal: PrimalSolution?
        var dual: DualSolution?
        if let values = outcome.keptValues, let certificate = outcome.certificate {
            primal = PrimalSolution(objective: certificate.primalObjective, columnValues: values,
                                    rowActivities: certificate.rowActivities)
        } else if let problem = pointer, outcome.hasPrimal {
            primal = readPrimal(problem, source: outcome.source, model: model)
        }
        if let problem = pointer, outcome.hasDual, outcome.source != .mixedInteger {
            dual = readDual(problem, source: outcome.source, model: model)
        }
        return LinearSolution(status: outcome.status, primal: primal, dual: dual,
                              iterations: outcome.iterations, solveSeconds: outcome.seconds,
                              mipGap: outcome.mipGap, method: outcome.method, certificate: outcome.certificate)
    }

    private func readPrimal(_ problem: OpaquePointer, source: GLPKOutcome.Source, model: LinearModel) -> PrimalSolution {
        let objective: Double
        var values = [Double](repeating: 0, count: model.columnCount)
        var activities = [Double](repeating: 0, count: model.rowCount)
        switch source {
        case .basic:
            objective = glp_get_obj_val(problem)
            for j in values.indices { values[j] = glp_get_col_prim(problem, Int32(j + 1)) }
            for i in activities.indices { activities[i] = glp_get_row_prim(problem, Int32(i + 1)) }
        case .interior:
            objective = glp_ipt_obj_val(problem)
            for j in values.indices { values[j] = glp_ipt_col_prim(problem, Int32(j + 1)) }
            for i in activities.indices { activities[i] = glp_ipt_row_prim(problem, Int32(i + 1)) }
        case .mixedInteger:
            objective = glp_mip_obj_val(problem)
            for j in values.indices { values[j] = glp_mip_col_val(problem, Int32(j + 1)) }
            for i in activities.indices { activities[i] = glp_mip_row_val(problem, Int32(i + 1)) }
        }
        return PrimalSolution(objective: objective, columnValues: values, rowActivities: activities)
    }

    private func readDual(_ problem: OpaquePointer, source: GLPKOutcome.Source, model: LinearModel) -> DualSolution {
        let interior = source == .interior
        let duals = (0..<model.rowCount).map { i in
            interior ? glp_ipt_row_dual(problem, Int32(i + 1)) : glp_get_row_dual(problem, Int32(i + 1))
        }
        let reduced = (0..<model.columnCount).map { j in
            interior ? glp_ipt_col_dual(problem, Int32(j + 1)) : glp_get_col_dual(problem, Int32(j + 1))
        }
        return DualSolution(rowDuals: duals, reducedCosts: reduced)
    }

    private static func glpkMessageLevel(_ level: MessageLevel) -> Int32 {
        switch level {
        case .off: GLP_MSG_OFF
        case .error: GLP_MSG_ERR
        case .normal: GLP_MSG_ON
        case .all: GLP_MSG_ALL
        }
    }
}
