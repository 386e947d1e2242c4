/// The histogram bins of one feature: at most `maxBins` bins bounded by upper edges taken from the training
/// values, so that a split "bin <= b" is the same as "value <= edges[b]" on any new value.
struct FeatureBins: Sendable {
    /// Upper edges of bins 0...count-2, increasing; the last bin holds every larger value.
    let edges: [Double]

    /// Number of bins.
    var count: Int { edges.count + 1 }

    /// Edges from the training values: every distinct value when there are at most `maxBins`, otherwise the
    /// values at the quantiles i / maxBins (repeated edges merged).
    init(values: [Double], maxBins: Int) {
        let sorted = values.sorted()
        var distinct: [Double] = []
        for value in sorted where distinct.last != value { distinct.append(value) }
        if distinct.count <= maxBins {
            edges = Array(distinct.dropLast())
        } else {
            var chosen: [Double] = []
            for index in 1..<maxBins {
                let value = sorted[index * sorted.count / maxBins]
                if chosen.last != value, value != sorted[sorted.count - 1] { chosen.append(value) }
            }
            edges = chosen
        }
    }

    /// The bin of a value: the first bin whose upper edge is at least the value.
    func bin(_ value: Double) -> UInt8 {
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] < value { low = middle + 1 } else { high = middle }
        }
        return UInt8(low)
    }
}
