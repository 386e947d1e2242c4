import Testing
@testable import GridModel

@Suite("Field tables")
struct FieldTableTests {
    /// Reading every field of every component and writing it back by path leaves the network unchanged.
    @Test func everyFieldRoundTripsThroughItsPath() {
        let original = NetworkFixture.twoBus()
        var network = original
        var paths = 0
        func roundTrip<Component: NetworkComponent>(_ type: Component.Type) {
            for component in original[keyPath: type.collection] {
                for field in Component.fields {
                    guard let value = field.read(component) else { continue }
                    let path = FieldPath(component.id).appending(field.key)
                    #expect(network.apply(.set(value), at: path) == nil, "\(path)")
                    paths += 1
                }
            }
        }
        for kind in ComponentKind.allCases { roundTrip(kind.componentType) }
        #expect(network == original)
        #expect(paths > 40)
    }

    @Test func keysAreUniqueAndKindsMatchTheirValues() {
        for kind in ComponentKind.allCases {
            #expect(Set(kind.fieldKeys).count == kind.fieldKeys.count, "\(kind)")
        }
        #expect(ComponentKind.generators.fieldKind("p_max_pu") == .profile)
        #expect(ComponentKind.loads.fieldKind("value_of_lost_load") == .optionalNumber)
        #expect(FieldKind.profile.accepts(.series([1])))
        #expect(!FieldKind.number.accepts(.series([1])))
    }

    @Test func loadDemandAndSheddingFields() {
        var load = Load(id: "l")
        #expect(load.set("forecast_from", to: .text("history.csv:load_mw"), path: "loads.l.forecast_from") == nil)
        #expect(load.set("forecast_model", to: .text("hw2"), path: "loads.l.forecast_model") == nil)
        #expect(load.demand == .forecastFromHistory(.init(file: "history.csv", column: "load_mw", model: "hw2")))
        #expect(load.set("value_of_lost_load", to: .number(10_000_000), path: "loads.l.value_of_lost_load") == nil)
        #expect(load.shedding == .allowed(valueOfLostLoad: 10_000_000))
    }
}
