/// How a solver should attack a model. The defaults are re100's compiled-in preset, which
/// `solver-configs/default.toml` repeats (a test keeps the two equal).
///
/// Coded with snake_case keys (`time_limit_seconds`), the form used by the preset files.
public struct SolverOptions: Sendable, Equatable, Codable {
    /// The LP algorithm.
    public var method: SolverMethod
    /// Run GLPK's LP presolver first (faster on large models, but infeasibility found by the
    /// presolver leaves no basis to diagnose).
    public var presolve: Bool
    /// How to scale the matrix before the simplex method.
    public var scaling: ScalingMode
    /// Wall-clock limit for one solve in seconds; nil for none.
    public var timeLimitSeconds: Double?
    /// Simplex iteration limit; nil for none.
    public var iterationLimit: Int?
    /// Relative MIP gap at which branch-and-cut stops (0 = prove optimality).
    public var mipGap: Double
    /// How much GLPK prints (routed to the log, never to stdout).
    public var messageLevel: MessageLevel
    /// `interior_point_certified`: the largest relative duality gap and bound violation at which an
    /// interior-point answer is accepted without a crossover (``OptimalityCertificate``).
    public var certificateTolerance: Double

    /// Creates options; every parameter has re100's default.
    public init(
        method: SolverMethod = .interiorPointCertified, presolve: Bool = false,
        scaling: ScalingMode = .automatic, timeLimitSeconds: Double? = nil, iterationLimit: Int? = nil,
        mipGap: Double = 1e-4, messageLevel: MessageLevel = .off, certificateTolerance: Double = 1e-7
    ) {
        self.method = method
        self.presolve = presolve
        self.scaling = scaling
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.mipGap = mipGap
        self.messageLevel = messageLevel
        self.certificateTolerance = certificateTolerance
    }

    /// The option names as they appear in preset files.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case method, presolve, scaling
        case timeLimitSeconds = "time_limit_seconds"
        case iterationLimit = "iteration_limit"
        case mipGap = "mip_gap"
        case messageLevel = "message_level"
        case certificateTolerance = "certificate_tolerance"
    }

    /// Decodes options; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SolverOptions()
        method = try container.decodeIfPresent(SolverMethod.self, forKey: .method) ?? defaults.method
        presolve = try container.decodeIfPresent(Bool.self, forKey: .presolve) ?? defaults.presolve
        scaling = try container.decodeIfPresent(ScalingMode.self, forKey: .scaling) ?? defaults.scaling
        timeLimitSeconds = try container.decodeIfPresent(Double.self, forKey: .timeLimitSeconds)
        iterationLimit = try container.decodeIfPresent(Int.self, forKey: .iterationLimit)
        mipGap = try container.decodeIfPresent(Double.self, forKey: .mipGap) ?? defaults.mipGap
        messageLevel = try container.decodeIfPresent(MessageLevel.self, forKey: .messageLevel) ?? defaults.messageLevel
        certificateTolerance = try container.decodeIfPresent(Double.self, forKey: .certificateTolerance)
            ?? defaults.certificateTolerance
    }

    /// The longest time limit accepted, in seconds (a year): longer ones are typos.
    public static let maximumTimeLimitSeconds = 31_536_000.0

    /// Problems with the values (negative limits, a gap outside [0, 1)), one message per field,
    /// keyed by the preset key name. Empty when the options are usable.
    public func problems() -> [(key: String, message: String)] {
        var found: [(key: String, message: String)] = []
        if let limit = timeLimitSeconds, !(limit > 0 && limit <= Self.maximumTimeLimitSeconds) {
            found.append((CodingKeys.timeLimitSeconds.rawValue,
                          "expected a positive number of seconds up to \(Int(Self.maximumTimeLimitSeconds)) (a year), found \(limit)"))
        }
        if let limit = iterationLimit, limit <= 0 {
            found.append((CodingKeys.iterationLimit.rawValue, "expected a positive iteration count, found \(limit)"))
        }
        if !(mipGap >= 0 && mipGap < 1) {
            found.append((CodingKeys.mipGap.rawValue, "expected a relative gap in [0, 1), found \(mipGap)"))
        }
        if !(certificateTolerance > 0 && certificateTolerance < 1) {
            found.append((CodingKeys.certificateTolerance.rawValue, "expected a relative tolerance in (0, 1), found \(certificateTolerance)"))
        }
        return found
    }
}

/// The LP algorithm.
public enum SolverMethod: String, Sendable, Codable, CaseIterable {
    /// Primal simplex from the standard basis.
    case primalSimplex = "primal_simplex"
    /// Dual simplex (falls back to primal when the start is not dual feasible).
    case dualSimplex = "dual_simplex"
    /// Interior point only: fast, but the answer is not a vertex and duals are approximate.
    case interiorPoint = "interior_point"
    /// Interior point, then a basis built from its answer and the primal simplex to finish:
    /// exact vertex answers at close to interior-point speed.
    case interiorPointWithCrossover = "interior_point_crossover"
    /// Interior point, accepted as it is when weak duality proves its objective within
    /// `certificate_tolerance` of the optimum (``OptimalityCertificate``), else the crossover: the
    /// interior point's speed with a proven objective, but the answer need not be a vertex.
    case interiorPointCertified = "interior_point_certified"
}

/// Matrix scaling before the simplex method.
public enum ScalingMode: String, Sendable, Codable, CaseIterable {
    case none
    case geometric
    case equilibration
    /// Geometric mean then equilibration, skipped when the matrix is already well scaled.
    case automatic
}

/// How much GLPK reports.
public enum MessageLevel: String, Sendable, Codable, CaseIterable {
    case off, error, normal, all
}
