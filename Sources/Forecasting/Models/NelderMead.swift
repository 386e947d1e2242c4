/// A deterministic Nelder-Mead simplex minimiser (standard coefficients 1, 2, 0.5, 0.5) with a fixed
/// number of iterations, so that the same input always gives the same parameters.
enum NelderMead {
    /// The best point found.
    /// - Parameters:
    ///   - objective: the function to minimise.
    ///   - start: the starting point.
    ///   - step: the initial simplex edge along every coordinate.
    ///   - iterations: iterations performed (unless the simplex collapses earlier).
    static func minimise(_ objective: ([Double]) -> Double, start: [Double], step: Double,
                         iterations: Int) -> [Double] {
        let dimension = start.count
        var points = [start]
        for axis in 0..<dimension {
            var point = start
            point[axis] += step
            points.append(point)
        }
        var values = points.map(objective)
        for _ in 0..<iterations {
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            if abs(values[dimension] - values[0]) <= 1e-12 * (abs(values[0]) + 1e-12) { break }
            var centroid = [Double](repeating: 0, count: dimension)
            for point in points.prefix(dimension) {
                for axis in 0..<dimension { centroid[axis] += point[axis] / Double(dimension) }
            }
            func along(_ factor: Double) -> [Double] {
                (0..<dimension).map { centroid[$0] + factor * (points[dimension][$0] - centroid[$0]) }
            }
            let reflected = along(-1)
            let reflectedValue = objective(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = objective(expanded)
                if expandedValue < reflectedValue {
                    points[dimension] = expanded
                    values[dimension] = expandedValue
                } else {
                    points[dimension] = reflected
                    values[dimension] = reflectedValue
                }
            } else if reflectedValue < values[dimension - 1] {
                points[dimension] = reflected
                values[dimension] = reflectedValue
            } else {
                let contracted = reflectedValue < values[dimension] ? along(-0.5) : along(0.5)
                let contractedValue = objective(contracted)
                if contractedValue < min(reflectedValue, values[dimension]) {
                    points[dimension] = contracted
                    values[dimension] = contractedValue
                } else {
                    for index in 1...dimension {
                        points[index] = (0..<dimension).map { points[0][$0] + 0.5 * (points[index][$0] - points[0][$0]) }
                        values[index] = objective(points[index])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) } ?? 0
        return points[best]
    }
}
