import Testing
@testable import GridModel
import TestSupport

/// Finite values that are meaningless to the LP solver (issue 14): refused with their field path, like NaN.
@Suite("NetworkValidator: numerically meaningless values")
struct NumericalRangeTests {
    private func onlyError(_ change: (inout Network) -> Void) -> ModelIssue? {
        var network = NetworkFixture.twoBus()
        change(&network)
        let report = NetworkValidator().validate(network)
        #expect(report.errors.count == 1, "\(report.errors)")
        return report.errors.first
    }

    @Test func hugeCapacityIsRefused() {
        let issue = onlyError { $0.generators[0].nominalPower = 1e308 }
        #expect(issue?.path == "generators.pv.p_nom")
        #expect(issue?.message == "capacity out of range")
        #expect(issue?.expected == "at most 1e12 in magnitude (larger values are meaningless to the solver)")
    }

    @Test func hugeSeriesValueIsRefusedAtItsSnapshot() {
        let issue = onlyError { $0.loads[0].demand = .fixed(.hourly([30, 30, 1e300, 30])) }
        #expect(issue?.path == "loads.plant.p_set")
        #expect(issue?.found.hasSuffix("at snapshot 2") == true)
    }

    @Test func tinyTransformerReactanceIsRefused() {
        let issue = onlyError { $0.transformers[0].reactance = 1e-300 }
        #expect(issue?.path == "transformers.t1.x")
        #expect(issue?.message == "reactance too small for the solver")
    }

    @Test func tinyLineReactanceIsRefusedInPerUnitOfItsVoltage() {
        var network = NetworkFixture.twoBus()
        network.lines = [Line(id: "l1", bus0: "hv", bus1: "mv", reactance: 1e-6, nominalApparentPower: 10)]
        // 1e-6 ohm at 154 kV is 4.2e-11 per unit: too small. 1e-3 ohm is 4.2e-8: usable.
        let errors = NetworkValidator().validate(network).errors
        #expect(errors.map(\.path) == ["lines.l1.x"])
        network.lines[0].reactance = 1e-3
        #expect(NetworkValidator().validate(network).errors.isEmpty)
    }

    @Test(arguments: [1e20, 87_841, -Double.infinity] as [Double])
    func minimumUpTimeBeyondTenYearsIsRefused(hours: Double) {
        let issue = onlyError { $0.generators[0].minimumUpTime = hours }
        #expect(issue?.path == "generators.pv.min_up_time")
    }

    @Test func tenYearsOfMinimumUpTimeIsAccepted() {
        var network = NetworkFixture.twoBus()
        network.generators[0].minimumUpTime = 87_840
        #expect(NetworkValidator().validate(network).errors.isEmpty)
    }
}
