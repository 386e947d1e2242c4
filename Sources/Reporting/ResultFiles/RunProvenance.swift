import Foundation
import LinearProgramming

/// Where a dispatch came from: versions, the grid and its fingerprint, the scenarios and the solver preset.
/// The CLI fills it in (it reads the files); `RunSummary` records it in `summary.json`.
public struct RunProvenance: Sendable, Equatable {
    /// re100's version (`re100 --version`).
    public var re100Version: String
    /// The GLPK library version (`glp_version()`), e.g. `5.0`.
    public var glpkVersion: String
    /// The grid as given on the command line.
    public var grid: InputFile
    /// The grid's format: `native`, `pypsa` or `matpower`.
    public var gridFormat: String
    /// The grid's currency (ISO 4217 code), the unit of every cost and price.
    public var currency: String
    /// The grid's IANA time zone.
    public var timeZone: String
    /// Scenario overlays in the order applied.
    public var scenarios: [InputFile]
    /// The solver preset file, nil for the compiled-in default.
    public var solverPresetFile: String?
    /// The solver options used.
    public var solverOptions: SolverOptions
    /// The histories forecast before dispatch, with the newest hour each contributed (empty for fixed inputs).
    public var forecastInputs: [ForecastInputRecord]

    /// Creates provenance.
    public init(re100Version: String, glpkVersion: String, grid: InputFile, gridFormat: String, currency: String,
                timeZone: String, scenarios: [InputFile], solverPresetFile: String?, solverOptions: SolverOptions,
                forecastInputs: [ForecastInputRecord] = []) {
        self.re100Version = re100Version
        self.glpkVersion = glpkVersion
        self.grid = grid
        self.gridFormat = gridFormat
        self.currency = currency
        self.timeZone = timeZone
        self.scenarios = scenarios
        self.solverPresetFile = solverPresetFile
        self.solverOptions = solverOptions
        self.forecastInputs = forecastInputs
    }
}

/// A history a forecast was made from: which series it filled and how recent its data were.
public struct ForecastInputRecord: Sendable, Equatable {
    /// The filled series, e.g. `loads.factory` or `generators.pv_rooftop`.
    public var series: String
    /// The model that forecast it.
    public var model: String
    /// The history file as read.
    public var file: String
    /// The column of the file.
    public var column: String
    /// The start of the newest hour with a value before the forecast origin.
    public var newestInput: Date
    /// The forecast origin (the first dispatched hour).
    public var origin: Date

    /// Creates a record.
    public init(series: String, model: String, file: String, column: String, newestInput: Date, origin: Date) {
        self.series = series
        self.model = model
        self.file = file
        self.column = column
        self.newestInput = newestInput
        self.origin = origin
    }
}

/// An input file or folder with the SHA-256 fingerprint of its content.
public struct InputFile: Sendable, Equatable, Codable {
    /// The path as given on the command line.
    public var path: String
    /// SHA-256 hex of the content (for a folder: of its files, see docs/outputs.md).
    public var sha256: String

    /// Creates an input file record.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
