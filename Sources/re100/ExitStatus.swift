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
    static func run<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            switch error {
            case let exit as ExitCode:
                throw exit
            case let usageError as UsageError:
                printError("error: \(usageError.message)")
                throw usage
            case is GridDiagnostics, is GridIOError:
                printError("\(error)")  // each line already says error/warning and where
                throw dataError
            case is CSVError, is ForecastError, is CalendarError, is InputError, is DispatchError:
                printError("error: \(error)")
                throw dataError
            case is OutputError:
                printError("error: \(error)")
                throw internalError
            default:
                printError("internal error: \(error)")
                throw internalError
            }
        }
    }

    /// Maps how a dispatch ended to its exit code: optimal returns; infeasible or unbounded prints a diagnosis
    /// and exits 1; a time or iteration limit exits 2 (the best point was written when there was one); a
    /// numerical failure is an internal error (70).
    static func check(_ result: DispatchResult) throws {
        let covered = result.timestamps.isEmpty ? "no hours solved"
            : "\(result.timestamps.count) hours solved before it stopped"
        switch result.status {
        case .optimal:
            return
        case .infeasible, .unbounded, .infeasibleOrUnbounded:
            printError("error: the dispatch LP is \(result.status.rawValue.replacingOccurrences(of: "_", with: " ")) "
                + "(\(covered)); write it with `re100 export-lp` and check the named rows and columns with "
                + "`glpsol --lp model.lp`")
            for line in diagnosisLines(result.diagnosis) { printError("  " + line) }
            throw infeasible
        case .timeLimit, .iterationLimit:
            printError("warning: the solver reached its \(result.status.rawValue.replacingOccurrences(of: "_", with: " ")) (\(covered))")
            throw timeLimit
        case .numericalFailure:
            printError("internal error: the solver failed numerically (\(covered)); try solver-configs/robust.toml")
            throw internalError
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
        FileHandle.standardError.write(Data((line + "\n").utf8))
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
