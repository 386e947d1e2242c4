import Foundation
import GridIO
import Logging
import Testing
import TestSupport
@testable import Planning

/// Scheduled runs (`re100 run`): publication through `current`, the carried state, retention and the lock.
@Suite struct ScheduledRunTests {
    static let grid = TestFolders.bundledGrid("single-bus").path

    /// A run of the single-bus grid into `out` at the clock `now`, keeping `keep` runs.
    static func run(_ out: String, now: String, keep: Int = 30) throws -> String {
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try ScheduledRun(grid: grid, folder: out, now: now, keep: keep, tariffs: NamedFileCatalog(folders: []))
            .run(recorder: RunRecorder(), logger: quiet)
    }

    @Test func runsPublishCurrentCarryStateAndPrune() throws {
        let out = try TestFolders.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try Self.run(out, now: "2026-04-03T00:00") == "20260403T0000")
        let manager = FileManager.default
        #expect(try manager.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260403T0000")
        #expect(try manager.contentsOfDirectory(atPath: out + "/current").sorted()
                == ["prices.csv", "report.html", "schedule.csv", "state.json", "summary.json"])
        #expect(try manager.destinationOfSymbolicLink(atPath: out + "/state.json") == "current/state.json")
        // The state is the plan's after 24 hours: the battery's energy at 23:00 in the schedule.
        let state = try #require(try RunDirectory.readState(out + "/state.json"))
        let schedule = try String(contentsOfFile: out + "/current/schedule.csv", encoding: .utf8)
        let battery = schedule.split(separator: "\n").filter { $0.contains(",battery,storage_unit,") }
        let socAt23 = Double(battery[23].split(separator: ",", omittingEmptySubsequences: false)[8]) ?? .nan
        #expect(abs((state.storedEnergyMWh["battery"] ?? .nan) - socAt23) < 1e-5)

        // The state is valid from the next day's first hour: the next run plans from there.
        #expect(try Self.run(out, now: "2026-04-04T00:00", keep: 1) == "20260404T0000")
        #expect(try manager.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260404T0000")
        #expect(try manager.contentsOfDirectory(atPath: out + "/runs") == ["20260404T0000"])
    }

    @Test func aHeldLockIsLockHeld() throws {
        let out = try TestFolders.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let held = open(out + "/.re100.lock", O_CREAT | O_RDWR, 0o644)
        defer { close(held) }
        #expect(flock(held, LOCK_EX) == 0)
        // flock is per open file description, so a second open in this process conflicts like another run.
        #expect(throws: PlanningError.lockHeld(path: out + "/.re100.lock")) { try Self.run(out, now: "2026-04-03T00:00") }
        #expect(!FileManager.default.fileExists(atPath: out + "/current"))
    }

    @Test func aFailingRunKeepsThePreviousOne() throws {
        let out = try TestFolders.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Self.run(out, now: "2026-04-03T00:00")
        try "{ not json".write(toFile: out + "/state.json", atomically: true, encoding: .utf8)
        let error = try #require(throws: PlanningError.self) { try Self.run(out, now: "2026-04-03T12:00") }
        #expect(error.description.hasPrefix(out + "/state.json: expected a re100 state (JSON)"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260403T0000")
    }
}
