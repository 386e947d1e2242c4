import ArgumentParser
import Foundation
import Planning

/// `re100 report <result-dir> [--out FILE.html]`: renders `schedule.csv`, `prices.csv` and `summary.json` of a
/// result directory, or `comparison.json` of a `re100 compare --out` folder, as one self-contained HTML file
/// (default `<result-dir>/report.html`), written atomically (docs/report.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a dispatch result directory as one self-contained HTML report (inline SVG, no scripts).",
        discussion: """
            A folder with comparison.json (written by `re100 compare --out`) is rendered as a comparison: bars per \
            scenario and links to the scenarios' reports. Tariff bands on the grid import chart come from the grid \
            summary.json records, when it is still at that path with the same fingerprint; otherwise they are left out.
            """)

    @Argument(help: ArgumentHelp(
        "A result directory written by `re100 dispatch --out` (schedule.csv, prices.csv, summary.json) or `re100 compare --out` (comparison.json).",
        valueName: "result-dir"))
    var resultDirectory: String

    @Option(help: ArgumentHelp("The HTML file to write (default: <result-dir>/report.html).", valueName: "FILE.html"))
    var out: String?

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let html = ComparisonDirectory.isComparison(resultDirectory)
                ? try ComparisonDirectory.report(resultDirectory).render()
                : try ResultDirectory.report(resultDirectory, tariffs: DataDirectories.current().tariffs, logger: logger).render()
            let path = out ?? URL(fileURLWithPath: resultDirectory).appendingPathComponent("report.html").path
            try AtomicFile.write(html, to: path)
            logger.info("wrote \(path)")
        }
    }
}
