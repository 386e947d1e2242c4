import Foundation

/// Runs independent jobs on a fixed number of worker threads with `DispatchQueue.concurrentPerform`, each job
/// writing only its own pre-allocated slot, so the results do not depend on the number of threads.
enum ParallelSlots {
    /// `body(index)` for every index in `0..<count`, on `threads` workers pulling the next index in turn.
    static func map<Result: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> Result) -> [Result?] {
        let slots = SlotBuffer<Result>(count: count)
        let counter = NextIndex()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while let index = counter.next(limit: count) {
                slots.store(body(index), at: index)
            }
        }
        return slots.values()
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
