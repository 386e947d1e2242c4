import EnergyCalendar
/// A MATPOWER generator cost (`mpc.gencost` row) as linear cost blocks that an LP fills in merit order.
///
/// re100 generators have one marginal cost, so a convex cost curve becomes consecutive blocks (one generator
/// each) of width `width` MW at `slope` currency/MWh; convexity makes the LP fill them in order, so this is exact
/// for piecewise-linear costs. A quadratic polynomial becomes four blocks between `Pmin` and `Pmax` whose slopes
/// are the secants of the curve (exact at the five breakpoints). Constant terms cannot be carried by a marginal
/// cost and are returned as `constant` (currency/h) for the caller to report.
struct MATPOWERCostCurve: Equatable {
    /// One block: its width in MW, its marginal cost in currency/MWh and the output it must at least give.
    struct Block: Equatable {
        var width: Double
        var slope: Double
        var minimum: Double
    }

    /// The blocks in merit order; their widths add up to `Pmax`.
    var blocks: [Block]
    /// Cost at zero output implied by the curve (currency/h), not representable as a marginal cost.
    var constant: Double

    /// Number of blocks a quadratic cost is split into.
    static let quadraticBlocks = 4

    /// Why a cost row cannot be used.
    enum Problem: Error, Equatable {
        case unsupportedModel(Double)
        case tooFewValues(needed: Int)
        case higherOrderPolynomial(degree: Int)
        case nonConvex
        case pointsNotIncreasing
        /// NCOST is not a whole number that the row has room for.
        case badPointCount(Double)
    }

    /// The blocks of cost `row` (the MATPOWER columns from MODEL on) for a generator with limits in MW.
    static func blocks(row: [Double], minimum: Double, maximum: Double) throws(Problem) -> MATPOWERCostCurve {
        guard row.count >= 4 else { throw .tooFewValues(needed: 4) }
        let model = row[0]
        // NCOST: at most as many points or coefficients as the row has values (so never a trap or an overflow).
        guard let count = InputLimits.wholeNumber(row[3], in: 0...row.count) else { throw .badPointCount(row[3]) }
        switch model {
        case 1:
            guard count >= 2, row.count >= 4 + 2 * count else { throw .tooFewValues(needed: 4 + 2 * max(count, 2)) }
            var points: [(Double, Double)] = []
            for index in 0..<count {
                let offset = 4 + 2 * index
                points.append((row[offset], row[offset + 1]))
            }
            for index in 1..<points.count where points[index].0 <= points[index - 1].0 { throw .pointsNotIncreasing }
            return try piecewise(points: points, minimum: minimum, maximum: maximum)
        case 2:
            guard count >= 1, row.count >= 4 + count else { throw .tooFewValues(needed: 4 + max(count, 1)) }
            let coefficients = Array(row[4..<(4 + count)].reversed())  // c0, c1, c2, ...
            if let degree = coefficients.lastIndex(where: { $0 != 0 }), degree > 2 {
                throw .higherOrderPolynomial(degree: degree)
            }
            let c0 = coefficients[0]
            let c1 = coefficients.count > 1 ? coefficients[1] : 0
            let c2 = coefficients.count > 2 ? coefficients[2] : 0
            if c2 == 0 {
                return MATPOWERCostCurve(blocks: [Block(width: maximum, slope: c1, minimum: minimum)], constant: c0)
            }
            guard c2 > 0 else { throw .nonConvex }
            let cost = { (power: Double) in c0 + c1 * power + c2 * power * power }
            guard maximum > minimum else {
                return MATPOWERCostCurve(
                    blocks: [Block(width: maximum, slope: c1 + 2 * c2 * maximum, minimum: minimum)],
                    constant: cost(maximum) - (c1 + 2 * c2 * maximum) * maximum)
            }
            let step = (maximum - minimum) / Double(quadraticBlocks)
            let points = (0...quadraticBlocks).map { index in
                let power = index == quadraticBlocks ? maximum : minimum + Double(index) * step
                return (power, cost(power))
            }
            return try piecewise(points: points, minimum: minimum, maximum: maximum)
        default:
            throw .unsupportedModel(model)
        }
    }

    /// Blocks from cost points `(MW, currency/h)`: the first block runs from 0 to the second point at the first
    /// slope, the last is cut or extended to `maximum`; block minimums add up to `minimum`.
    private static func piecewise(
        points: [(Double, Double)], minimum: Double, maximum: Double
    ) throws(Problem) -> MATPOWERCostCurve {
        var slopes: [Double] = []
        for index in 1..<points.count {
            slopes.append((points[index].1 - points[index - 1].1) / (points[index].0 - points[index - 1].0))
        }
        for index in 1..<slopes.count where slopes[index] < slopes[index - 1] - 1e-12 { throw .nonConvex }
        var blocks: [Block] = []
        var start = 0.0
        for (index, slope) in slopes.enumerated() {
            let isLast = index == slopes.count - 1
            let end = isLast ? maximum : min(points[index + 1].0, maximum)
            guard end > start || (blocks.isEmpty && isLast) else { continue }
            let width = max(end - start, 0)
            blocks.append(Block(width: width, slope: slope, minimum: min(max(minimum - start, 0), width)))
            start = end
            if start >= maximum { break }
        }
        let constant = points[0].1 - slopes[0] * points[0].0
        return MATPOWERCostCurve(blocks: blocks, constant: constant)
    }
}
