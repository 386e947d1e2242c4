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

    /// Creates provenance.
    public init(re100Version: String, glpkVersion: String, grid: InputFile, gridFormat: String, currency: String,
                timeZone: String, scenarios: [InputFile], solverPresetFile: String?, solverOptions: SolverOptions) {
        self.re100Version = re100Version
        self.glpkVersion = glpkVersion
        self.grid = grid
        self.gridFormat = gridFormat
        self.currency = currency
        self.timeZone = timeZone
        self.scenarios = scenarios
        self.solverPresetFile = solverPresetFile
        self.solverOptions = solverOptions
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
