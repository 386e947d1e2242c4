import ArgumentParser
import Foundation
import Logging

/// `--log-level` and `--log-format`, shared by every command: logs go to stderr, data to stdout.
struct LoggingOptions: ParsableArguments {
    /// How log lines look.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// swift-log's plain text lines.
        case text
        /// One JSON object per line (`JSONLogHandler`).
        case json
    }

    @Option(help: "Lowest log level written to stderr.")
    var logLevel: Logger.Level = .notice

    @Option(help: "Log line format on stderr.")
    var logFormat: Format = .text

    private static let lock = NSLock()
    nonisolated(unsafe) private static var bootstrapped = false

    /// Sends swift-log's output to stderr at the chosen level and format (once per process; later calls, as in
    /// tests that run several commands, keep the first choice) and returns re100's logger.
    @discardableResult
    func bootstrap() -> Logger {
        let level = logLevel
        let format = logFormat
        Self.lock.lock()
        if !Self.bootstrapped {
            Self.bootstrapped = true
            LoggingSystem.bootstrap { label in
                switch format {
                case .json: return JSONLogHandler(label: label, level: level)
                case .text:
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return StatusLineLogHandler(wrapping: handler)
                }
            }
        }
        Self.lock.unlock()
        var logger = Logger(label: "re100")
        logger.logLevel = level
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
