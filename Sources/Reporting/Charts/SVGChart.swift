/// A small builder for one inline SVG chart: a plot area with linear x and y scales, axes with tick labels and
/// unit titles, and marks (lines, filled areas, rectangles, circles, text) given in data coordinates.
///
/// Every report chart is one `SVGChart`; the builder only appends escaped, deterministic markup (coordinates
/// with at most 2 decimals), so the same marks always give the same bytes.
struct SVGChart: Sendable {
    /// The margins around the plot area, in pixels.
    struct Margins: Sendable, Equatable {
        /// Above the plot.
        var top: Double
        /// Right of the plot.
        var right: Double
        /// Below the plot (x tick labels and the x axis title).
        var bottom: Double
        /// Left of the plot (y tick labels and the y axis title).
        var left: Double

        /// Margins in pixels.
        init(top: Double = 12, right: Double = 16, bottom: Double = 46, left: Double = 78) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }
    }

    /// One tick of an axis: a data value and its label.
    struct Tick: Sendable, Equatable {
        /// The position in data units.
        let value: Double
        /// The label shown at it.
        let label: String

        /// A tick at `value` labelled `label`.
        init(_ value: Double, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// The accessible name of the chart (`aria-label`), unescaped.
    let title: String
    /// The width of the whole SVG, in pixels.
    let width: Double
    /// The height of the whole SVG, in pixels.
    let height: Double
    /// The margins around the plot area.
    let margins: Margins
    /// Data x to pixels.
    let x: LinearScale
    /// Data y to pixels (the domain's lower bound at the bottom unless `yDownwards`).
    let y: LinearScale
    /// The markup added so far, one element per entry.
    private(set) var elements: [String] = []

    /// A chart of `width` × `height` pixels showing `xDomain` × `yDomain`; with `yDownwards` the y domain's lower
    /// bound is at the top (rows of a heatmap).
    init(
        title: String, width: Double = 1080, height: Double = 300, margins: Margins = Margins(),
        xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>, yDownwards: Bool = false
    ) {
        self.title = title
        self.width = width
        self.height = height
        self.margins = margins
        x = LinearScale(domain: xDomain, range: (margins.left, width - margins.right))
        let top = margins.top, bottom = height - margins.bottom
        y = LinearScale(domain: yDomain, range: yDownwards ? (top, bottom) : (bottom, top))
    }

    /// Pixel coordinates of a data point, formatted `x,y`.
    func point(_ dataX: Double, _ dataY: Double) -> String {
        HTMLText.coordinate(x.position(dataX)) + "," + HTMLText.coordinate(y.position(dataY))
    }

    /// Appends raw, already escaped markup.
    mutating func append(_ markup: String) {
        elements.append(markup)
    }

    /// Adds the axes: tick marks, grid lines and labels at `xTicks` and `yTicks`, and the axis titles (with units).
    mutating func addAxes(xTicks: [Tick], yTicks: [Tick], xTitle: String, yTitle: String, grid: Bool = true) {
        let left = HTMLText.coordinate(margins.left), right = HTMLText.coordinate(width - margins.right)
        let top = HTMLText.coordinate(margins.top), bottom = HTMLText.coordinate(height - margins.bottom)
        var markup = "<g class=\"axis\">"
        for tick in yTicks {
            let position = HTMLText.coordinate(y.position(tick.value))
            if grid {
                markup += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(position)\" x2=\"\(right)\" y2=\"\(position)\"/>"
            }
            markup += "<text x=\"\(HTMLText.coordinate(margins.left - 6))\" y=\"\(position)\" text-anchor=\"end\" "
                + "dominant-baseline=\"middle\">\(HTMLText.escape(tick.label))</text>"
        }
        for tick in xTicks {
            let position = HTMLText.coordinate(x.position(tick.value))
            markup += "<line x1=\"\(position)\" y1=\"\(bottom)\" x2=\"\(position)\" y2=\"\(HTMLText.coordinate(height - margins.bottom + 5))\"/>"
                + "<text x=\"\(position)\" y=\"\(HTMLText.coordinate(height - margins.bottom + 18))\" "
                + "text-anchor=\"middle\">\(HTMLText.escape(tick.label))</text>"
        }
        markup += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\"/>"
            + "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\"/>"
        let middleX = HTMLText.coordinate((margins.left + width - margins.right) / 2)
        let middleY = HTMLText.coordinate((margins.top + height - margins.bottom) / 2)
        markup += "<text class=\"title\" x=\"\(middleX)\" y=\"\(HTMLText.coordinate(height - 6))\" "
            + "text-anchor=\"middle\">\(HTMLText.escape(xTitle))</text>"
            + "<text class=\"title\" transform=\"translate(14,\(middleY)) rotate(-90)\" "
            + "text-anchor=\"middle\">\(HTMLText.escape(yTitle))</text></g>"
        append(markup)
    }

    /// Adds a polyline through `points` (data coordinates) in `color`, `dashed` if asked.
    mutating func addLine(_ points: [(x: Double, y: Double)], color: String, width: Double = 1.5, dashed: Bool = false) {
        guard !points.isEmpty else { return }
        let path = points.map { point($0.x, $0.y) }.joined(separator: " ")
        append("<polyline fill=\"none\" stroke=\"\(HTMLText.escape(color))\" stroke-width=\"\(HTMLText.coordinate(width))\""
            + (dashed ? " stroke-dasharray=\"6 4\"" : "") + " points=\"\(path)\"/>")
    }

    /// Adds the filled band between `lower` and `upper` (same x values, data coordinates) in `color`.
    mutating func addBand(lower: [(x: Double, y: Double)], upper: [(x: Double, y: Double)], color: String, label: String) {
        guard !upper.isEmpty, upper.count == lower.count else { return }
        let outline = (upper + lower.reversed()).map { point($0.x, $0.y) }
        append("<path fill=\"\(HTMLText.escape(color))\" stroke=\"none\" d=\"M\(outline.joined(separator: "L"))Z\">"
            + "<title>\(HTMLText.escape(label))</title></path>")
    }

    /// Adds the rectangle spanning `x0...x1` × `y0...y1` (data coordinates, either order) filled with `color`,
    /// with `tooltip` as its hover title.
    mutating func addRect(x0: Double, x1: Double, y0: Double, y1: Double, color: String, tooltip: String) {
        let left = min(x.position(x0), x.position(x1)), right = max(x.position(x0), x.position(x1))
        let top = min(y.position(y0), y.position(y1)), bottom = max(y.position(y0), y.position(y1))
        append("<rect x=\"\(HTMLText.coordinate(left))\" y=\"\(HTMLText.coordinate(top))\" "
            + "width=\"\(HTMLText.coordinate(right - left))\" height=\"\(HTMLText.coordinate(bottom - top))\" "
            + "fill=\"\(HTMLText.escape(color))\"><title>\(HTMLText.escape(tooltip))</title></rect>")
    }

    /// Adds a circle of `radius` pixels at a data point.
    mutating func addCircle(x dataX: Double, y dataY: Double, radius: Double, color: String, tooltip: String) {
        append("<circle cx=\"\(HTMLText.coordinate(x.position(dataX)))\" cy=\"\(HTMLText.coordinate(y.position(dataY)))\" "
            + "r=\"\(HTMLText.coordinate(radius))\" fill=\"\(HTMLText.escape(color))\"><title>\(HTMLText.escape(tooltip))</title></circle>")
    }

    /// Adds `text` at a data point, shifted by `dx`/`dy` pixels, anchored `start`, `middle` or `end`.
    mutating func addText(_ text: String, x dataX: Double, y dataY: Double, dx: Double = 0, dy: Double = 0, anchor: String = "start") {
        append("<text class=\"note\" x=\"\(HTMLText.coordinate(x.position(dataX) + dx))\" "
            + "y=\"\(HTMLText.coordinate(y.position(dataY) + dy))\" text-anchor=\"\(HTMLText.escape(anchor))\">"
            + "\(HTMLText.escape(text))</text>")
    }

    /// The whole `<svg>` element, scaling to the page width.
    func svg() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
            + "viewBox=\"0 0 \(HTMLText.coordinate(width)) \(HTMLText.coordinate(height))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMidYMid meet\">" + elements.joined() + "</svg>"
    }

    /// A colour on a light-yellow to dark-blue scale (colour-blind safe, after ColorBrewer YlGnBu) for
    /// `fraction` in 0...1 (clamped), as `#rrggbb`.
    static func sequentialColor(_ fraction: Double) -> String {
        let stops: [(Double, Double, Double)] = [
            (255, 255, 217), (199, 233, 180), (127, 205, 187), (65, 182, 196), (29, 145, 192), (34, 94, 168), (12, 44, 132),
        ]
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let scaled = clamped * Double(stops.count - 1)
        let index = min(Int(scaled), stops.count - 2)
        let weight = scaled - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        let channel = { (from: Double, to: Double) in Int((from + (to - from) * weight).rounded()) }
        let hex = [channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2)].map { value in
            let digits = String(value, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + hex.joined()
    }
}
