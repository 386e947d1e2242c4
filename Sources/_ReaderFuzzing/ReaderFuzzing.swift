import EnergyCalendar
import Foundation
import GridIO
import GridModel
import Planning

/// One entry per reader for coverage-guided fuzzing (`Fuzz/`, `scripts/fuzz`) and for replaying the inputs it
/// found (`ReaderFuzzingTests`): each feeds arbitrary bytes to a reader the way re100 does, and must return,
/// never trap, whatever the bytes. Errors thrown by the readers are the expected outcome for most inputs.
public enum ReaderFuzzing {
    /// The readers that are fuzzed, by the name of their fuzz target (`fuzz-<rawValue>`).
    public enum Target: String, CaseIterable, Sendable {
        /// A native grid folder: `grid.toml` plus the CSV files it names (a `FileBundle`), read and validated.
        case nativeGrid = "native-grid"
        /// A tariff file (`grids/tariffs/*.toml`).
        case tariff
        /// A scenario overlay applied to `grids/single-bus`, then validated.
        case overlay
        /// A solver preset (`solver-configs/*.toml`).
        case solverPreset = "solver-preset"
        /// A PyPSA CSV folder (a `FileBundle` of `buses.csv`, `snapshots.csv`, ...), read and validated.
        case pypsa
        /// A MATPOWER case file, read and validated.
        case matpower
        /// A load/temperature history CSV (`forecast`, `backtest`) and a metered-values CSV (`actuals add`).
        case historyCSV = "history-csv"
        /// `state.json`.
        case state
    }

    /// What an entry needs besides the bytes: a scratch folder of its own and the repository (for the base grid).
    public struct Context: Sendable {
        /// A folder only this process writes to.
        public var scratch: URL
        /// The repository root (with `grids/`).
        public var repository: URL

        /// A context; `scratch` is created when missing.
        public init(scratch: URL, repository: URL) {
            self.scratch = scratch
            self.repository = repository
            try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        }
    }

    /// The main file name of each target's `FileBundle` (the bytes before the first `@@ name` line).
    public static func mainFileName(_ target: Target) -> String {
        switch target {
        case .nativeGrid: "grid.toml"
        case .pypsa: "buses.csv"
        case .matpower: "case.m"
        case .historyCSV: "history.csv"
        case .state: "state.json"
        case .tariff: "tariff.toml"
        case .overlay: "overlay.toml"
        case .solverPreset: "preset.toml"
        }
    }

    /// Runs `target`'s reader on `bytes`.
    public static func run(_ target: Target, _ bytes: UnsafeRawBufferPointer, context: Context) {
        switch target {
        case .nativeGrid, .pypsa:
            let folder = context.scratch.appendingPathComponent("grid")
            FileBundle(bytes, mainName: mainFileName(target)).write(into: folder)
            _ = GridReader.validate(folder)
        case .matpower:
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let matpower = try MATPOWERReader.read(text: text, file: "case.m", name: "case")
                _ = NetworkValidator().validate(matpower.network)
            } catch {}
        case .tariff:
            guard let source = toml(bytes) else { return }
            _ = try? TariffReader.read(source)
        case .solverPreset:
            guard let source = toml(bytes) else { return }
            _ = try? SolverPresetLoader.options(from: source)
        case .overlay:
            let base = context.scratch.appendingPathComponent("base")
            let overlay = context.scratch.appendingPathComponent("overlay")
            copyBaseGrid(from: context.repository, to: base)
            FileBundle(bytes, mainName: mainFileName(target)).write(into: overlay)
            let tariffs = NamedFileCatalog(folders: [context.repository.appendingPathComponent("grids/tariffs")])
            _ = GridReader.validate(base, scenarios: [overlay.appendingPathComponent(mainFileName(target))], tariffs: tariffs)
        case .historyCSV:
            let data = Array(bytes)
            let zone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
            for fill in LoadHistoryReader.GapFill.allCases {
                _ = try? LoadHistoryReader.read(bytes: data, file: "history.csv", timeZone: zone, fill: fill)
            }
            _ = try? LoadHistoryReader.read(
                bytes: data, file: "future.csv", timeZone: .gmt, requireLoad: false, requireTemperature: true, allowTrailingEmpty: true)
            if let table = try? NumericCSVReader.read(bytes: data, file: "actuals.csv", allowEmpty: true) {
                _ = try? ActualsReader.values(of: table, timeZone: zone)
            }
        case .state:
            _ = try? StateFile.decode(Array(bytes), file: "state.json")
        }
    }

    private static func toml(_ bytes: UnsafeRawBufferPointer) -> TOMLSource? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return try? TOMLSource(text: text, file: "input.toml")
    }

    private static func copyBaseGrid(from repository: URL, to base: URL) {
        guard !FileManager.default.fileExists(atPath: base.appendingPathComponent("grid.toml").path) else { return }
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let source = repository.appendingPathComponent("grids/single-bus")
        for name in ["grid.toml", "series.csv"] {
            try? FileManager.default.copyItem(at: source.appendingPathComponent(name), to: base.appendingPathComponent(name))
        }
        // grid.toml names its tariff as ../tariffs/<name>.toml.
        try? FileManager.default.copyItem(
            at: repository.appendingPathComponent("grids/tariffs"), to: base.deletingLastPathComponent().appendingPathComponent("tariffs"))
    }
}
