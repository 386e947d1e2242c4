import ArgumentParser
import EnergyCalendar
import Planning

/// `<grid> [--start T] [--hours N]`: the grid and the horizon, shared by `dispatch` and `export-lp` (which
/// add `--scenario` through `ScenarioOptions`, after their own horizon flags as ARCHITECTURE.md orders them).
struct GridInputOptions: ParsableArguments {
    @Argument(help: "A grid folder with grid.toml, a PyPSA CSV folder, or a MATPOWER .m file.")
    var grid: String

    @Option(help: "First hour, ISO-8601 (offset optional, read in the grid's time zone); must be a snapshot.")
    var start: String?

    @Option(help: "Number of hours (default: every snapshot from --start on).")
    var hours: Int?

    func validate() throws {
        if let hours, !InputLimits.isSnapshotCount(hours) {
            throw ValidationError("--hours must be from 1 to \(InputLimits.maximumSnapshots) (ten years of hours), found \(hours)")
        }
    }

    /// The horizon of `--start` and `--hours` on `axis`, resolved once.
    /// - Throws: `PlanningError` when `--start` is no snapshot or `--hours` runs past the axis.
    func horizon(in axis: TimeAxis) throws -> Horizon {
        try Horizon(start: start, hours: hours, in: axis)
    }
}
