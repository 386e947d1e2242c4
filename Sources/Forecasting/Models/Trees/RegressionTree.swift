/// One regression tree on binned features, grown level by level from histograms of the residuals.
struct RegressionTree: Sendable, Equatable {
    /// A split (`feature >= 0`: rows with `value <= threshold`, i.e. bin <= `bin`, go left) or a leaf (`value`).
    struct Node: Sendable, Equatable {
        var feature: Int = -1
        var bin: Int = 0
        var threshold: Double = 0
        var left: Int = 0
        var right: Int = 0
        var value: Double = 0
    }

    /// The nodes, the root first.
    private(set) var nodes: [Node]

    /// The leaf value for a row of raw feature values.
    func predict(_ row: [Double]) -> Double {
        var index = 0
        while nodes[index].feature >= 0 {
            let node = nodes[index]
            index = row[node.feature] <= node.threshold ? node.left : node.right
        }
        return nodes[index].value
    }

    /// The leaf value for training row `row` of the binned columns.
    func predict(bins: [[UInt8]], row: Int) -> Double {
        var index = 0
        while nodes[index].feature >= 0 {
            let node = nodes[index]
            index = Int(bins[node.feature][row]) <= node.bin ? node.left : node.right
        }
        return nodes[index].value
    }

    /// Grows a tree fitting `residual` on the rows `sample` (squared loss: every row has Hessian 1).
    ///
    /// At each depth the histograms (residual sum and row count per node and bin) of all open nodes are built
    /// in one pass over the rows per feature, the features in parallel on `threads` workers; each feature's
    /// histograms and best splits are computed by one worker in row order, and the best split of a node is
    /// taken over the features in their order (ties keep the first), so the tree does not depend on `threads`.
    /// A split maximises G_L^2/(n_L + lambda) + G_R^2/(n_R + lambda) - G^2/(n + lambda) with at least
    /// `minLeafRows` rows on each side; a leaf's value is `learningRate` x G / (n + lambda).
    init(bins: [[UInt8]], binCounts: [Int], edges: [[Double]], residual: [Double], sample: [Int],
         settings: BoostingSettings, threads: Int) {
        var nodes = [Node()]
        var nodeOf = [Int](repeating: 0, count: sample.count)
        var open = [0]
        let lambda = settings.lambda
        let minimum = settings.minLeafRows
        for _ in 0..<settings.maxDepth where !open.isEmpty {
            var slotOf = [Int](repeating: -1, count: nodes.count)
            for (slot, node) in open.enumerated() { slotOf[node] = slot }
            let openCount = open.count
            // The open node's slot of every sampled row (-1: the row is in a finished leaf), and its residual.
            let slots = nodeOf.map { Int32(slotOf[$0]) }
            let sampleResidual = sample.map { residual[$0] }
            // Per feature: the best (gain, bin) of every open node, and the node totals.
            let (results, _) = ParallelSlots.map(count: bins.count, threads: threads) { feature in
                let binCount = binCounts[feature]
                var sums = [Double](repeating: 0, count: openCount * binCount)
                var counts = [Int](repeating: 0, count: openCount * binCount)
                bins[feature].withUnsafeBufferPointer { column in
                    sums.withUnsafeMutableBufferPointer { sums in
                        counts.withUnsafeMutableBufferPointer { counts in
                            for position in 0..<sample.count {
                                let slot = Int(slots[position])
                                guard slot >= 0 else { continue }
                                let cell = slot * binCount + Int(column[sample[position]])
                                sums[cell] += sampleResidual[position]
                                counts[cell] += 1
                            }
                        }
                    }
                }
                var best: [(gain: Double, bin: Int, total: Double, count: Int)] = []
                for slot in 0..<openCount {
                    var total = 0.0
                    var count = 0
                    for bin in 0..<binCount {
                        total += sums[slot * binCount + bin]
                        count += counts[slot * binCount + bin]
                    }
                    var choice = (gain: 0.0, bin: -1, total: total, count: count)
                    let parent = total * total / (Double(count) + lambda)
                    var leftSum = 0.0
                    var leftCount = 0
                    for bin in 0..<(binCount - 1) {
                        leftSum += sums[slot * binCount + bin]
                        leftCount += counts[slot * binCount + bin]
                        let rightCount = count - leftCount
                        guard leftCount >= minimum, rightCount >= minimum else { continue }
                        let rightSum = total - leftSum
                        let gain = leftSum * leftSum / (Double(leftCount) + lambda)
                            + rightSum * rightSum / (Double(rightCount) + lambda) - parent
                        if gain > choice.gain { choice = (gain, bin, total, count) }
                    }
                    best.append(choice)
                }
                return best
            }
            var next: [Int] = []
            var splitOf = [Int](repeating: -1, count: nodes.count)
            for (slot, node) in open.enumerated() {
                var chosen = (gain: 0.0, feature: -1, bin: -1)
                for feature in bins.indices {
                    guard let item = results[feature]?[slot], item.bin >= 0 else { continue }
                    if item.gain > chosen.gain { chosen = (item.gain, feature, item.bin) }
                }
                guard chosen.feature >= 0 else { continue }
                let left = nodes.count
                nodes[node].feature = chosen.feature
                nodes[node].bin = chosen.bin
                nodes[node].threshold = edges[chosen.feature][chosen.bin]
                nodes[node].left = left
                nodes[node].right = left + 1
                nodes.append(Node())
                nodes.append(Node())
                splitOf[node] = chosen.feature
                next.append(contentsOf: [left, left + 1])
            }
            for position in sample.indices {
                let node = nodeOf[position]
                guard node < splitOf.count, splitOf[node] >= 0 else { continue }
                let goesLeft = Int(bins[splitOf[node]][sample[position]]) <= nodes[node].bin
                nodeOf[position] = goesLeft ? nodes[node].left : nodes[node].right
            }
            open = next
        }
        var sums = [Double](repeating: 0, count: nodes.count)
        var counts = [Int](repeating: 0, count: nodes.count)
        for (position, row) in sample.enumerated() {
            sums[nodeOf[position]] += residual[row]
            counts[nodeOf[position]] += 1
        }
        for index in nodes.indices where nodes[index].feature < 0 {
            nodes[index].value = settings.learningRate * sums[index] / (Double(counts[index]) + lambda)
        }
        self.nodes = nodes
    }
}
