import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import DispatchOptimizer
import GridIO
import LinearProgramming
import Planning

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
    /// 70 for unwritable output and anything unexpected; a library error gets the name of the flag that carried
    /// the value it is about.
    static func classify(_ error: any Error) -> (code: ExitCode, message: String) {
        switch error {
        case let exit as ExitCode:
            return (exit, "error: exit \(exit.rawValue)")
        case let usageError as UsageError:
            return (usage, "error: \(usageError.message)")
        case let planning as PlanningError:
            return classify(planning)
        case let dispatch as DispatchError:
            return classify(dispatch)
        case let failure as DispatchFailure:
            return (code(of: failure), failure.lines.joined(separator: "\n"))
        case is GridDiagnostics, is GridIOError:
            return (dataError, "\(error)")  // each line already says error/warning and where
        case is CSVError, is ForecastError, is CalendarError:
            return (dataError, "error: \(error)")
        case is RunArchiveError:
            return (internalError, "error: \(error)")
        default:
            return (internalError, "internal error: \(error)")
        }
    }

    /// The exit code and stderr line of a planning error, with the flag that carried the value.
    private static func classify(_ error: PlanningError) -> (code: ExitCode, message: String) {
        switch error {
        case .overlaysNeedNativeGrid: return (usage, "error: --scenario: \(error)")
        case .startNotATimestamp, .startNotASnapshot, .startSkippedByClockChange: return (usage, "error: --start: \(error)")
        case .clockNotATimestamp: return (usage, "error: --now: \(error)")
        case .unknownSolverPreset: return (usage, "error: --solver-config: \(error)")
        case .notADate: return (usage, "error: \(error)")
        case .noOriginBetweenDates: return (usage, "error: --from/--to: \(error)")
        case .horizonBeyondSnapshots: return (dataError, "error: --hours: \(error)")
        case .windowLongerThanHorizon: return (usage, "error: --window: \(error)")
        case .noSuchGrid, .notAGrid, .noSnapshotAfterClock, .badInput: return (dataError, "error: \(error)")
        case .lockHeld: return (lockHeld, "error: \(error)")
        case .notAResultFolder: return (usage, "error: --out: \(error)")
        case .cannotWrite: return (internalError, "error: \(error)")
        }
    }

    /// The exit code and stderr line of an optimizer error, with the flag that carried the value: a solver
    /// library failure is internal (70), everything else bad input (65).
    private static func classify(_ error: DispatchError) -> (code: ExitCode, message: String) {
        switch error {
        case .noHours, .horizonBeyondSnapshots: return (dataError, "error: --hours: \(error)")
        case .startOutsideSnapshots: return (dataError, "error: --start: \(error)")
        case .commitmentWindowTooLong: return (dataError, "error: --window: \(error); add --window 168 --step 24 or shorter")
        case .invalidWindows: return (dataError, "error: --window/--step: \(error)")
        case .load, .invalidModel: return (dataError, "error: \(error)")
        case .solverFailure: return (internalError, "error: \(error)")
        case .invalidScenarios: return (usage, "error: --scenarios: \(error)")
        }
    }

    /// Maps how a dispatch ended to its exit code: optimal returns; otherwise its `DispatchFailure` lines are
    /// printed and its code thrown (1 infeasible or unbounded, 2 time or iteration limit, 70 numerical failure).
    static func check(_ result: DispatchResult) throws {
        guard let failure = DispatchFailure(result) else { return }
        for line in failure.lines { printError(line) }
        throw code(of: failure)
    }

    /// The exit code of a dispatch that did not end optimal.
    static func code(of failure: DispatchFailure) -> ExitCode {
        switch failure.kind {
        case .infeasible: return infeasible
        case .limit: return timeLimit
        case .numerical: return internalError
        }
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
}
