import Testing
@testable import Reporting

@Suite("HTML text, scales and the SVG chart builder")
struct SVGChartTests {
    @Test func escapesMarkupAndKeepsKorean() {
        #expect(HTMLText.escape("<a href=\"x\">&'광주 빛그린'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;광주 빛그린&#39;")
        #expect(HTMLText.escape("plain") == "plain")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(HTMLText.coordinate(3) == "3")
        #expect(HTMLText.coordinate(12.5) == "12.5")
        #expect(HTMLText.coordinate(1.23456) == "1.23")
        #expect(HTMLText.coordinate(-0.001) == "0")
        #expect(HTMLText.coordinate(.nan) == "0")
    }

    @Test func scaleMapsLinearlyAndUpsideDown() {
        let scale = LinearScale(domain: 0...10, range: (100, 0))
        #expect(scale.position(0) == 100)
        #expect(scale.position(5) == 50)
        #expect(scale.position(10) == 0)
        #expect(LinearScale(domain: 3...3, range: (0, 40)).position(3) == 20)
    }

    @Test func ticksAreNice() {
        #expect(LinearScale(domain: 0...10, range: (0, 1)).ticks(count: 5) == [0, 2, 4, 6, 8, 10])
        #expect(LinearScale(domain: -3...7, range: (0, 1)).ticks(count: 2) == [0, 5])
        #expect(LinearScale.niceStep(0.23) == 0.5)
        #expect(LinearScale.niceStep(3) == 5)
        #expect(LinearScale.niceStep(1) == 1)
        #expect(LinearScale.niceStep(11) == 20)
        #expect(LinearScale.niceDomain(3, 97) == 0...100)
        #expect(LinearScale.niceDomain(0, 0) == 0...1)
        #expect(LinearScale.niceDomain(-12, 210) == -50...250)
    }

    @Test(arguments: [(0.0, 1.0), (-7.5, 3.2), (158_739, 401_234), (0.001, 0.0013), (-1e9, -2e6)])
    func ticksLieInsideTheDomainInOrder(low: Double, high: Double) {
        let scale = LinearScale(domain: low...high, range: (0, 100))
        let ticks = scale.ticks()
        #expect(!ticks.isEmpty && ticks.count <= 11)
        #expect(ticks == ticks.sorted())
        #expect(ticks.allSatisfy { $0 >= low && $0 <= high })
        let nice = LinearScale.niceDomain(low, high)
        #expect(nice.lowerBound <= low && nice.upperBound >= high)
    }

    @Test func sequentialColoursClampAndInterpolate() {
        #expect(SVGChart.sequentialColor(0) == "#ffffd9")
        #expect(SVGChart.sequentialColor(1) == "#0c2c84")
        #expect(SVGChart.sequentialColor(-3) == "#ffffd9")
        #expect(SVGChart.sequentialColor(.nan) == "#ffffd9")
        #expect(SVGChart.sequentialColor(0.5) == "#41b6c4")
        #expect(SVGChart.sequentialColor(1.0 / 12) == "#e3f4c7")  // halfway between the first two stops: (227, 244, 198.5)
    }

    @Test func marksUseDataCoordinates() {
        var margins = SVGChart.Margins()
        (margins.top, margins.right, margins.bottom, margins.left) = (0, 0, 0, 0)
        var chart = SVGChart(title: "t <1>", width: 100, height: 50, margins: margins, xDomain: 0...10, yDomain: 0...5)
        chart.addRect(x0: 2, x1: 4, y0: 1, y1: 3, color: "#123456", tooltip: "a&b")
        chart.addLine([(0, 0), (10, 5)], color: "red", dashed: true)
        #expect(chart.elements[0] == "<rect x=\"20\" y=\"20\" width=\"20\" height=\"20\" fill=\"#123456\"><title>a&amp;b</title></rect>")
        #expect(chart.elements[1] == "<polyline fill=\"none\" stroke=\"red\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"0,50 100,0\"/>")
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"t &lt;1&gt;\" viewBox=\"0 0 100 50\""))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test func heatmapRowsRunDownwards() {
        var margins = SVGChart.Margins()
        (margins.top, margins.right, margins.bottom, margins.left) = (0, 0, 0, 0)
        let chart = SVGChart(title: "h", width: 10, height: 20, margins: margins, xDomain: 0...1, yDomain: 0...2, yDownwards: true)
        #expect(chart.y.position(0) == 0)
        #expect(chart.y.position(2) == 20)
    }
}
