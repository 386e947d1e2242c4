import ArgumentParser
import Foundation
import Planning
import Testing
@testable import re100

/// `re100 run`: publication through `current`, the carried state, retention and the lock.
@Suite struct RunCommandTests {
    static let grid = DispatchCommandTests.root.appendingPathComponent("grids/single-bus").path

    @Test func runsPublishCurrentCarryStateAndPrune() throws {
        let out = try DispatchCommandTests.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var first = try RunCommand.parseAsRoot([Self.grid, "--out", out, "--now", "2026-04-03T00:00"])
        try first.run()
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

        var second = try RunCommand.parseAsRoot([Self.grid, "--out", out, "--now", "2026-04-03T12:00", "--keep", "1"])
        try second.run()
        #expect(try manager.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260403T1200")
        #expect(try manager.contentsOfDirectory(atPath: out + "/runs") == ["20260403T1200"])
    }

    @Test func aHeldLockExitsWith75() throws {
        let out = try DispatchCommandTests.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let held = open(out + "/.re100.lock", O_CREAT | O_RDWR, 0o644)
        defer { close(held) }
        #expect(flock(held, LOCK_EX) == 0)
        // flock is per open file description, so a second open in this process conflicts like another run.
        var command = try RunCommand.parseAsRoot([Self.grid, "--out", out, "--now", "2026-04-03T00:00"])
        #expect(throws: ExitCode(75)) { try command.run() }
        #expect(!FileManager.default.fileExists(atPath: out + "/current"))
    }

    @Test func aFailingRunKeepsThePreviousOne() throws {
        let out = try DispatchCommandTests.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var good = try RunCommand.parseAsRoot([Self.grid, "--out", out, "--now", "2026-04-03T00:00"])
        try good.run()
        try "{ not json".write(toFile: out + "/state.json", atomically: true, encoding: .utf8)
        var bad = try RunCommand.parseAsRoot([Self.grid, "--out", out, "--now", "2026-04-03T12:00"])
        #expect(throws: ExitCode(65)) { try bad.run() }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260403T0000")
    }
}
