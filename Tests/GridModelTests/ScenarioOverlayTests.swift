import Testing
import TestSupport
@testable import GridModel

@Suite("Scenario overlays")
struct ScenarioOverlayTests {
    @Test func setNumberAndScaleSeries() throws {
        let overlay = ScenarioOverlay(
            name: "bigger-pv",
            operations: [
                .set("generators.pv.p_nom", .number(300)), .scale("generators.pv.p_max_pu", 0.5),
                .scale("loads.plant.p_set", 1.1), .set("targets.co2_cap_t", .number(1000)),
            ])
        let network = try NetworkFixture.twoBus().applying([overlay])
        #expect(network.generators[0].nominalPower == 300)
        #expect(network.generators[0].maximumPerUnit == .hourly([0, 0.25, 0.5, 0.1]))
        #expect(network.loads[0].fixedDemand == .constant(30 * 1.1))
        #expect(network.targets.co2Cap == 1000)
    }

    @Test func overlaysApplyInOrder() throws {
        let first = ScenarioOverlay(name: "a", operations: [.set("storage_units.ess.p_nom", .number(20))])
        let second = ScenarioOverlay(name: "b", operations: [.scale("storage_units.ess.p_nom", 3)])
        #expect(try NetworkFixture.twoBus().applying([first, second]).storageUnits[0].nominalPower == 60)
        #expect(try NetworkFixture.twoBus().applying([second, first]).storageUnits[0].nominalPower == 20)
    }

    @Test func addAndRemoveComponents() throws {
        let overlay = ScenarioOverlay(
            name: "second-battery",
            operations: [
                .add(.storageUnits, id: "ess2", fields: [
                    FieldAssignment("bus", .text("hv")), FieldAssignment("carrier", .text("battery")),
                    FieldAssignment("p_nom", .number(50)), FieldAssignment("max_hours", .number(2)),
                ]),
                .remove("storage_units.ess"),
            ])
        let network = try NetworkFixture.twoBus().applying([overlay])
        #expect(network.storageUnits.map(\.id) == ["ess2"])
        #expect(network.storageUnits[0].energyCapacity == 100)
        #expect(NetworkValidator().validate(network).isValid)
    }

    @Test func unknownPathsAreErrorsAndAllAreReported() {
        let overlay = ScenarioOverlay(
            name: "typos",
            operations: [
                .set("generators.pv_roof.p_nom", .number(300)), .set("generators.pv.pnom", .number(1)),
                .set("generator.pv.p_nom", .number(1)), .set("generators.pv.p_nom", .text("big")),
            ])
        #expect(throws: GridModelError.self) { try NetworkFixture.twoBus().applying([overlay]) }
        do {
            _ = try NetworkFixture.twoBus().applying([overlay])
        } catch {
            #expect(error.issues.map(\.message) == ["unknown generators name", "unknown field", "unknown path", "wrong value type"])
            #expect(error.issues[0].found == "pv_roof")
            #expect(error.issues[1].found == "pnom")
            #expect(error.issues[3].expected == "a number")
        }
    }

    @Test func addingMissingRequiredFieldOrDuplicate() {
        var network = NetworkFixture.twoBus()
        let missing = network.addComponent(kind: .generators, id: "fc", fields: [FieldAssignment("bus", .text("hv"))])
        #expect(missing.map(\.path) == ["generators.fc.carrier", "generators.fc.p_nom"])
        let duplicate = network.addComponent(kind: .generators, id: "pv", fields: [FieldAssignment("p_nom", .number(1))])
        #expect(duplicate.map(\.message) == ["duplicate name"])
        #expect(network.generators.count == 1)
    }
}
