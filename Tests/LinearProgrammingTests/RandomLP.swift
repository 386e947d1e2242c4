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
    private static func decimal(_ range: ClosedRange<Double>, _ random: inout SeededGenerator) -> Double {
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
