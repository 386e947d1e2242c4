import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import DispatchOptimizer
import GridIO
import LinearProgramming
import Reporting

/// The one place that maps errors to the exit codes of ARCHITECTURE.md (0 ok, 1 infeasible or unbounded,
/// 2 time limit, 64 usage, 65 bad input data, 70 internal error, 75 lock held). Subcommands run their work
/// through `ExitStatus.run`.
enum ExitStatus {
    /// The model is infeasible or unbounded (diagnosis printed).
    static let infeasible = ExitCode(1)
    /// The solver stopped at its time or iteration limit (best point written if there is one).
    static let timeLimit = ExitCode(2)
    /// Another run holds the lock (EX_TEMPFAIL).
    static let lockHeld = ExitCode(75)
    /// Bad command-line usage (sysexits EX_USAGE).
    static let usage = ExitCode(64)
    /// Bad input data (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// Any unexpected error (EX_SOFTWARE).
    static let internalError = ExitCode(70)

    /// Runs `body`; a known input error is printed to stderr and becomes exit 65, a usage error exit 64, an
    /// `ExitCode` passes through, anything else is printed and becomes exit 70.
    /// - Parameter onFailure: called with the exit code and the stderr line once `body` failed (after printing),
    ///   so `run` can record the failure in its history.
    static func run<Result>(onFailure: (ExitCode, String) -> Void = { _, _ in },
                            _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let exit as ExitCode {
            onFailure(exit, "exit \(exit.rawValue)")
            throw exit
        } catch {
            let (code, message) = classify(error)
            printError(message)
            onFailure(code, message)
            throw code
        }
    }

    /// The exit code of an error and the stderr line that reports it: 64 for usage errors, 65 for bad input,
    /// 70 for unwritable output and anything unexpected.
    static func classify(_ error: any Error) -> (code: ExitCode, message: String) {
        switch error {
        case let exit as ExitCode:
            return (exit, "error: exit \(exit.rawValue)")
        case let usageError as UsageError:
            return (usage, "error: \(usageError.message)")
        case is GridDiagnostics, is GridIOError:
            return (dataError, "\(error)")  // each line already says error/warning and where
        case is CSVError, is ForecastError, is CalendarError, is InputError, is DispatchError:
            return (dataError, "error: \(error)")
        case is OutputError, is HistoryError:
            return (internalError, "error: \(error)")
        default:
            return (internalError, "internal error: \(error)")
        }
    }

    /// Maps how a dispatch ended to its exit code: optimal returns; infeasible or unbounded prints a diagnosis
    /// and exits 1; a time or iteration limit exits 2 (the best point was written when there was one); a
    /// numerical failure is an internal error (70).
    static func check(_ result: DispatchResult) throws {
        guard let failure = failure(of: result) else { return }
        for line in failure.lines { printError(line) }
        throw failure.code
    }

    /// How a dispatch that did not end optimal failed: its exit code (1 infeasible or unbounded, 2 time or
    /// iteration limit, 70 numerical failure) and the stderr lines explaining it, the first line the summary
    /// (`error: the dispatch LP is infeasible (...)`), then the diagnosis; nil when the result is optimal.
    static func failure(of result: DispatchResult) -> (code: ExitCode, lines: [String])? {
        let covered = result.timestamps.isEmpty ? "no hours solved"
            : "\(result.timestamps.count) hours solved before it stopped"
        let status = result.status.rawValue.replacingOccurrences(of: "_", with: " ")
        switch result.status {
        case .optimal:
            return nil
        case .infeasible, .unbounded, .infeasibleOrUnbounded:
            return (infeasible, ["error: the dispatch LP is \(status) (\(covered)); write it with `re100 export-lp` "
                + "and check the named rows and columns with `glpsol --lp model.lp`"]
                + diagnosisLines(result.diagnosis).map { "  " + $0 })
        case .timeLimit, .iterationLimit:
            return (timeLimit, ["warning: the solver reached its \(status) (\(covered))"])
        case .numericalFailure:
            return (internalError, ["internal error: the solver failed numerically (\(covered)); try solver-configs/robust.toml"])
        }
    }

    /// The rows an infeasible LP cannot satisfy (from the optimizer's elastic re-solve), largest violation
    /// first; row names name the component and hour, e.g. `bal(site,t0003) must be violated by 7.9`.
    static func diagnosisLines(_ diagnosis: InfeasibilityDiagnosis?) -> [String] {
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

    /// Writes one line to standard error.
    static func printError(_ line: String) {
        StatusLine.standardError.interrupt { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// A command-line mistake found after parsing (exit 64).
    struct UsageError: Error {
        /// What is wrong, for people.
        let message: String
    }

    /// Input data that cannot be used (exit 65), when no more specific error type applies.
    struct InputError: Error, CustomStringConvertible {
        /// What is wrong, with the file and line where known.
        let message: String

        /// The message.
        var description: String { message }
    }

    /// An output file that could not be written (exit 70: the inputs were fine).
    struct OutputError: Error, CustomStringConvertible {
        /// The file.
        let path: String
        /// Why, from the operating system.
        let reason: String

        /// `<path>: cannot write: <reason>`.
        var description: String { "\(path): cannot write: \(reason)" }
    }
}
