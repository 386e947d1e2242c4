import Testing
import TestSupport
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

/// The forecast-input fields: overlay paths and the validator's checks.
@Suite("Forecast input fields")
struct ForecastInputFieldTests {
    @Test func pathsSetForecastSettingsAndAvailabilityHistory() {
        var network = NetworkFixture.twoBus()
        #expect(network.forecasting == ForecastSettings())
        #expect(network.forecasting.maximumInputAgeHours == 48)
        #expect(network.apply(.set(.number(72)), at: "forecasting.max_input_age_hours") == nil)
        #expect(network.apply(.set(.number(35.2)), at: "forecasting.latitude_deg") == nil)
        #expect(network.forecasting.maximumInputAgeHours == 72)
        #expect(network.forecasting.latitude == 35.2)
        #expect(network.apply(.set(.number(1)), at: "forecasting.max_age")?.message == "unknown field")
        #expect(Network.fieldKind(at: "forecasting.longitude_deg") == .optionalNumber)
        var generator = Generator(id: "pv")
        #expect(generator.set("p_max_pu_forecast_from", to: .text("history/pv.csv:cf"), path: "generators.pv.p_max_pu_forecast_from") == nil)
        #expect(generator.availabilityHistory == HistoryColumn(file: "history/pv.csv", column: "cf"))
        #expect(HistoryColumn(reference: "a:b:c") == HistoryColumn(file: "a:b", column: "c"))
        #expect(HistoryColumn(reference: "pv.csv").isComplete == false)
    }

    @Test func validatorChecksTheSiteAndTheLimit() {
        var network = NetworkFixture.twoBus()
        let generator = network.generators[0].id
        network.generators[0].availabilityHistory = HistoryColumn(file: "pv.csv", column: "cf")
        network.forecasting.maximumInputAgeHours = -1
        network.forecasting.longitude = 200
        let errors = NetworkValidator().validate(network).errors
        #expect(errors.contains { $0.path.description == "forecasting.max_input_age_hours" && $0.expected == "a number > 0" })
        #expect(errors.contains { $0.path.description == "forecasting.longitude_deg" && $0.found == "200" })
        #expect(errors.contains {
            $0.path.description == "generators.\(generator).p_max_pu_forecast_from" && $0.message == "PV forecast without a site location"
        })
        network.forecasting = ForecastSettings()
        network.forecasting.latitude = 35.2
        network.forecasting.longitude = 126.8
        #expect(NetworkValidator().validate(network).errors.isEmpty)
    }
}
