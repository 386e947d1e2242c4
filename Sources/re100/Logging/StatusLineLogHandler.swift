import Logging

/// A swift-log handler that writes through another one (the plain stderr handler) with the status line cleared
/// before and drawn again after each message, so log lines never break a progress bar apart.
struct StatusLineLogHandler: LogHandler {
    /// The handler that writes the message.
    var wrapped: any LogHandler
    /// The status line to keep intact.
    let line: StatusLine

    /// Wraps `handler`, interrupting `line` for each message.
    init(wrapping handler: any LogHandler, line: StatusLine = .standardError) {
        wrapped = handler
        self.line = line
    }

    /// The wrapped handler's level.
    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    /// The wrapped handler's metadata.
    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    /// The wrapped handler's metadata by key.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    /// Writes the event with the wrapped handler while the status line is cleared.
    func log(event: LogEvent) {
        line.interrupt { wrapped.log(event: event) }
    }
}
