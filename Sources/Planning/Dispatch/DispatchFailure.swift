import DispatchOptimizer
import Reporting

/// Why a dispatch did not end optimal, in words for people: the first line the summary
/// (`error: the dispatch LP is infeasible (...)`), then the diagnosis. Thrown by `ScheduledRun` (a run publishes
/// only an optimal plan); the CLI maps `kind` to its exit code and prints `lines`.
public struct DispatchFailure: Error, Sendable, Equatable {
    /// How the solver ended.
    public enum Kind: Sendable, Equatable {
        /// Infeasible or unbounded (the diagnosis follows in `lines`).
        case infeasible
        /// The time or iteration limit (the best point was kept when there was one).
        case limit
        /// A numerical failure of the solver.
        case numerical
    }

    /// How the solver ended.
    public let kind: Kind
    /// The lines explaining it, the first the summary.
    public let lines: [String]

    /// The failure of `result`, nil when it ended optimal.
    public init?(_ result: DispatchResult) {
        let covered = result.timestamps.isEmpty ? "no hours solved"
            : "\(result.timestamps.count) hours solved before it stopped"
        let status = result.status.rawValue.replacingOccurrences(of: "_", with: " ")
        switch result.status {
        case .optimal:
            return nil
        case .infeasible, .unbounded, .infeasibleOrUnbounded:
            kind = .infeasible
            lines = ["error: the dispatch LP is \(status) (\(covered)); write it with `re100 export-lp` "
                + "and check the named rows and columns with `glpsol --lp model.lp`"]
                + Self.diagnosisLines(result.diagnosis).map { "  " + $0 }
        case .timeLimit, .iterationLimit:
            kind = .limit
            lines = ["warning: the solver reached its \(status) (\(covered))"]
        case .numericalFailure:
            kind = .numerical
            lines = ["internal error: the solver failed numerically (\(covered)); try solver-configs/robust.toml"]
        }
    }

    /// The rows an infeasible LP cannot satisfy (from the optimizer's elastic re-solve), largest violation
    /// first; row names name the component and hour, e.g. `bal(site,t0003) must be violated by 7.9`.
    public static func diagnosisLines(_ diagnosis: InfeasibilityDiagnosis?) -> [String] {
        guard let diagnosis, !diagnosis.violations.isEmpty else {
            return ["no diagnosis: the elastic re-solve found no violated rows"]
        }
        var lines = ["constraints that cannot all hold (\(diagnosis.totalCount) rows; largest violations first):"]
        lines += diagnosis.violations.map { "\($0.row) must be violated by \(ReportFormat.number($0.amount))" }
        if diagnosis.totalCount > diagnosis.violations.count {
            lines.append("... and \(diagnosis.totalCount - diagnosis.violations.count) more")
        }
        return lines
    }
}
