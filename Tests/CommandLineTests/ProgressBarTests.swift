import Foundation
import Testing
@testable import re100

/// What a `StatusLine` wrote, for tests.
final class WrittenText: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []

    /// Records one write.
    func append(_ text: String) {
        lock.lock()
        parts.append(text)
        lock.unlock()
    }

    /// Every write so far, in order.
    var writes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return parts
    }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 100.0

    /// The time now, seconds.
    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds
    }

    /// Moves the clock forward.
    func advance(_ delta: Double) {
        lock.lock()
        seconds += delta
        lock.unlock()
    }
}

@Suite("Progress bar")
struct ProgressBarTests {
    static let erase = StatusLine.eraseToEnd

    @Test("The bar text: filled share, count, percent, elapsed and ETA", arguments: [
        (0, 364, 0.0, nil as Int?, "dispatch [..............................] 0/364   0% 0.0 s"),
        (123, 364, 5.2, nil, "dispatch [##########....................] 123/364  33% 5.2 s, ETA 10 s"),
        (364, 364, 61.4, nil, "dispatch [##############################] 364/364 100% 1 min 01 s"),
        (1, 4, 30, 1, "dispatch [#######.......................] 1/4  25% 30 s, ETA 1 min 30 s, 1 failed"),
        (2, 3, 4000, nil, "dispatch [####################..........] 2/3  66% 1 h 06 min, ETA 33 min 20 s"),
    ])
    func rendering(done: Int, total: Int, elapsed: Double, failed: Int?, expected: String) {
        #expect(ProgressBar.render(label: "dispatch", done: done, total: total, elapsed: elapsed, failed: failed) == expected)
    }

    @Test("A total of zero shows an empty bar and no ETA")
    func zeroTotal() {
        #expect(ProgressBar.render(label: "x", done: 0, total: 0, elapsed: 0)
            == "x [..............................] 0/0   0% 0.0 s")
    }

    @Test("Redraws at most every 0.1 s, always the first and the last unit, then ends the line once")
    func throttling() {
        let written = WrittenText()
        let clock = ManualClock()
        let bar = ProgressBar(label: "w", line: StatusLine { written.append($0) }, now: { clock.now() })
        bar.update(done: 1, total: 10)       // first: drawn
        clock.advance(0.05)
        bar.update(done: 2, total: 10)       // 0.05 s later: skipped
        clock.advance(0.04)
        bar.update(done: 3, total: 10)       // 0.09 s after the last drawing: skipped
        clock.advance(0.02)
        bar.update(done: 4, total: 10)       // 0.11 s: drawn
        clock.advance(0.01)
        bar.update(done: 10, total: 10)      // the last unit: drawn although early
        bar.finish()
        bar.finish()
        let text = { (done: Int, elapsed: Double) in
            ProgressBar.render(label: "w", done: done, total: 10, elapsed: elapsed)
        }
        #expect(written.writes == [
            "\r" + text(1, 0) + Self.erase,
            "\r" + text(4, 0.11) + Self.erase,
            "\r" + text(10, 0.12) + Self.erase,
            "\r" + text(10, 0.12) + Self.erase + "\n",
        ])
    }

    @Test("advance counts units and failures from several threads")
    func advanceFromThreads() {
        let written = WrittenText()
        let bar = ProgressBar(label: "compare", total: 50, line: StatusLine { written.append($0) }, interval: 1000, now: { 0 })
        DispatchQueue.concurrentPerform(iterations: 50) { index in bar.advance(failed: index % 10 == 0) }
        bar.finish()
        #expect(written.writes.last == "\r" + ProgressBar.render(label: "compare", done: 50, total: 50, elapsed: 0, failed: 5)
            + Self.erase + "\n")
        // Drawn at the first and at the last unit only (the interval is long).
        #expect(written.writes.count == 3)
    }

    @Test("A bar that never counted anything writes nothing")
    func silentWithoutUnits() {
        let written = WrittenText()
        let bar = ProgressBar(label: "x", line: StatusLine { written.append($0) }, now: { 0 })
        bar.finish()
        #expect(written.writes.isEmpty)
    }

    @Test("A log line clears the bar first and draws it again after")
    func interruptKeepsTheBarWhole() {
        let written = WrittenText()
        let line = StatusLine { written.append($0) }
        line.interrupt { written.append("log 1\n") }
        line.show("bar")
        line.interrupt { written.append("log 2\n") }
        line.finish("bar done")
        line.interrupt { written.append("log 3\n") }
        #expect(written.writes == [
            "log 1\n", "\rbar" + Self.erase, "\r" + Self.erase, "log 2\n", "\rbar" + Self.erase,
            "\rbar done" + Self.erase + "\n", "log 3\n",
        ])
    }

    @Test("No bar when stderr is not a terminal (as under swift test) or logs are JSON")
    func onlyOnATerminal() throws {
        let json = try LoggingOptions.parse(["--log-format", "json"])
        #expect(ProgressBar.terminal(label: "x", logging: json) == nil)
        if isatty(STDERR_FILENO) == 0 {
            #expect(ProgressBar.terminal(label: "x", logging: try LoggingOptions.parse([])) == nil)
        }
    }
}
