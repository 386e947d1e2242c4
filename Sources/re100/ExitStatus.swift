import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import GridIO

/// The one place that maps errors to the exit codes of ARCHITECTURE.md (0 ok, 64 usage, 65 bad input data,
/// 70 internal error). Subcommands run their work through `ExitStatus.run`.
enum ExitStatus {
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
            case is CSVError, is ForecastError, is CalendarError, is InputError:
                printError("error: \(error)")
                throw dataError
            default:
                printError("internal error: \(error)")
                throw internalError
            }
        }
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
}
