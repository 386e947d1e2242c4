import DispatchOptimizer
import EnergyCalendar
import Foundation
import Planning
import Testing
import TestSupport

/// `state.json` is an input like any other (issue 14): refused with its file and field when it is not JSON of the
/// state's shape or holds values no run could have written.
@Suite("StateFile")
struct StateFileTests {
    private func message(_ json: String) -> String? {
        do {
            _ = try StateFile.decode(Array(json.utf8), file: "out/state.json")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aStateWrittenByARunIsRead() throws {
        let state = DispatchState(storedEnergyMWh: ["battery": 2.5], billingMonth: "2026-04", monthPeakImportMW: 11.2, unitIsOn: ["gt": true])
        let data = try ScheduledRun.encode(state)
        #expect(try StateFile.decode(Array(data), file: "state.json") == state)
    }

    @Test(arguments: [
        (#"{"stored_energy_mwh":{"battery":-50},"month_peak_import_mw":0,"unit_is_on":{}}"#, "field 'stored_energy_mwh.battery'"),
        (#"{"stored_energy_mwh":{"battery":1e300},"month_peak_import_mw":0,"unit_is_on":{}}"#, "field 'stored_energy_mwh.battery'"),
        (#"{"stored_energy_mwh":{},"month_peak_import_mw":-1,"unit_is_on":{}}"#, "field 'month_peak_import_mw'"),
        (#"{"stored_energy_mwh":{},"billing_month":"2026-13","month_peak_import_mw":0,"unit_is_on":{}}"#, "field 'billing_month'"),
        (#"{"stored_energy_mwh":{"battery":"full"},"month_peak_import_mw":0,"unit_is_on":{}}"#, "field 'stored_energy_mwh.battery'"),
        ("{ not json", "out/state.json: expected a re100 state (JSON)"),
        (#"{"stored_energy_mwh":{},"valid_from":"tomorrow"}"#, "field 'valid_from'"),
        (#"{"stored_energy_mwh":{},"monthly_peak_import_mw":{"2026-7":10}}"#, "field 'monthly_peak_import_mw.2026-7'"),
        (#"{"stored_energy_mwh":{},"monthly_peak_import_mw":{"2026-07":-1}}"#, "field 'monthly_peak_import_mw.2026-07'"),
        (#"{"stored_energy_mwh":{},"hours_in_status":{"gt":-2}}"#, "field 'hours_in_status.gt'"),
        (#"{"stored_energy_mwh":{},"last_output_mw":{"gt":-5}}"#, "field 'last_output_mw.gt'"),
        (#"{"stored_energy_mwh":{},"period_progress":{"period":"26","hours":0,"demand_mwh":0,"renewable_mwh":0,"carbon_free_matched_mwh":0,"co2_t":0,"ppa_volume_mwh":{},"rec_mwh":0,"green_premium_mwh":0}}"#, "field 'period_progress.period'"),
        (#"{"stored_energy_mwh":{},"period_progress":{"period":"2026","hours":-1,"demand_mwh":0,"renewable_mwh":0,"carbon_free_matched_mwh":0,"co2_t":0,"ppa_volume_mwh":{},"rec_mwh":0,"green_premium_mwh":0}}"#, "field 'period_progress.hours'"),
        (#"{"stored_energy_mwh":{},"period_progress":{"period":"2026","hours":1,"demand_mwh":-3,"renewable_mwh":0,"carbon_free_matched_mwh":0,"co2_t":0,"ppa_volume_mwh":{},"rec_mwh":0,"green_premium_mwh":0}}"#, "field 'period_progress.demand_mwh'"),
        (#"{"stored_energy_mwh":{},"period_progress":{"period":"horizon","hours":1,"demand_mwh":3,"renewable_mwh":0,"carbon_free_matched_mwh":0,"co2_t":1e300,"ppa_volume_mwh":{},"rec_mwh":0,"green_premium_mwh":0}}"#, "field 'period_progress.co2_t'"),
        (#"{"stored_energy_mwh":{},"period_progress":{"period":"2026","hours":1,"demand_mwh":3,"renewable_mwh":0,"carbon_free_matched_mwh":0,"co2_t":0,"ppa_volume_mwh":{"x":-1},"rec_mwh":0,"green_premium_mwh":0}}"#, "field 'period_progress.ppa_volume_mwh.x'"),
                (#"{"stored_energy_mwh":{},"monthly_peak_import_mw":{"2026-00":3}}"#, "field 'monthly_peak_import_mw.2026-00'"),
        (#"{"stored_energy_mwh":{},"last_output_mw":{"gt":1e300}}"#, "field 'last_output_mw.gt'"),
        (#"{"stored_energy_mwh":{},"period_progress":{"period":"2026","hours":9223372036854775807,"demand_mwh":0,"renewable_mwh":0,"carbon_free_matched_mwh":0,"co2_t":0,"ppa_volume_mwh":{},"rec_mwh":0,"green_premium_mwh":0}}"#, "field 'period_progress.hours'"),
    ])
    func badStatesNameFileAndField(json: String, expected: String) {
        let text = message(json)
        #expect(text?.hasPrefix("out/state.json") == true, "\(text ?? "accepted")")
        #expect(text?.contains(expected) == true, "\(text ?? "accepted")")
    }

    @Test func aFullStateWithItsHourAndYearToDateIsAccepted() throws {
        let json = #"{"stored_energy_mwh":{"ess":1},"valid_from":"2026-07-16T00:00:00+09:00","monthly_peak_import_mw":{"2026-07":150},"hours_in_status":{"gt":0},"last_output_mw":{"gt":0},"period_progress":{"period":"2026","hours":24,"demand_mwh":3,"renewable_mwh":2,"carbon_free_matched_mwh":1,"co2_t":-0.5,"ppa_volume_mwh":{"x":1},"rec_mwh":0,"green_premium_mwh":0}}"#
        let state = try StateFile.decode(Array(json.utf8), file: "state.json")
        #expect(state.validFrom == Date(timeIntervalSince1970: 1_784_127_600))
        #expect(state.periodProgress?.period == "2026" && state.periodProgress?.hours == 24)
    }

    @Test func storedEnergyAboveTheUnitsCapacityIsRefusedForThatNetwork() {
        let network = NetworkFixture.twoBus()  // ess: 10 MW x 4 h = 40 MWh
        let state = DispatchState(storedEnergyMWh: ["ess": 41, "gone": 5])
        #expect(StateFile.problems(of: state, for: network).map(\.field) == ["stored_energy_mwh.ess"])
        #expect(StateFile.problems(of: DispatchState(storedEnergyMWh: ["ess": 40]), for: network).isEmpty)
    }

    @Test func specialFilesAreRefusedNotReadForever() throws {
        let folder = try TestFolders.temporaryDirectory()
        let fifo = folder.appendingPathComponent("state.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: PlanningError.self) { try StateFile.read(fifo) }
        #expect(throws: PlanningError.self) { try StateFile.read("/dev/zero") }
        #expect(try StateFile.read(folder.appendingPathComponent("absent.json").path) == nil)
    }
}

/// Rows read back from the run archive are checked like any other input (issue 14).
@Suite("Run archive rows")
struct RunArchiveRowTests {
    private func archive(_ update: String) throws -> RunArchive {
        let folder = try TestFolders.temporaryDirectory()
        let archive = try RunArchive(path: folder.appendingPathComponent("history.sqlite").path)
        var record = RunRecord(startedAt: Date(timeIntervalSince1970: 1_775_000_000), gridPath: "grid")
        record.hours = 48
        record.exitCode = 65
        record.error = "bad input"
        try archive.record(record)
        try archive.writing { db in try db.execute(sql: update) }
        return archive
    }

    @Test(arguments: [
        "UPDATE runs SET hours = 9223372036854775807", "UPDATE runs SET hours = -5", "UPDATE runs SET first_hour = 1e300",
        "UPDATE runs SET started_at = 99999999999999", "UPDATE runs SET exit_code = 'x'",
    ])
    func outOfRangeIntegersAreBadInputNotTrusted(update: String) throws {
        let archive = try archive(update)
        #expect {
            _ = try archive.runs(last: nil)
        } throws: { error in
            guard case .badInput(let message) = error as? PlanningError else { return false }
            return message.hasPrefix(archive.path)
        }
    }

    @Test func aSoundRowIsRead() throws {
        let runs = try archive("UPDATE runs SET hours = 24").runs(last: nil)
        #expect(runs.map(\.hours) == [24])
    }
}

@Suite("Horizon: --start at a skipped wall time")
struct SkippedStartTests {
    @Test func aStartSkippedByTheClockChangeIsRefusedNotMoved() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let axis = TimeAxis.hourly(start: Date(timeIntervalSince1970: 1_772_946_000), count: 6, timeZone: newYork)  // 2026-03-08T00:00-05:00
        #expect(throws: PlanningError.startSkippedByClockChange(start: "2026-03-08T02:00", timeZone: "America/New_York")) {
            try Horizon(start: "2026-03-08T02:00", hours: 1, in: axis)
        }
        #expect(try Horizon(start: "2026-03-08T03:00", hours: 1, in: axis).firstHour == 2)
    }
}
