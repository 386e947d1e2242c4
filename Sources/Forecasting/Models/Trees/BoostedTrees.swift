/// Settings of `BoostedTrees`.
struct BoostingSettings: Sendable, Equatable {
    /// Trees added.
    var trees = 200
    /// Shrinkage of every leaf value.
    var learningRate = 0.1
    /// Maximum depth of a tree (leaves at most 2^depth).
    var maxDepth = 6
    /// Fewest training rows in a leaf.
    var minLeafRows = 20
    /// L2 penalty on leaf values (added to a leaf's row count).
    var lambda = 1.0
    /// Share of the rows each tree is grown on (drawn anew for every tree).
    var rowFraction = 0.8
    /// Most histogram bins per feature (at most 256).
    var maxBins = 64
    /// Seed of the row sampling.
    var seed: UInt64 = 15
}

/// Gradient-boosted regression trees with histogram splits and squared loss (Friedman 2001, "Greedy function
/// approximation: a gradient boosting machine", Ann. Statist. 29:1189-1232; histogram binning as in LightGBM,
/// Ke et al. 2017): the mean of the target, then trees fitted one after another to the residuals, each on a
/// random share of the rows. Deterministic for a given seed, and the same for any number of threads.
struct BoostedTrees: Sendable, Equatable {
    /// The starting value (mean of the target).
    let base: Double
    /// The trees in the order they were added.
    let trees: [RegressionTree]

    /// Trains on `columns` (one array of raw values per feature, all of the target's length).
    init(columns: [[Double]], target: [Double], settings: BoostingSettings, threads: Int) {
        let rowCount = target.count
        let binnings = columns.map { FeatureBins(values: $0, maxBins: min(settings.maxBins, 256)) }
        let bins = zip(columns, binnings).map { column, binning in column.map(binning.bin) }
        let binCounts = binnings.map(\.count)
        let edges = binnings.map(\.edges)
        base = rowCount > 0 ? target.reduce(0, +) / Double(rowCount) : 0
        var prediction = [Double](repeating: base, count: rowCount)
        var generator = SplitMix64(seed: settings.seed)
        var trees: [RegressionTree] = []
        for _ in 0..<(rowCount > 0 ? settings.trees : 0) {
            let residual = (0..<rowCount).map { target[$0] - prediction[$0] }
            let sample = (0..<rowCount).filter { _ in generator.nextUnit() < settings.rowFraction }
            let tree = RegressionTree(bins: bins, binCounts: binCounts, edges: edges, residual: residual,
                                      sample: sample, settings: settings, threads: threads)
            for row in 0..<rowCount { prediction[row] += tree.predict(bins: bins, row: row) }
            trees.append(tree)
        }
        self.trees = trees
    }

    /// The prediction for one row of raw feature values.
    func predict(_ row: [Double]) -> Double {
        trees.reduce(base) { $0 + $1.predict(row) }
    }
}
