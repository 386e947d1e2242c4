import ArgumentParser
import Foundation
import Planning

/// `re100 actuals add <file.csv>`: ingests metered values into the history database.
struct ActualsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Ingest metered values (one column per series) into the history database.",
        discussion: """
            The CSV's first column is timestamp (ISO-8601, the start of the hour; without an offset it is \
            wall-clock time in --timezone), then one column per series: loads.factory or generators.pv_rooftop as in \
            the forecasts, or a plain load id (factory means loads.factory). An empty cell is no reading. A value \
            for a series and hour already stored is replaced. Prints how many values were added and replaced. A bad \
            file is exit 65 naming the line and column. The database (default history.sqlite in the current folder) \
            is created if missing.
            """)

    @Argument(help: "CSV file: timestamp, then one column per series.")
    var file: String

    @Option(help: "History database (SQLite), relative to the current folder.")
    var history: String = "history.sqlite"

    @Option(help: "IANA time zone of timestamps without an offset.")
    var timezone: String = "UTC"

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            guard let zone = TimeZone(identifier: timezone) else {
                throw ExitStatus.UsageError(message: "--timezone: expected an IANA time zone such as Asia/Seoul, found '\(timezone)'")
            }
            let values = try ActualsReader.read(path: file, timeZone: zone)
            let database = try RunArchive(path: history)
            let (added, replaced) = try database.ingest(values, source: file, ingestedAt: Date())
            let perSeries = Dictionary(grouping: values, by: \.series).map { "\($0.key) \($0.value.count)" }.sorted()
            logger.info("\(file): \(values.count) values into \(history)")
            print("\(added) added, \(replaced) replaced" + (perSeries.isEmpty ? "" : " (\(perSeries.joined(separator: ", ")))"))
        }
    }
}
