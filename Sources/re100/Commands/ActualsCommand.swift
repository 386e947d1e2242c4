import ArgumentParser

/// `re100 actuals`: the metered values the history compares forecasts with.
struct ActualsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actuals",
        abstract: "Metered values for forecast accuracy in the history database.",
        subcommands: [ActualsAddCommand.self])
}
