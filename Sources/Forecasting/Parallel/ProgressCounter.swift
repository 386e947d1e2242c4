import Foundation

/// Counts finished units of work across worker threads and hands each new count to a progress callback, under a
/// lock, so the callback sees `1, 2, ..., total` in that order whatever the number of threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// A counter of `total` units reporting to `report` (nil: counts nothing).
    init(total: Int, report: (@Sendable (_ done: Int, _ total: Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Records `units` more finished units, reporting each one.
    func advance(by units: Int) {
        guard let report, units > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        for _ in 0..<units {
            done += 1
            report(done, total)
        }
    }
}
