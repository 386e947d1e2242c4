import ArgumentParser
import Foundation
import Reporting
import Testing
@testable import re100

@Suite("re100 report")
struct ReportCommandTests {
    static let root = DispatchCommandTests.root
    static let example = root.appendingPathComponent("grids/gwangju-bitgreen").path

    /// `chromium` on PATH (scripts/setup installs it), or nil.
    static let chromium: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { $0 + "/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A dispatch of `grid` for `hours` hours into a new temporary directory.
    static func dispatch(_ grid: String, hours: Int) throws -> URL {
        let directory = try DispatchCommandTests.temporaryDirectory()
        var command = try DispatchCommand.parseAsRoot([grid, "--hours", "\(hours)", "--out", directory.path, "--format", "json"])
        try command.run()
        return directory
    }

    static func report(_ arguments: [String]) throws {
        var command = try ReportCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func writesTheSameReportTwice() throws {
        let directory = try Self.dispatch(DispatchCommandTests.singleBus, hours: 24)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.report([directory.path])
        let other = directory.appendingPathComponent("copy.html").path
        try Self.report([directory.path, "--out", other])
        let first = try Data(contentsOf: directory.appendingPathComponent("report.html"))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: other))))
        let html = String(decoding: first, as: UTF8.self)
        #expect(html.contains("<h1>re100 report: "))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 8)
    }

    @Test func missingFilesAndBadCellsAreBadInput() throws {
        let directory = try Self.dispatch(DispatchCommandTests.singleBus, hours: 6)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = directory.appendingPathComponent("schedule.csv")
        let original = try String(contentsOf: schedule, encoding: .utf8)
        try original.replacingOccurrences(of: "p_mw", with: "power").write(to: schedule, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(65)) { try Self.report([directory.path]) }
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[5] = "12x"  // p_mw: not a number
        lines[2] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: schedule, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(65)) { try Self.report([directory.path]) }
        try original.write(to: schedule, atomically: true, encoding: .utf8)
        let summary = directory.appendingPathComponent("summary.json")
        try "{\"schema_version\": 1}".write(to: summary, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(65)) { try Self.report([directory.path]) }
        try FileManager.default.removeItem(at: summary)
        #expect(throws: ExitCode(65)) { try Self.report([directory.path]) }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.html").path))
    }

    @Test func decodingErrorsNameTheField() throws {
        let data = Data("{\"schema_version\": 1, \"grid\": {\"path\": 3}}".utf8)
        do {
            _ = try JSONDecoder().decode(ReportSummary.self, from: data)
            Issue.record("decoded")
        } catch let error as DecodingError {
            #expect(ResultDirectory.describe(error).hasPrefix("field 'grid.path': expected String"))
        }
        do {
            _ = try JSONDecoder().decode(ReportSummary.self, from: Data("{\"schema_version\": 1,".utf8))
            Issue.record("decoded")
        } catch let error as DecodingError {
            #expect(ResultDirectory.describe(error).hasPrefix("expected JSON, found invalid data"))
        }
    }

    /// Renders the bundled example's week in headless Chromium: the screenshot must exist and not be blank, and
    /// the DOM Chromium built must hold the charts with their data marks.
    @Test(.enabled(if: chromium != nil, "needs chromium on PATH (scripts/setup installs it)"))
    func chromiumRendersTheExampleReport() throws {
        let directory = try Self.dispatch(Self.example, hours: 168)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.report([directory.path])
        let page = "file://" + directory.appendingPathComponent("report.html").path
        let screenshot = directory.appendingPathComponent("screenshot.png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + directory.appendingPathComponent("profile").path]
        _ = try Self.launch(Self.chromium ?? "chromium", common + ["--screenshot=" + screenshot.path, "--window-size=1280,2400", page])
        let size = try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int ?? 0
        #expect(size > 20_000)
        let dom = try Self.launch(Self.chromium ?? "chromium", common + ["--dump-dom", page])
        #expect(dom.contains("<h1>re100 report: "))
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 8)
        #expect(dom.components(separatedBy: "<rect ").count - 1 > 168 * 4)  // LMP cells: 4 buses x 168 hours
        #expect(dom.components(separatedBy: "<path ").count - 1 >= 5)  // stacked bands and the import area
        #expect(dom.contains("<polyline "))
        #expect(!dom.localizedCaseInsensitiveContains("error"))
        #expect(!dom.contains("n/a"))
    }

    /// Runs `executable` with `arguments` (stopped after 120 s) and returns its stdout (stderr is discarded: Chromium
    /// logs D-Bus noise).
    static func launch(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }  // never hang the suite
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
