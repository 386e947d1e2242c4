import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import re100

@Suite("re100 dispatch and export-lp")
struct DispatchCommandTests {
    static let root = TestFolders.root
    static let singleBus = TestFolders.bundledGrid("single-bus").path

    /// A new folder under one parent per test process, which is removed when the process exits.
    static func temporaryDirectory() throws -> URL {
        try TestFolders.temporaryDirectory()
    }

    @Test(arguments: [
        ["--window", "24"], ["--step", "24"], ["--window", "24", "--step", "48"], ["--window", "0", "--step", "0"],
        ["--hours", "0"], ["--format", "html"], ["--log-level", "loud"],
    ])
    func invalidArgumentsAreUsageErrors(arguments: [String]) {
        Self.expectUsageError(["dispatch", Self.singleBus] + arguments)
    }

    /// Expects `re100 <arguments>` to be refused at parsing with exit 64.
    static func expectUsageError(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try RE100Command.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed", sourceLocation: sourceLocation)
        } catch {
            #expect(RE100Command.exitCode(for: error) == ExitCode(64), sourceLocation: sourceLocation)
        }
    }

    @Test func validArgumentsParse() throws {
        let command = try RE100Command.parseAsRoot([
            "dispatch", Self.singleBus, "--start", "2026-04-03T00:00", "--hours", "12", "--window", "6", "--step", "3",
            "--scenario", "a.toml", "--scenario", "b.toml", "--commitment", "--format", "json", "--log-level", "debug",
            "--log-format", "json",
        ])
        let dispatch = try #require(command as? DispatchCommand)
        #expect(dispatch.overlays.scenarios == ["a.toml", "b.toml"])
        #expect(dispatch.windows.window == 6 && dispatch.windows.step == 3 && dispatch.commitment && dispatch.format == .json)
        #expect(dispatch.logging.logLevel == .debug && dispatch.logging.logFormat == .json)
    }

    @Test func exportNeedsAnLPOrMPSFile() throws {
        #expect(throws: (any Error).self) { try RE100Command.parseAsRoot(["export-lp", Self.singleBus, "--out", "m.txt"]) }
        #expect(throws: (any Error).self) { try RE100Command.parseAsRoot(["export-lp", Self.singleBus]) }
        _ = try RE100Command.parseAsRoot(["export-lp", Self.singleBus, "--out", "m.MPS"])
    }

    @Test func dispatchWritesTheSameFilesTwice() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var contents: [[String]] = []
        for run in ["a", "b"] {
            let out = directory.appendingPathComponent(run).path
            var command = try DispatchCommand.parseAsRoot([Self.singleBus, "--hours", "24", "--out", out])
            try command.run()
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(files == ["prices.csv", "schedule.csv", "summary.json"])
            contents.append(try files.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) })
        }
        #expect(contents[0][0] == contents[1][0])
        #expect(contents[0][1] == contents[1][1])
        let withoutTimings = { (text: String) in text.split(separator: "\n").filter { !$0.contains("_s\" :") } }
        #expect(withoutTimings(contents[0][2]) == withoutTimings(contents[1][2]))
        let schedule = contents[0][1].split(separator: "\n")
        #expect(schedule[0] == "timestamp,unit,component,bus,carrier,p_mw,charge_mw,discharge_mw,soc_mwh,curtailed_mw")
        #expect(schedule[1].hasPrefix("2026-04-03T00:00+09:00,"))
    }

    @Test func startMustBeASnapshot() throws {
        var command = try DispatchCommand.parseAsRoot([Self.singleBus, "--start", "2026-04-03T00:30"])
        #expect(throws: ExitCode(64)) { try command.run() }
        var garbage = try DispatchCommand.parseAsRoot([Self.singleBus, "--start", "tomorrow"])
        #expect(throws: ExitCode(64)) { try garbage.run() }
    }

    @Test func missingGridIsBadInput() throws {
        var command = try DispatchCommand.parseAsRoot([Self.root.appendingPathComponent("grids/nowhere").path])
        #expect(throws: ExitCode(65)) { try command.run() }
    }

    @Test func iterationLimitExitsTwo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let preset = directory.appendingPathComponent("tight.toml")
        try "method = \"primal_simplex\"\niteration_limit = 1\n".write(to: preset, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out").path
        var command = try DispatchCommand.parseAsRoot([Self.singleBus, "--hours", "24", "--solver-config", preset.path, "--out", out])
        #expect(throws: ExitCode(2)) { try command.run() }
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"status\" : \"iteration_limit\""))
    }

    @Test func badPresetIsBadInput() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let preset = directory.appendingPathComponent("bad.toml")
        try "method = \"simplex\"\n".write(to: preset, atomically: true, encoding: .utf8)
        var command = try DispatchCommand.parseAsRoot([Self.singleBus, "--solver-config", preset.path])
        #expect(throws: ExitCode(65)) { try command.run() }
    }

    @Test func exportWritesAnLPFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("model.lp").path
        var command = try ExportLPCommand.parseAsRoot([Self.singleBus, "--hours", "3", "--out", out])
        try command.run()
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("Minimize"))
        #expect(text.contains("t0002"))
        #expect(!text.contains("t0003"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.lp"])
    }

    @Test func pypsaFolderReproducesPyPSAsObjective() throws {
        let folder = Self.root.appendingPathComponent("Tests/GridIOTests/Fixtures/pypsa/store_and_links")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("reference.json")))
        let expected = try #require((reference as? [String: Any])?["objective"] as? Double)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var command = try DispatchCommand.parseAsRoot([folder.path, "--out", directory.path, "--log-level", "error"])
        try command.run()
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let document = try #require(summary as? [String: Any])
        #expect((document["grid"] as? [String: Any])?["format"] as? String == "pypsa")
        let objective = try #require(document["objective"] as? Double)
        #expect(abs(objective - expected) <= 1e-6 * abs(expected))
    }

    @Test func matpowerCaseDispatchesAndRefusesOverlays() throws {
        let file = Self.root.appendingPathComponent("Tests/GridIOTests/Fixtures/matpower/case4_re100.m").path
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var command = try DispatchCommand.parseAsRoot([file, "--out", directory.path, "--log-level", "error"])
        try command.run()
        let summary = try String(contentsOf: directory.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"format\" : \"matpower\""))
        var withOverlay = try DispatchCommand.parseAsRoot([file, "--scenario", "x.toml"])
        #expect(throws: ExitCode(64)) { try withOverlay.run() }
    }

    /// The usage line keeps at most 12 options (swift-argument-parser), so the order is checked in the help's
    /// argument and option lists.
    @Test func helpListsTheFlagsInTheDocumentedOrder() throws {
        let help = DispatchCommand.helpMessage(columns: 1000)
        let lists = try #require(help.range(of: "ARGUMENTS:")).lowerBound
        Self.expectFlags(["<grid>", "--start", "--hours", "--window", "--step", "--scenario", "--solver-config",
                          "--scenarios", "--cvar-level", "--cvar-weight", "--commitment", "--out", "--format"],
                         inOrderIn: String(help[lists...]))
    }

    /// Expects every one of `flags` in `usage`, in that order (ARCHITECTURE.md's order).
    static func expectFlags(_ flags: [String], inOrderIn usage: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let positions = flags.compactMap { usage.range(of: $0)?.lowerBound }
        #expect(positions.count == flags.count, sourceLocation: sourceLocation)
        #expect(positions == positions.sorted(), sourceLocation: sourceLocation)
    }

    @Test func rollingWindowsCoverEveryHourOnceAndStartTakesAnOffset() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 2026-04-03T03:00+09:00 given as UTC: the fourth snapshot.
        var command = try DispatchCommand.parseAsRoot([
            Self.singleBus, "--start", "2026-04-02T18:00Z", "--hours", "12", "--window", "6", "--step", "4",
            "--out", directory.path, "--log-level", "error",
        ])
        try command.run()
        let schedule = try String(contentsOf: directory.appendingPathComponent("schedule.csv"), encoding: .utf8)
        let stamps = schedule.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        var unique: [Substring] = []
        for stamp in stamps where unique.last != stamp { unique.append(stamp) }
        #expect(unique.count == 12)
        #expect(unique.first == "2026-04-03T03:00+09:00")
        #expect(unique.last == "2026-04-03T14:00+09:00")
        #expect(Set(stamps).count == 12)
    }
}
