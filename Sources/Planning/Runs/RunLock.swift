import Foundation

/// The `flock` that keeps two `re100 run`s on the same output folder apart (`DIR/.re100.lock`).
/// Released when the value is closed or the process ends.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock, waiting up to `waitSeconds` (0: not at all).
    /// - Throws: `PlanningError.lockHeld` when another process still holds it.
    public init(path: String, waitSeconds: Double) throws {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw PlanningError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(waitSeconds)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, Date() < deadline else {
                close(descriptor)
                throw PlanningError.lockHeld(path: path)
            }
            usleep(200_000)
        }
    }

    deinit { close(descriptor) }
}
