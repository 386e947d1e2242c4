import Foundation

/// Maps a data interval (`domain`) linearly onto a pixel interval (`range`), with "nice" tick values
/// (1, 2 or 5 times a power of ten) for axes. A zero-width domain maps every value to the middle of the range.
struct LinearScale: Sendable, Equatable {
    /// The data interval, lower bound first.
    let domain: ClosedRange<Double>
    /// The pixel interval the domain maps onto; `range.lower` is where `domain.lowerBound` lands (it may be the
    /// larger pixel value, as for a y axis that grows upwards).
    let range: (lower: Double, upper: Double)

    /// A scale from `domain` onto the pixels `range.lower ... range.upper`.
    init(domain: ClosedRange<Double>, range: (lower: Double, upper: Double)) {
        self.domain = domain
        self.range = range
    }

    /// The pixel position of `value` (values outside the domain extrapolate linearly).
    func position(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0 else { return (range.lower + range.upper) / 2 }
        return range.lower + (value - domain.lowerBound) / width * (range.upper - range.lower)
    }

    /// About `count` evenly spaced values inside the domain at a nice step (1, 2 or 5 × 10^k), lowest first.
    func ticks(count: Int = 5) -> [Double] {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0, width.isFinite, count > 0 else { return [domain.lowerBound] }
        let step = Self.niceStep(width / Double(count))
        let first = (domain.lowerBound / step).rounded(.up)
        let last = (domain.upperBound / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { index in
            let value = index * step
            return value == 0 ? 0 : value  // no -0
        }
    }

    /// The domain widened outwards to multiples of the nice step for about `count` ticks, so the axis ends on a
    /// tick; a zero-width domain becomes `[v - 1, v + 1]` (or `[0, 1]` for zero).
    static func niceDomain(_ low: Double, _ high: Double, count: Int = 5) -> ClosedRange<Double> {
        guard low.isFinite, high.isFinite else { return 0...1 }
        guard high > low else { return low == 0 ? 0...1 : (low - abs(low))...(low + abs(low)) }
        let step = niceStep((high - low) / Double(max(count, 1)))
        return ((low / step).rounded(.down) * step)...((high / step).rounded(.up) * step)
    }

    /// The smallest of 1, 2, 5 × 10^k that is at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, (log10(rough)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= rough * (1 - 1e-12) {
            return factor * power
        }
        return 10 * power
    }

    /// Equal when domain and range are.
    static func == (left: LinearScale, right: LinearScale) -> Bool {
        left.domain == right.domain && left.range.lower == right.range.lower && left.range.upper == right.range.upper
    }
}
