import Testing
import TestSupport
@testable import GridModel

@Suite("NetworkValidator")
struct NetworkValidatorTests {
    let validator = NetworkValidator()

    /// The single error of a network that differs from the fixture by one mistake.
    private func onlyError(_ change: (inout Network) -> Void) -> ModelIssue? {
        var network = NetworkFixture.twoBus()
        change(&network)
        let report = validator.validate(network)
        #expect(report.errors.count == 1, "\(report.errors)")
        return report.errors.first
    }

    @Test func fixtureIsClean() {
        let report = validator.validate(NetworkFixture.twoBus())
        #expect(report.errors.isEmpty)
        #expect(report.warnings.isEmpty)
    }

    @Test func unknownBus() {
        let issue = onlyError { $0.loads[0].bus = "lv" }
        #expect(issue?.path == "loads.plant.bus")
        #expect(issue?.message == "unknown bus")
        #expect(issue?.expected == "one of hv, mv")
        #expect(issue?.found == "lv")
    }

    @Test func unknownCarrier() {
        let issue = onlyError { $0.generators[0].carrier = "wind" }
        #expect(issue?.path == "generators.pv.carrier")
        #expect(issue?.message == "unknown carrier")
        #expect(issue?.found == "wind")
    }

    @Test func duplicateName() {
        let issue = onlyError { $0.buses.append(Bus(id: "mv", nominalVoltage: 22.9)) }
        #expect(issue?.path == "buses.mv")
        #expect(issue?.message == "duplicate name")
    }

    @Test func negativeCapacity() {
        let issue = onlyError { $0.generators[0].nominalPower = -5 }
        #expect(issue?.path == "generators.pv.p_nom")
        #expect(issue?.message == "negative capacity")
        #expect(issue?.found == "-5")
    }

    @Test func notANumberCost() {
        let issue = onlyError { $0.generators[0].marginalCost = .constant(.nan) }
        #expect(issue?.path == "generators.pv.marginal_cost")
        #expect(issue?.message == "cost is not a finite number")
    }

    @Test func minimumAboveMaximum() {
        let issue = onlyError { $0.generators[0].minimumPerUnit = .constant(0.6) }
        #expect(issue?.path == "generators.pv.p_min_pu")
        #expect(issue?.message == "minimum above maximum")
        #expect(issue?.found == "0.6 at snapshot 0")
    }

    @Test(arguments: [0.0, 1.2, -0.1])
    func efficiencyOutsideUnitInterval(efficiency: Double) {
        let issue = onlyError { $0.storageUnits[0].efficiencyDispatch = efficiency }
        #expect(issue?.path == "storage_units.ess.efficiency_dispatch")
        #expect(issue?.expected == "a number > 0 and <= 1")
    }

    @Test func seriesOfWrongLength() {
        let issue = onlyError { $0.generators[0].maximumPerUnit = .hourly([0, 1, 1]) }
        #expect(issue?.path == "generators.pv.p_max_pu")
        #expect(issue?.message == "series of the wrong length")
        #expect(issue?.expected == "4 values (one per snapshot)")
        #expect(issue?.found == "3 values")
    }

    @Test func islandWithoutSupply() {
        let issue = onlyError { network in
            network.buses.append(Bus(id: "remote", nominalVoltage: 22.9))
            network.loads.append(Load(id: "pump", bus: "remote", demand: .constant(1)))
        }
        #expect(issue?.path == "loads.pump.bus")
        #expect(issue?.message == "island without any supply")
    }

    @Test func storageStartsAboveCapacity() {
        let issue = onlyError { $0.storageUnits[0].stateOfChargeInitial = 41 }
        #expect(issue?.path == "storage_units.ess.state_of_charge_initial")
        #expect(issue?.expected == "at most max_hours × p_nom = 40 MWh")
        #expect(issue?.found == "41 MWh")
    }

    @Test func zeroReactance() {
        let issue = onlyError { $0.transformers[0].reactance = 0 }
        #expect(issue?.path == "transformers.t1.x")
    }

    @Test func generatorThatCanNeverRunIsAWarning() {
        var network = NetworkFixture.twoBus()
        network.generators[0].maximumPerUnit = .constant(0)
        let report = validator.validate(network)
        #expect(report.isValid)
        #expect(report.warnings.map(\.message) == ["generator can never run"])
    }

    @Test func everyProblemIsCollected() {
        var network = NetworkFixture.twoBus()
        network.loads[0].bus = "nowhere"
        network.generators[0].nominalPower = .infinity
        network.storageUnits[0].efficiencyStore = 2
        network.targets.annualRenewableShare = 1.5
        let report = validator.validate(network)
        #expect(report.errors.map(\.path) == [
            "generators.pv.p_nom", "storage_units.ess.efficiency_store", "loads.plant.bus", "targets.annual_re_share",
        ])
    }
}

@Suite("NetworkValidator, imported networks")
struct ImportedNetworkValidatorTests {
    @Test func emptyCarrierIsAWarningEmptyBusAnError() {
        var network = NetworkFixture.twoBus()
        network.generators[0].carrier = ""
        network.loads[0].bus = ""
        let report = NetworkValidator().validate(network)
        #expect(report.errors.map(\.message) == ["missing bus reference"])
        #expect(report.warnings.map(\.message) == ["no carrier", "carrier is not used"])
    }
}

/// Flexible loads and EV fleets: the validator's checks on values overlays or readers may set.
@Suite struct FlexibilityValidationTests {
    static func network(configure: (inout Network) -> Void) -> Network {
        var network = NetworkFixture.twoBus()
        configure(&network)
        return network
    }

    @Test func refusesAnAvailabilityProfileOfTheWrongLength() {
        let network = Self.network { network in
            var fleet = EVFleet(id: "cars")
            fleet.bus = "mv"
            fleet.nominalPower = 1
            fleet.nominalEnergy = 4
            fleet.availability = .hourly([1, 1, 1])
            fleet.energyInitial = 5
            network.evFleets = [fleet]
        }
        let errors = NetworkValidator().validate(network).errors
        #expect(errors.map(\.path) == ["ev_fleets.cars.availability", "ev_fleets.cars.e_initial"])
        #expect(errors.first?.message == "series of the wrong length" && errors.first?.found == "3 values")
    }

    @Test(arguments: [(-0.1, "flex_share_down"), (2, "flex_share_down")])
    func refusesSharesOutsideZeroToOne(share: Double, key: String) {
        let network = Self.network { $0.loads[0].flexibility = LoadFlexibility(shareUp: 0.2, shareDown: share) }
        #expect(NetworkValidator().validate(network).errors.map(\.path) == [FieldPath(dotted: "loads.plant." + key)])
    }

    @Test func refusesAFlexibleLoadThatNeverReturnsItsEnergy() {
        let never = Self.network { $0.loads[0].flexibility = LoadFlexibility(shareUp: 0.2, shareDown: 0.2, periodHours: 0) }
        #expect(NetworkValidator().validate(never).errors.map(\.message) == ["moved energy is never returned"])
        let halfHour = Self.network {
            $0.loads[0].flexibility = LoadFlexibility(shareUp: 0.2, shareDown: 0.2, maximumDelayHours: 0.5)
        }
        #expect(NetworkValidator().validate(halfHour).errors.map(\.path) == ["loads.plant.flex_max_delay_hours"])
    }
}
