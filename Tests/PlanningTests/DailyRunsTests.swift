import DispatchOptimizer
import Foundation
import GridIO
import GridModel
import Logging
import Reporting
import Testing
import TestSupport
@testable import Planning

/// A week of daily `re100 run`s on `grids/gwangju-bitgreen-ops` (issue 11): each run plans from the state the previous
/// one left, that state is valid from the next run's first hour, and the history's year-to-date counters are the sums
/// of the committed days, with deterministic and with scenario plans. A state for another hour is refused (exit 65);
/// an older state without `valid_from` loads.
@Suite("Daily runs", .serialized)
struct DailyRunsTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let tariffs = NamedFileCatalog(folders: [])

    /// A copy of `grids/gwangju-bitgreen-ops` in `directory` whose histories (ending 2026-07-14T23:00) may be up to
    /// 240 h old, so that runs on each of its seven days may use them; the tariff path made absolute.
    static func opsGrid(in directory: URL) throws -> String {
        let source = TestFolders.bundledGrid("gwangju-bitgreen-ops")
        let grid = directory.appendingPathComponent("ops")
        try FileManager.default.copyItem(at: source, to: grid)
        let tariffs = TestFolders.root.appendingPathComponent("grids/tariffs").path
        let toml = grid.appendingPathComponent("grid.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "../tariffs", with: tariffs)
            .replacingOccurrences(of: "max_input_age_hours = 48.0", with: "max_input_age_hours = 240.0")
        #expect(edited.contains("max_input_age_hours = 240.0") && edited != text)
        try edited.write(to: toml, atomically: true, encoding: .utf8)
        return grid.path
    }

    /// `schedule.csv` as rows of named cells.
    static func schedule(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(lines.first)
        return lines.dropFirst().map { cells in
            Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    static func number(_ row: [String: String], _ column: String) -> Double {
        row[column].flatMap(Double.init) ?? .nan
    }

    /// Deterministic and scenario runs (`--scenarios quantile`, whose schedule is the `p50` block's and whose shared
    /// first 24 hours are the committed ones) alike.
    @Test(arguments: ScenarioMode.allCases)
    func aWeekOfDailyRunsCarriesStateAndAddsUpYearToDate(mode: ScenarioMode) throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try Self.opsGrid(in: folder)
        let out = folder.appendingPathComponent("out").path
        let network = try GridSource.open(grid, tariffs: Self.tariffs, logger: Self.quiet).network
        let axis = network.timeAxis
        let connection = try #require(network.gridConnection)
        let intensity = Dictionary(uniqueKeysWithValues: network.carriers.map { ($0.id.rawValue, $0.co2Intensity) })
        #expect(!network.storageUnits.isEmpty)

        var previous: DispatchState?
        var sums = (hours: 0, demand: 0.0, co2: 0.0)
        // Whether some carried energy differs from the unit's own initial energy (a run that ignored the state would
        // start from that one and break the continuity check).
        var carriedDiffersFromInitial = false
        for day in 0..<7 {
            let first = axis.snapshots[24 * day]
            let now = ReportFormat.timestamp(first, timeZone: axis.timeZone)
            var job = ScheduledRun(grid: grid, folder: out, now: now, tariffs: Self.tariffs)
            job.scenarioMode = mode
            let id = try job.run(recorder: RunRecorder(), logger: Self.quiet)
            let rows = try Self.schedule(out + "/runs/\(id)/schedule.csv")
            #expect(rows.first?["timestamp"] == now)
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/runs/\(id)/summary.json")))
            let scenarios = (summary as? [String: Any])?["scenario_dispatch"] as? [String: Any]
            #expect(mode == .quantile ? scenarios?["shared_hours"] as? Int == 24 : scenarios == nil)

            // The plan starts from the state the previous run left, valid from this run's first hour.
            if let previous {
                #expect(previous.validFrom == first, "day \(day + 1): state valid from \(String(describing: previous.validFrom))")
                for unit in network.storageUnits {
                    let name = unit.id.rawValue
                    let row = try #require(rows.first { $0["unit"] == name && $0["component"] == "storage_unit" })
                    let stored = try #require(previous.storedEnergyMWh[name])
                    if abs(stored - unit.stateOfChargeInitial) > 1 { carriedDiffersFromInitial = true }
                    let expected = (1 - unit.standingLoss) * stored + unit.efficiencyStore * Self.number(row, "charge_mw")
                        - Self.number(row, "discharge_mw") / unit.efficiencyDispatch
                    #expect(abs(Self.number(row, "soc_mwh") - expected) <= 1e-6,
                            "day \(day + 1), \(name): first hour \(Self.number(row, "soc_mwh")) MWh, from the state \(expected) MWh")
                }
            }

            // The committed first 24 hours, summed from the schedule: demand, i.e. consumption (what generators, PPAs
            // and net imports supply: loads, storage and network losses; docs/kpis.md) as no load is shed here, and
            // CO2 (generators and PPAs by their carrier, imports by the emission factor).
            var hourOf: [String: Int] = [:]
            for hour in (24 * day)..<(24 * day + 24) {
                hourOf[ReportFormat.timestamp(axis.snapshots[hour], timeZone: axis.timeZone)] = hour
            }
            let committed = rows.filter { hourOf[$0["timestamp"] ?? ""] != nil }
            #expect(committed.count * 2 == rows.count || day == 6)
            for row in committed {
                let hour = try #require(hourOf[row["timestamp"] ?? ""])
                switch row["component"] {
                case "generator", "ppa":
                    sums.demand += Self.number(row, "p_mw")
                    sums.co2 += Self.number(row, "p_mw") * (intensity[row["carrier"] ?? ""] ?? 0)
                case "grid":
                    sums.demand += Self.number(row, "discharge_mw") - Self.number(row, "charge_mw")
                    sums.co2 += Self.number(row, "discharge_mw") * connection.emissionFactor.value(at: hour)
                default: break
                }
            }
            sums.hours += 24

            // The state handed on and the history agree with the sums over the committed days.
            let state = try #require(try StateFile.read(out + "/state.json"))
            let progress = try #require(state.periodProgress)
            let runs = try RunArchive(path: out + "/history.sqlite").runs(last: nil)
            #expect(runs.count == day + 1)
            let ytd = try #require(runs.last?.yearToDate)
            #expect(ytd.period == "2026" && progress.period == "2026")
            #expect(ytd.hours == sums.hours && progress.hours == sums.hours)
            for (name, recorded, expected) in [("demand", ytd.demandMWh, sums.demand), ("co2", ytd.co2Tonnes, sums.co2),
                                               ("state demand", progress.demandMWh, sums.demand),
                                               ("state co2", progress.co2Tonnes, sums.co2)] {
                let value = try #require(recorded)
                #expect(abs(value - expected) <= 1e-6 * max(abs(expected), 1), "day \(day + 1), \(name): \(value) vs \(expected)")
            }
            #expect(ytd.renewableMWh.map { abs($0 - progress.renewableMWh) <= 1e-6 * progress.renewableMWh } == true)
            #expect(ytd.reShare.map { abs($0 - progress.renewableMWh / sums.demand) <= 1e-6 } == true)
            #expect(ytd.cfeScore.map { abs($0 - progress.carbonFreeMatchedMWh / sums.demand) <= 1e-6 } == true)
            #expect(ytd.targetREShare == network.targets.annualRenewableShare && ytd.targetCFEScore == 0.2)
            // The year-to-date sums only grow.
            if let before = previous?.periodProgress {
                #expect(progress.renewableMWh >= before.renewableMWh && progress.carbonFreeMatchedMWh >= before.carbonFreeMatchedMWh)
            }
            previous = state
        }
        #expect(carriedDiffersFromInitial, "every carried energy is the grid's own initial one: continuity checked nothing")
        // The last state is valid from the hour after the time axis.
        #expect(previous?.validFrom == axis.snapshots[axis.count - 1].addingTimeInterval(3600))
    }

    @Test func aStateForAnotherHourIsRefusedNamingFileAndHours() throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try Self.opsGrid(in: folder)
        let out = folder.appendingPathComponent("out").path
        _ = try ScheduledRun(grid: grid, folder: out, now: "2026-07-15T00:00", tariffs: Self.tariffs)
            .run(recorder: RunRecorder(), logger: Self.quiet)
        // The state is valid from 2026-07-16T00:00; a run of the 17th (a day skipped) must not plan from it.
        let error = try #require(throws: PlanningError.self) {
            try ScheduledRun(grid: grid, folder: out, now: "2026-07-17T00:00", tariffs: Self.tariffs)
                .run(recorder: RunRecorder(), logger: Self.quiet)
        }
        guard case .badInput(let message) = error else {
            Issue.record("expected badInput (exit 65), found \(error)")
            return
        }
        #expect(message.hasPrefix(out + "/state.json: field 'valid_from'"), "\(message)")
        #expect(message.contains("2026-07-17T00:00+09:00") && message.contains("found 2026-07-16T00:00+09:00"), "\(message)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260715T0000")
    }

    @Test func anOlderStateWithoutValidFromLoadsWithAWarning() throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = #"{"stored_energy_mwh":{"battery":3.5},"month_peak_import_mw":9.5,"unit_is_on":{}}"#
        let state = try StateFile.decode(Array(old.utf8), file: "state.json")
        #expect(state.validFrom == nil && state.storedEnergyMWh == ["battery": 3.5])

        let out = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try old.write(toFile: out + "/state.json", atomically: true, encoding: .utf8)
        let (logger, log) = RecordingLogHandler.logger()
        let id = try ScheduledRun(grid: TestFolders.bundledGrid("single-bus").path, folder: out, now: "2026-04-03T12:00",
                                  tariffs: Self.tariffs).run(recorder: RunRecorder(), logger: logger)
        #expect(id == "20260403T1200")
        #expect(log.messages(at: .warning).contains { $0.contains("no field 'valid_from'") }, "\(log.messages(at: .warning))")
        // The run started from the old state's battery and wrote a state with the hour it is valid from.
        let battery = try Self.schedule(out + "/current/schedule.csv").first { $0["unit"] == "battery" }
        let row = try #require(battery)
        let expected = 3.5 + 0.95 * Self.number(row, "charge_mw") - Self.number(row, "discharge_mw") / 0.95
        #expect(abs(Self.number(row, "soc_mwh") - expected) <= 1e-6)
        let written = try #require(try StateFile.read(out + "/state.json"))
        #expect(written.validFrom.map { ReportFormat.timestamp($0, timeZone: TimeZone(identifier: "Asia/Seoul") ?? .gmt) }
                == "2026-04-04T12:00+09:00")
    }

    @Test func stateJSONHasISODatesAndTheSameBytesForTheSameState() throws {
        let state = DispatchState(validFrom: Date(timeIntervalSince1970: 1_784_127_600), storedEnergyMWh: ["ess": 88.8, "b": 1],
                                  monthlyPeakImportMW: ["2026-06": 150, "2026-07": 160], hoursInStatus: ["gt": 3],
                                  periodProgress: PeriodProgress(period: "2026", hours: 24, demandMWh: 10, co2Tonnes: -1))
        let bytes = try ScheduledRun.encode(state)
        #expect(bytes == (try ScheduledRun.encode(state)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""valid_from" : "2026-07-15T15:00:00Z""#), "\(text)")
        #expect(try StateFile.decode(Array(bytes), file: "state.json") == state)
    }
}
