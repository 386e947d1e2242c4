import Foundation
import Logging

/// A log handler that keeps every message with its level, for tests that check what was logged.
public struct RecordingLogHandler: LogHandler {
    /// The messages logged so far, shared by every copy of the handler.
    public final class Records: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(level: Logger.Level, message: String)] = []

        /// Appends one message.
        public func append(_ level: Logger.Level, _ message: String) {
            lock.withLock { entries.append((level, message)) }
        }

        /// The messages logged at `level`.
        public func messages(at level: Logger.Level) -> [String] {
            lock.withLock { entries.filter { $0.level == level }.map(\.message) }
        }
    }

    /// Where messages go.
    public let records: Records
    /// The lowest level kept.
    public var logLevel: Logger.Level = .trace
    /// Metadata (kept for the protocol, not recorded).
    public var metadata: Logger.Metadata = [:]

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Records the event's level and message.
    public func log(event: LogEvent) {
        records.append(event.level, event.message.description)
    }

    /// A logger writing into a fresh `Records`.
    public static func logger() -> (Logger, Records) {
        let records = Records()
        return (Logger(label: "test") { _ in RecordingLogHandler(records: records) }, records)
    }
}
