import ArgumentParser
import Planning

/// The `re100` command-line tool: plans the hourly operation of an RE100 industrial complex.
@main
struct RE100Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "re100",
        abstract: "Plan the hourly operation of an RE100 industrial complex at least cost.",
        version: RE100Version.current,
        subcommands: [
            ValidateCommand.self, DispatchCommand.self, ExportLPCommand.self, ForecastCommand.self, BacktestCommand.self,
            CompareCommand.self, ReportCommand.self, RunCommand.self, ActualsCommand.self, HistoryCommand.self, EvaluateCommand.self,
        ]
    )
}
