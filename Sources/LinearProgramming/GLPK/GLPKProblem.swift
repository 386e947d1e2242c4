import CGLPK

/// One GLPK problem object, alive for the duration of one synchronous call on one thread: creating and loading it
/// (here), solving it (`+Continuous`, `+MixedInteger`) and reading its answer (`+Solution`).
/// Not `Sendable` on purpose: it must never leave the thread that created it.
final class GLPKProblem {
    /// The problem; nil once deleted or freed by GLPK's error path.
    var pointer: OpaquePointer?
    private let hook: TerminalHook?
    /// re100's own notes on the solve (the certificate's verdict), to the same place as GLPK's output.
    let log: (@Sendable (String) -> Void)?

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

    /// The problem, or the error for a problem GLPK's error path already freed.
    func live() throws(SolverError) -> OpaquePointer {
        guard let pointer else { throw .libraryError("the GLPK problem was freed after an earlier error") }
        return pointer
    }

    /// Marks the problem as freed after GLPK's error hook ran `glp_free_env`.
    func lost(_ what: String) -> SolverError {
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
            (rowTypes[i + 1], rowLower[i + 1], rowUpper[i + 1]) = GLPKBounds.of(model.rowLower[i], model.rowUpper[i])
        }
        var columnTypes = [Int32](repeating: 0, count: columns + 1)
        var columnLower = [Double](repeating: 0, count: columns + 1)
        var columnUpper = [Double](repeating: 0, count: columns + 1)
        var objective = [Double](repeating: 0, count: columns + 1)
        var kinds = [Int32](repeating: GLP_CV, count: columns + 1)
        for j in 0..<columns {
            (columnTypes[j + 1], columnLower[j + 1], columnUpper[j + 1]) =
                GLPKBounds.of(model.columnLower[j], model.columnUpper[j])
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

    /// Applies the scaling of `mode` before a simplex or branch-and-cut solve.
    func scale(_ mode: ScalingMode) {
        guard let pointer else { return }
        switch mode {
        case .none: glp_unscale_prob(pointer)
        case .geometric: glp_scale_prob(pointer, GLP_SF_GM)
        case .equilibration: glp_scale_prob(pointer, GLP_SF_EQ)
        case .automatic: glp_scale_prob(pointer, GLP_SF_AUTO)
        }
    }

    /// GLPK's message level (`GLP_MSG_*`) for `level`.
    static func glpkMessageLevel(_ level: MessageLevel) -> Int32 {
        switch level {
        case .off: GLP_MSG_OFF
        case .error: GLP_MSG_ERR
        case .normal: GLP_MSG_ON
        case .all: GLP_MSG_ALL
        }
    }
}
