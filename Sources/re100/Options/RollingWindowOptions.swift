import ArgumentParser
import EnergyCalendar
import Planning

/// `[--window N --step N]`: rolling windows for horizons too long for one LP, shared by `dispatch` and `compare`.
struct RollingWindowOptions: ParsableArguments {
    @Option(help: "Rolling-window length in hours (needs --step).")
    var window: Int?

    @Option(help: "Hours committed per rolling window (needs --window; at most --window).")
    var step: Int?

    func validate() throws {
        switch (window, step) {
        case (nil, nil): break
        case (.some, nil): throw ValidationError("--window needs --step")
        case (nil, .some): throw ValidationError("--step needs --window")
        case let (window?, step?):
            guard window >= 1, step >= 1, step <= window else {
                throw ValidationError("expected 1 ≤ --step ≤ --window, found --window \(window) --step \(step)")
            }
            guard window <= InputLimits.maximumSnapshots else {
                throw ValidationError("--window must be at most \(InputLimits.maximumSnapshots) hours (ten years), found \(window)")
            }
        }
    }

    /// The windows of `--window` and `--step`, nil without them.
    var windows: RollingWindows? {
        guard let window, let step else { return nil }
        return RollingWindows(length: window, step: step)
    }
}
