/// Rolling windows for horizons too long for one LP: windows of `length` hours, each committing its first `step`.
public struct RollingWindows: Sendable, Equatable {
    /// Hours in each window's LP (the look-ahead included).
    public var length: Int
    /// Hours each window commits, `1...length`.
    public var step: Int

    /// Windows of `length` hours committing `step` each.
    public init(length: Int, step: Int) {
        self.length = length
        self.step = step
    }
}
