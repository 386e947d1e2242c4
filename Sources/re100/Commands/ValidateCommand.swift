import ArgumentParser
import Foundation
import GridIO
import Planning
import Reporting

/// `re100 validate <grid> [--scenario S.toml]... [--format table|json]`: reads a grid (and overlays) and prints
/// every problem, errors and warnings separately; exit 0 when there is no error, 65 otherwise.
struct ValidateCommand: ParsableCommand {
    /// Output formats of `validate`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a grid and its scenario overlays; print every problem with file, line and column.")

    @Argument(help: "A grid folder with grid.toml (or the grid.toml file).")
    var grid: String

    @Option(name: .customLong("scenario"), help: "A scenario overlay applied on top of the grid (repeatable, in order).")
    var scenarios: [String] = []

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try ExitStatus.run {
            logging.bootstrap()
            let diagnostics = GridReader.validate(
                URL(fileURLWithPath: grid), scenarios: scenarios.map { URL(fileURLWithPath: $0) },
                tariffs: DataDirectories.current().tariffs)
            switch format {
            case .json: print(try ValidationOutput.json(diagnostics))
            case .table: print(ValidationOutput.table(diagnostics, grid: grid), terminator: "")
            }
            if !diagnostics.isClean { throw ExitStatus.dataError }
        }
    }
}
