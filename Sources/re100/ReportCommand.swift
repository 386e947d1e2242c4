import ArgumentParser
import Foundation

/// `re100 report <result-dir> [--out FILE.html]`: renders `schedule.csv`, `prices.csv` and `summary.json` of a
/// result directory as one self-contained HTML file (default `<result-dir>/report.html`), written atomically.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a dispatch result directory as one self-contained HTML report (inline SVG, no scripts).")

    @Argument(help: ArgumentHelp(
        "A result directory written by `re100 dispatch --out` (schedule.csv, prices.csv, summary.json).",
        valueName: "result-dir"))
    var resultDirectory: String

    @Option(help: ArgumentHelp("The HTML file to write (default: <result-dir>/report.html).", valueName: "FILE.html"))
    var out: String?

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let report = try ResultDirectory.report(resultDirectory)
            let path = out ?? URL(fileURLWithPath: resultDirectory).appendingPathComponent("report.html").path
            try AtomicFile.write(report.render(), to: path)
            logger.info("wrote \(path)")
        }
    }
}
