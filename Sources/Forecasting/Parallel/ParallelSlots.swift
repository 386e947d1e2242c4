import Foundation

/// Runs independent jobs on a fixed number of worker threads with `DispatchQueue.concurrentPerform`, each job
/// writing only its own pre-allocated slot, so the results do not depend on the number of threads.
/// Public so Planning runs independent solves (the scenarios of `re100 compare`) the same way.
public enum ParallelSlots {
    /// `body(index)` for every index in `0..<count`, on `threads` workers pulling the next index in turn;
    /// also returns the CPU seconds each worker thread spent (for judging the load balance).
    public static func map<Result: Sendable>(count: Int, threads: Int,
                                      _ body: @Sendable (Int) -> Result) -> (results: [Result?], workerSeconds: [Double]) {
        let slots = SlotBuffer<Result>(count: count)
        let counter = NextIndex()
        let workers = max(1, min(threads, count))
        let seconds = SlotBuffer<Double>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = threadCPUSeconds()
            while let index = counter.next(limit: count) {
                slots.store(body(index), at: index)
            }
            seconds.store(threadCPUSeconds() - start, at: worker)
        }
        return (slots.values(), seconds.values().map { $0 ?? 0 })
    }

    /// CPU time of the calling thread in seconds.
    public static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// A lock-protected job counter.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next(limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Result slots written by distinct indices from several threads (each slot by exactly one job).
private final class SlotBuffer<Result>: @unchecked Sendable {
    private var storage: [Result?]
    private let lock = NSLock()

    init(count: Int) {
        storage = [Result?](repeating: nil, count: count)
    }

    func store(_ result: Result, at index: Int) {
        lock.lock()
        storage[index] = result
        lock.unlock()
    }

    func values() -> [Result?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
