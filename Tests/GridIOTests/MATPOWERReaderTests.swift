import Foundation
import GridModel
import Testing

@testable import GridIO

@Suite("MATPOWERReader: version 2 case files")
struct MATPOWERReaderTests {
    private func fixture() throws -> MATPOWERCase {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/matpower/case4_re100", withExtension: "m"))
        return try MATPOWERReader.read(contentsOf: url, snapshotCount: 3)
    }

    private func generator(_ network: Network, _ name: String) throws -> Generator {
        try #require(network.generators.first { $0.id.rawValue == name }, "\(name)")
    }

    @Test("buses, loads with shunt conductance, isolated bus left out")
    func buses() throws {
        let network = try fixture().network
        #expect(network.buses.map(\.id.rawValue) == ["bus_1", "bus_2", "bus_3", "bus_4"])
        #expect(network.buses.map(\.nominalVoltage) == [230, 230, 230, 115])
        #expect(network.loads.map(\.id.rawValue) == ["load_2", "load_3", "load_4"])
        #expect(network.loads.map(\.fixedDemand) == [.constant(90), .constant(105), .constant(60)])
        #expect(network.timeAxis.count == 3)
        #expect(try fixture().warnings.contains { $0.field == "bus_5" && $0.line == 20 })
    }

    @Test("linear, quadratic (four secant blocks) and piecewise-linear costs")
    func costs() throws {
        let network = try fixture().network
        let coal = try generator(network, "gen_1")
        #expect(coal.nominalPower == 250 && coal.marginalCost == .constant(20) && coal.minimumPerUnit == .constant(0.04))
        #expect(coal.startUpCost == 1500 && coal.carrier == "coal" && coal.bus == "bus_1")
        // c2 = 0.01, c1 = 30 on [0, 150]: secant slopes c1 + c2 (a + b) over blocks of 37.5 MW.
        let gas = try (1...4).map { try generator(network, "gen_2_\($0)") }
        #expect(gas.map(\.nominalPower) == [37.5, 37.5, 37.5, 37.5])
        #expect(gas.map(\.marginalCost) == [.constant(30.375), .constant(31.125), .constant(31.875), .constant(32.625)])
        // Points (20, 800), (50, 2600), (80, 5000): slopes 60 and 80; Pmin 20 lies in the first block.
        let oil = try (1...2).map { try generator(network, "gen_3_\($0)") }
        #expect(oil.map(\.nominalPower) == [50, 30])
        #expect(oil.map(\.marginalCost) == [.constant(60), .constant(80)])
        #expect(oil.map(\.minimumPerUnit) == [.constant(0.4), .constant(0)])
        #expect(network.generators.count == 7)  // gen_4 is out of service
        let constant = try #require(try fixture().warnings.first { $0.message.contains("constant cost") })
        #expect(constant.found.hasPrefix("-300.0"))
        #expect(network.carriers.map(\.id.rawValue) == ["AC", "coal", "ng", "oil"])
    }

    @Test("branches: lines in ohm, transformers per unit on their rating, unlimited and out-of-service branches")
    func branches() throws {
        let imported = try fixture()
        let network = imported.network
        #expect(network.lines.map(\.id.rawValue) == ["branch_1", "branch_2", "branch_3"])
        let first = network.lines[0]
        #expect(abs(first.reactance - 0.085 * 230 * 230 / 100) < 1e-12)
        #expect(abs(first.reactance / (230 * 230) - 0.085 / 100) < 1e-15)  // per unit on 1 MVA, as PyPSA
        #expect(first.nominalApparentPower == 250)
        #expect(network.lines[1].nominalApparentPower == MATPOWERReader.unlimitedRating)
        let transformer = try #require(network.transformers.first)
        #expect(transformer.id == "branch_4" && transformer.bus0 == "bus_3" && transformer.bus1 == "bus_4")
        #expect(abs(transformer.reactance - 0.0586) < 1e-15 && transformer.nominalApparentPower == 100)
        #expect(transformer.tapRatio == 0.95 && transformer.phaseShift == 5)
        #expect(imported.warnings.contains { $0.message == "unlimited branches" })
        #expect(NetworkValidator().validate(network).isValid)
    }

    private func problems(_ text: String) -> [GridIOError] {
        do {
            _ = try MATPOWERReader.read(text: text, file: "case.m", name: "case")
            return []
        } catch {
            return error.errors
        }
    }

    private let header = "mpc.version = '2';\nmpc.baseMVA = 100;\n"
    private let bus = "mpc.bus = [\n 1 3 50 0 0 0 1 1 0 110 1 1.1 0.9;\n 2 1 50 0 0 0 1 1 0 110 1 1.1 0.9;\n];\n"
    private let branch = "mpc.branch = [ 1 2 0 0.1 0 100 100 100 0 0 1 -360 360 ];\n"

    private func gen(_ cost: String, bus number: Int = 1) -> String {
        "mpc.gen = [ \(number) 0 0 0 0 1 100 1 100 0 ];\nmpc.gencost = [ \(cost) ];\n"
    }

    @Test("a bad number is reported at its line and column")
    func badNumber() throws {
        let text = header + "mpc.bus = [\n 1 3 50 0 0 0 1 1 0 110 1 1.1 0.9;\n 2 1 5O 0 0 0 1 1 0 110 1 1.1 0.9;\n];\n" + gen("2 0 0 2 10 0") + branch
        let error = try #require(problems(text).first)
        #expect(error.line == 5 && error.column == 6 && error.found == "'5O'")
    }

    @Test(
        "unusable costs are refused at the gencost row",
        arguments: [
            "2 0 0 4 1 0.01 30 0",  // cubic
            "2 0 0 3 -0.01 30 0",  // concave quadratic
            "1 0 0 3 0 0 50 4000 100 5000",  // slopes 80 then 20: not convex
            "3 0 0 2 10 0",  // unknown model
        ])
    func refusedCosts(cost: String) throws {
        let error = try #require(problems(header + bus + gen(cost) + branch).first)
        #expect(error.field == "mpc.gencost row 1" && error.line == 8 && error.column == 17)
    }

    @Test("unknown buses, short rows, angle limits and version 1 are errors")
    func otherErrors() {
        #expect(problems(header + bus + gen("2 0 0 2 10 0", bus: 9) + branch).contains { $0.message == "unknown bus" })
        #expect(problems(header + bus + gen("2 0 0 2 10 0") + "mpc.branch = [ 1 2 0 0.1 ];\n").contains {
            $0.message == "row too short" && $0.line == 9
        })
        #expect(problems(header + bus + gen("2 0 0 2 10 0") + "mpc.branch = [ 1 2 0 0.1 0 100 100 100 0 0 1 -30 30 ];\n").contains {
            $0.message.contains("angle-difference")
        })
        #expect(problems("mpc.version = '1';\nmpc.baseMVA = 100;\n" + bus + gen("2 0 0 2 10 0") + branch).contains {
            $0.field == "mpc.version"
        })
        #expect(problems(header + "mpc.bus = [\n 1 3 50 0 0 0 1 1 0 110 1 1.1 0.9;\n").contains { $0.message == "unterminated matrix" })
    }

    @Test("cost blocks: widths add up to Pmax, minimums to Pmin, cost at breakpoints matches the curve")
    func costCurveProperty() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let count = Int.random(in: 2...6, using: &generator)
            var x = Double.random(in: 0...20, using: &generator)
            var y = Double.random(in: 0...500, using: &generator)
            var slope = Double.random(in: 0...40, using: &generator)
            var row: [Double] = [1, 0, 0, Double(count)]
            var points: [(Double, Double)] = []
            for _ in 0..<count {
                points.append((x, y))
                row += [x, y]
                let width = Double.random(in: 5...50, using: &generator)
                x += width
                y += slope * width
                slope += Double.random(in: 0...20, using: &generator)
            }
            let maximum = points[count - 1].0
            let minimum = Double.random(in: 0...points[0].0 + 1, using: &generator)
            let curve = try MATPOWERCostCurve.blocks(row: row, minimum: minimum, maximum: maximum)
            #expect(abs(curve.blocks.map(\.width).reduce(0, +) - maximum) < 1e-9)
            #expect(abs(curve.blocks.map(\.minimum).reduce(0, +) - minimum) < 1e-9)
            for (power, cost) in points {  // fill blocks in merit order up to `power`
                var remaining = power
                var blockCost = curve.constant
                for block in curve.blocks {
                    let used = min(block.width, remaining)
                    blockCost += used * block.slope
                    remaining -= used
                }
                #expect(abs(blockCost - cost) < 1e-6 * max(1, cost))
            }
        }
    }
}
