import Foundation

/// The one line at the bottom of stderr a progress bar redraws in place with a carriage return. Everything else
/// written to stderr while the line is shown (log lines, error messages) goes through `interrupt(_:)`, which
/// clears the line first and draws it again below, so a log line never lands in the middle of a bar.
final class StatusLine: @unchecked Sendable {
    /// The status line of this process's stderr.
    static let standardError = StatusLine { text in FileHandle.standardError.write(Data(text.utf8)) }

    /// ANSI "erase to the end of the line", so a shorter text leaves no remnant of a longer one.
    static let eraseToEnd = "\u{1B}[K"

    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    /// The text on the line now, nil when nothing is shown.
    private var shown: String?

    /// A status line writing its bytes through `write` (stderr for `standardError`, a buffer in tests).
    init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Replaces the line's text with `text`.
    func show(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        shown = text
        write("\r" + text + Self.eraseToEnd)
    }

    /// Draws `text` a last time and ends the line with a newline; later output starts below it.
    func finish(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        shown = nil
        write("\r" + text + Self.eraseToEnd + "\n")
    }

    /// Runs `body`, which writes whole lines to stderr, with the line cleared before and drawn again after.
    func interrupt(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard let text = shown else { return body() }
        write("\r" + Self.eraseToEnd)
        body()
        write("\r" + text + Self.eraseToEnd)
    }
}
