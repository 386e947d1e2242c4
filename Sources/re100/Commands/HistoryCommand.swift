import ArgumentParser
import Foundation
import Planning

/// `re100 history`: the recorded runs and the forecast accuracy (MAE and MAPE by horizon hour) once actuals exist.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show past runs and forecast accuracy (MAPE and MAE by horizon hour) from the history database.",
        discussion: """
            Runs come oldest first (the last --last of them): id, run folder, start (UTC), status, exit code, first \
            planned hour, hours, total cost, RE share, CO2, seconds and error. Forecast accuracy pairs every \
            recorded forecast with the metered actual of its series and hour (re100 actuals add) and averages per \
            series and horizon hour (1 = the forecast origin's hour): MAE, and MAPE over the pairs whose actual is \
            not zero. The database defaults to history.sqlite in the current folder (re100 run writes \
            DIR/history.sqlite); a missing database is exit 65.
            """)

    /// Which sections are printed.
    enum Section: String, ExpressibleByArgument, CaseIterable {
        /// The runs only.
        case runs
        /// The forecast accuracy only.
        case accuracy
        /// Both (CSV: two blocks separated by an empty line).
        case all
    }

    @Option(help: "History database (SQLite), relative to the current folder.")
    var history: String = "history.sqlite"

    @Option(help: "What stdout carries: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Show only the last N runs (default: all).")
    var last: Int?

    @Option(help: "Sections: runs, accuracy or all.")
    var show: Section = .all

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be at least 1, found \(last)") }
    }

    func run() throws {
        try ExitStatus.run {
            logging.bootstrap()
            let database = try RunArchive(path: history, mustExist: true)
            let report = RunArchiveReport(
                runs: show == .accuracy ? nil : try database.runs(last: last),
                accuracy: show == .runs ? nil : try database.forecastAccuracy())
            switch format {
            case .table: print(report.table(), terminator: "")
            case .csv: print(report.csv(), terminator: "")
            case .json: print(try report.json(), terminator: "")
            }
        }
    }
}
