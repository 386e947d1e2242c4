import Foundation

/// A progress bar on stderr for long work (rolling-horizon windows, backtest forecasts, compared scenarios):
/// `label [#########.....................] 123/364  34% 5.2 s, ETA 10 s`, redrawn in place at most every
/// `interval` seconds and ended with a newline by `finish()`. Only made for a terminal (`terminal(label:logging:)`
/// returns nil when stderr is no TTY or logs are JSON), so pipes, log files and tests see nothing.
/// Thread-safe: `update` and `advance` may be called from worker threads.
final class ProgressBar: @unchecked Sendable {
    /// Characters between the brackets.
    static let width = 30
    /// Seconds between two redraws at most (10 updates per second).
    static let defaultInterval = 0.1

    /// What the bar shows before the brackets (`dispatch`, `backtest`, `compare`).
    let label: String
    private let line: StatusLine
    private let now: @Sendable () -> Double
    private let interval: Double
    private let lock = NSLock()
    private let started: Double
    private var lastDrawn: Double?
    private var done = 0
    private var total = 0
    private var failed: Int?
    private var finished = false

    /// A bar drawing on `line`, reading seconds from `now` (monotonic; injected in tests), redrawn at most every
    /// `interval` seconds. The clock starts now.
    init(label: String, total: Int = 0, line: StatusLine, interval: Double = ProgressBar.defaultInterval,
         now: @escaping @Sendable () -> Double = ProgressBar.monotonicSeconds) {
        self.label = label
        self.total = total
        self.line = line
        self.interval = interval
        self.now = now
        started = now()
    }

    /// A bar on stderr, or nil when stderr is not a terminal or `--log-format json` is chosen.
    static func terminal(label: String, total: Int = 0, logging: LoggingOptions) -> ProgressBar? {
        guard isatty(STDERR_FILENO) == 1, logging.logFormat != .json else { return nil }
        return ProgressBar(label: label, total: total, line: .standardError)
    }

    /// Seconds on a monotonic clock.
    @Sendable static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) * 1e-9
    }

    /// Sets the count done and the total (a progress callback's arguments) and redraws if due.
    func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.done = done
        self.total = total
        drawIfDue()
    }

    /// `update(done:total:)` as a progress callback (`DispatchOptions.progress`, `Forecaster.backtest`'s).
    var callback: @Sendable (_ done: Int, _ total: Int) -> Void {
        { [self] done, total in update(done: done, total: total) }
    }

    /// Counts one more unit done (`failed`: one that failed, shown as `n failed`) and redraws if due.
    func advance(failed: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if failed { self.failed = (self.failed ?? 0) + 1 } else if self.failed == nil { self.failed = 0 }
        drawIfDue()
    }

    /// Draws the final state and ends the line (once; later calls do nothing). Nothing is drawn when no unit
    /// was ever reported.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        guard lastDrawn != nil || done > 0 else { return }
        line.finish(text(at: now()))
    }

    /// Draws when `interval` seconds passed since the last drawing, or at the first and the last unit.
    private func drawIfDue() {
        guard !finished else { return }
        let time = now()
        if let last = lastDrawn, time - last < interval, done < total { return }
        lastDrawn = time
        line.show(text(at: time))
    }

    private func text(at time: Double) -> String {
        Self.render(label: label, done: done, total: total, elapsed: time - started, failed: failed)
    }

    /// The bar's text: `label [###...] done/total  pp% elapsed, ETA remaining[, n failed]`; the ETA assumes the
    /// remaining units take as long as the done ones on average and is left out before the first unit and at the
    /// end.
    static func render(label: String, done: Int, total: Int, elapsed: Double, failed: Int? = nil) -> String {
        let fraction = total > 0 ? min(max(Double(done) / Double(total), 0), 1) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let percent = String(Int((fraction * 100).rounded(.down)))
        var text = label + " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] \(done)/\(total) " + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "% "
            + duration(elapsed, decimals: elapsed < 10 ? 1 : 0)
        if done > 0, done < total {
            text += ", ETA " + duration(elapsed / Double(done) * Double(total - done), decimals: 0)
        }
        if let failed { text += ", \(failed) failed" }
        return text
    }

    /// `5.2 s`, `42 s`, `3 min 05 s`, `2 h 07 min` (below a minute with `decimals` decimals).
    static func duration(_ seconds: Double, decimals: Int) -> String {
        let value = seconds.isFinite ? max(seconds, 0) : 0
        if value < 59.5 {
            return decimals > 0 ? String(format: "%.\(decimals)f s", value) : "\(Int(value.rounded())) s"
        }
        let whole = Int(value.rounded())
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, whole % 3600 / 60)
    }
}
