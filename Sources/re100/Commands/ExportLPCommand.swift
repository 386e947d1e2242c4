import ArgumentParser
import DispatchOptimizer
import Foundation
import LinearProgramming
import Planning

/// `re100 export-lp`: writes the LP of the first dispatch window for `glpsol` or any other solver.
struct ExportLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-lp",
        abstract: "Write the dispatch LP (first window) as CPLEX LP (.lp) or free MPS (.mps).",
        discussion: "Row and column names follow the components, e.g. bal(bus_1,t0123).")

    @OptionGroup var input: GridInputOptions

    @OptionGroup var overlays: ScenarioOptions

    @Option(help: "The model file: model.lp (CPLEX LP) or model.mps (free MPS).")
    var out: String

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard ModelFileFormat(path: out) != nil else {
            throw ValidationError("--out must end in .lp or .mps, found '\(out)'")
        }
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let grid = try GridSource.open(input.grid, scenarios: overlays.scenarios, tariffs: DataDirectories.current().tariffs,
                                           logger: logger)
            let horizon = try input.horizon(in: grid.network.timeAxis)
            let options = DispatchOptions(firstHour: horizon.firstHour, hourCount: horizon.hourCount)
            let model = try DispatchOptimizer.model(of: grid.network, options: options)
            guard let format = ModelFileFormat(path: out) else { throw ExitStatus.UsageError(message: "--out: expected .lp or .mps") }
            do {
                try GLPKSolver().write(model, format: format, to: out)
            } catch {
                throw PlanningError.cannotWrite(path: out, reason: String(describing: error))
            }
            logger.info("wrote \(out): \(model.rowCount) rows, \(model.columnCount) columns, \(model.nonzeroCount) nonzeros")
        }
    }
}
