@testable import LinearProgramming

/// A small deterministic generator (SplitMix64), so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random LPs that are feasible by construction (rows are built around a known point) and
/// bounded (every column has finite bounds). Numbers have at most four decimals, so GLPK's
/// file writers (15 significant digits) reproduce them exactly.
enum RandomLP {
    static func decimal(_ range: ClosedRange<Double>, _ random: inout SeededGenerator) -> Double {
        (Double.random(in: range, using: &random) * 10_000).rounded() / 10_000
    }

    static func make(seed: UInt64, rows: Int = 12, columns: Int = 15, density: Double = 0.3) throws -> LinearModel {
        var random = SeededGenerator(seed: seed)
        var builder = LinearModelBuilder(sense: seed % 2 == 0 ? .minimize : .maximize)
        var point: [Double] = []
        for j in 0..<columns {
            let value = decimal(0...5, &random)
            point.append(value)
            builder.addColumn(name: "x\(j)", lower: 0, upper: 10, cost: decimal(-3...3, &random))
        }
        for i in 0..<rows {
            var terms: [(column: Int, coefficient: Double)] = []
            for j in 0..<columns where Double.random(in: 0...1, using: &random) < density {
                terms.append((j, Double.random(in: -4...4, using: &random).rounded() + 0.5))
            }
            let activity = terms.reduce(0) { $0 + $1.coefficient * point[$1.column] }
            let kind = i % 3
            let lower = kind == 1 ? -Double.infinity : ((activity - decimal(0...2, &random)) * 10_000).rounded() / 10_000
            let upper = kind == 2 ? Double.infinity : ((activity + decimal(0...2, &random)) * 10_000).rounded() / 10_000
            builder.addRow(name: "r\(i)", lower: lower, upper: upper, terms: terms)
        }
        return try builder.build()
    }
}

extension RandomLP {
    /// A DC power flow over `buses` buses (a ring plus as many random chords) and `hours` hours, written with voltage
    /// angles bounded at `±angleBound`: balances with generators and shedding at 10,000 per MWh, and
    /// `θ_a − θ_b − x·f = 0` per branch. Loose angle bounds make GLPK 5.0's interior point stop on numerical instability
    /// or slow convergence far from the optimum (what re100's own angle form avoids with tight bounds).
    static func angleFlow(seed: UInt64, buses: Int, hours: Int, angleBound: Double) throws -> LinearModel {
        var random = SeededGenerator(seed: seed)
        var branches = (0..<buses).map { ($0, ($0 + 1) % buses) }
        for _ in 0..<buses {
            let a = Int.random(in: 0..<buses, using: &random), b = Int.random(in: 0..<buses, using: &random)
            if a != b { branches.append((a, b)) }
        }
        let generators = (0..<(buses / 2)).map { _ in
            (bus: Int.random(in: 0..<buses, using: &random), cost: decimal(10...100, &random), limit: decimal(50...200, &random))
        }
        var builder = LinearModelBuilder()
        for _ in 0..<hours {
            let power = generators.enumerated().map { g, unit in builder.addColumn(name: "", lower: 0, upper: unit.limit, cost: unit.cost) }
            let shed = (0..<buses).map { _ in builder.addColumn(name: "", lower: 0, upper: 60, cost: 10_000) }
            let angle = (0..<buses).map { b in builder.addColumn(name: "", lower: b == 0 ? 0 : -angleBound, upper: b == 0 ? 0 : angleBound) }
            let flow = branches.map { _ in builder.addColumn(name: "", lower: -decimal(20...80, &random), upper: decimal(20...80, &random)) }
            for b in 0..<buses {
                var terms = generators.indices.filter { generators[$0].bus == b }.map { (power[$0], 1.0) }
                for (k, branch) in branches.enumerated() {
                    if branch.0 == b { terms.append((flow[k], -1)) }
                    if branch.1 == b { terms.append((flow[k], 1)) }
                }
                terms.append((shed[b], 1))
                let load = decimal(5...60, &random)
                builder.addRow(name: "", lower: load, upper: load, terms: terms)
            }
            for (k, branch) in branches.enumerated() {
                builder.addRow(name: "", lower: 0, upper: 0,
                               terms: [(angle[branch.0], 1), (angle[branch.1], -1), (flow[k], -decimal(0.01...0.5, &random))])
            }
        }
        return try builder.build()
    }
}
