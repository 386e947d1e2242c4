import Foundation
import Testing
@testable import Forecasting

@Suite("Gradient-boosted trees")
struct BoostedTreesTests {
    @Test("One stump by hand: the split between the two levels, leaves shrunk by lambda and the learning rate")
    func stump() {
        // x = 1, 2, 3, 4 with y = 0, 0, 10, 10: base = mean 5, residuals -5, -5, 5, 5. The best split is x <= 2
        // (gain 10^2/(2+1) + 10^2/(2+1) - 0^2/(4+1) = 66.7; x <= 1 and x <= 3 give (-5)^2/2 + 5^2/4 = 18.75).
        // Leaves: 0.5 x (-10)/(2 + 1) = -5/3 and 0.5 x 10/(2 + 1) = 5/3.
        let settings = BoostingSettings(trees: 1, learningRate: 0.5, maxDepth: 1, minLeafRows: 1, lambda: 1,
                                        rowFraction: 1.0, maxBins: 16, seed: 1)
        let model = BoostedTrees(columns: [[1, 2, 3, 4]], target: [0, 0, 10, 10], settings: settings, threads: 1)
        #expect(model.base == 5)
        #expect(abs(model.predict([1.5]) - (5 - 5.0 / 3)) < 1e-12)
        #expect(abs(model.predict([2]) - (5 - 5.0 / 3)) < 1e-12)
        #expect(abs(model.predict([3.5]) - (5 + 5.0 / 3)) < 1e-12)
        #expect(model.trees[0].nodes[0].threshold == 2)
        // A second tree (lambda 0, rate 1) fits the rest exactly: after tree 1 the residuals are -10/3 and 10/3.
        let exact = BoostedTrees(columns: [[1, 2, 3, 4]], target: [0, 0, 10, 10],
                                 settings: BoostingSettings(trees: 2, learningRate: 1, maxDepth: 1, minLeafRows: 1,
                                                            lambda: 0, rowFraction: 1, maxBins: 16, seed: 1),
                                 threads: 1)
        #expect(exact.predict([1]) == 0)
        #expect(exact.predict([4]) == 10)
    }

    @Test("A leaf keeps at least minLeafRows rows: with 3 of 4 rows required no split is allowed")
    func minimumLeaf() {
        let settings = BoostingSettings(trees: 1, learningRate: 1, maxDepth: 3, minLeafRows: 3, lambda: 0,
                                        rowFraction: 1, maxBins: 16, seed: 1)
        let model = BoostedTrees(columns: [[1, 2, 3, 4]], target: [0, 0, 10, 10], settings: settings, threads: 1)
        #expect(model.trees[0].nodes.count == 1)
        #expect(model.predict([1]) == 5)
    }

    /// Rows of a non-linear function of four features with a deterministic wiggle.
    static func sample(rows: Int) -> (columns: [[Double]], target: [Double]) {
        var generator = SplitMix64(seed: 99)
        var columns = [[Double]](repeating: [], count: 4)
        var target: [Double] = []
        for _ in 0..<rows {
            let values = (0..<4).map { _ in generator.nextUnit() * 10 }
            for index in 0..<4 { columns[index].append(values[index]) }
            target.append(sin(values[0]) * 5 + values[1] * values[2] / 10 + (values[3] > 5 ? 3 : 0))
        }
        return (columns, target)
    }

    @Test("Training is byte-identical on 1 and 2 threads, and the fixed seed repeats it; another seed differs")
    func threadsIdentical() {
        let data = Self.sample(rows: 3000)
        let settings = BoostingSettings(trees: 30)
        let one = BoostedTrees(columns: data.columns, target: data.target, settings: settings, threads: 1)
        let two = BoostedTrees(columns: data.columns, target: data.target, settings: settings, threads: 2)
        let again = BoostedTrees(columns: data.columns, target: data.target, settings: settings, threads: 2)
        #expect(one == two)
        #expect(two == again)
        let probe = [3.0, 4, 5, 6]
        #expect(one.predict(probe).bitPattern == two.predict(probe).bitPattern)
        var reseeded = settings
        reseeded.seed = 16
        #expect(BoostedTrees(columns: data.columns, target: data.target, settings: reseeded, threads: 2) != one)
    }

    @Test("The trees learn the function: held-out error well below the target's spread")
    func learns() {
        let data = Self.sample(rows: 4000)
        let train = (columns: data.columns.map { Array($0.prefix(3000)) }, target: Array(data.target.prefix(3000)))
        let model = BoostedTrees(columns: train.columns, target: train.target, settings: BoostingSettings(), threads: 2)
        var squared = 0.0
        var spread = 0.0
        let mean = data.target[3000...].reduce(0, +) / 1000
        for row in 3000..<4000 {
            let error = model.predict(data.columns.map { $0[row] }) - data.target[row]
            squared += error * error
            spread += (data.target[row] - mean) * (data.target[row] - mean)
        }
        #expect(squared < 0.1 * spread)
    }

    @Test("Bins: every distinct value when few, quantile edges when many; bin(x) <= b exactly when x <= edge b")
    func bins() {
        let few = FeatureBins(values: [3, 1, 2, 2, 3], maxBins: 8)
        #expect(few.edges == [1, 2])
        #expect([0.5, 1, 1.5, 2, 3, 9].map(few.bin) == [0, 0, 1, 1, 2, 2])
        let many = FeatureBins(values: (0..<100).map(Double.init), maxBins: 4)
        #expect(many.edges == [25, 50, 75])
        #expect(many.bin(25) == 0)
        #expect(many.bin(25.5) == 1)
    }
}
