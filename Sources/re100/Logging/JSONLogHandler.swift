import Foundation
import Logging

/// A swift-log handler writing one JSON object per line to stderr:
/// `{"label":"re100","level":"info","message":"...","metadata":{...},"time":"2026-01-05T00:00:00.000Z"}`
/// with sorted keys, for log collectors.
struct JSONLogHandler: LogHandler {
    /// The logger's label.
    let label: String
    /// The lowest level written.
    var logLevel: Logger.Level
    /// Metadata attached to every message of this logger.
    var metadata: Logger.Metadata = [:]
    /// Adds task-local metadata (unused by re100, required by the protocol).
    var metadataProvider: Logger.MetadataProvider?

    /// A handler for `label` writing messages at `level` and above.
    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    /// Metadata of this logger by key.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one JSON line.
    func log(event: LogEvent) {
        FileHandle.standardError.write(Data((Self.line(event, label: label, metadata: metadata) + "\n").utf8))
    }

    /// The JSON line of an event (without the newline).
    static func line(_ event: LogEvent, label: String, metadata: Logger.Metadata, time: Date = Date()) -> String {
        var merged = metadata
        for (key, value) in event.metadata ?? [:] { merged[key] = value }
        var object: [String: Any] = [
            "label": label, "level": event.level.rawValue, "message": event.message.description,
            "time": timestamp(time),
        ]
        if !merged.isEmpty { object["metadata"] = merged.mapValues { $0.description } }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// UTC time with milliseconds, e.g. `2026-01-05T00:00:00.000Z`.
    static func timestamp(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: time)
    }
}
