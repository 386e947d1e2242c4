import ArgumentParser
import Foundation
import Reporting
import Planning
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

    /// The example grid's tariff bands are found through the grid summary.json records; when that grid is not at
    /// hand, the report leaves them out and says so.
    @Test func tariffBandsComeFromTheRecordedGrid() throws {
        let directory = try Self.dispatch(Self.example, hours: 48)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.report([directory.path])
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        // 2026-01-01 is a holiday (light all day); 2026-01-02 is a Friday with mid and peak hours.
        #expect(html.contains("peak band (counts toward the demand charge)"))
        #expect(html.contains("<title>light band: 2026-01-01T00:00+09:00 to "))
        #expect(html.contains(">billing peak 2026-01: "))
        let summary = directory.appendingPathComponent("summary.json")
        let moved = try String(contentsOf: summary, encoding: .utf8)
            .replacingOccurrences(of: "\"path\" : \"" + Self.example + "\"", with: "\"path\" : \"/nonexistent/grid\"")
        try moved.write(to: summary, atomically: true, encoding: .utf8)
        try Self.report([directory.path])
        let without = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!without.contains(" band: "))
        #expect(without.contains("was not at hand"))
    }

    /// `compare --out` writes the comparison report and each scenario's; `re100 report DIR` renders the same bytes.
    @Test func compareWritesAComparisonReport() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CompareCommandTests.compare([Self.example, "--hours", "24", "--scenario", CompareCommandTests.scenarios[0],
                                                 "--out", directory.path]) == nil)
        let written = try Data(contentsOf: directory.appendingPathComponent("report.html"))
        let copy = directory.appendingPathComponent("copy.html")
        try Self.report([directory.path, "--out", copy.path])
        #expect(written == (try Data(contentsOf: copy)))
        let html = String(decoding: written, as: UTF8.self)
        #expect(html.contains("<h1>re100 comparison: base and 1 scenarios</h1>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(html.contains("<a href=\"base/report.html\">report</a>"))
        #expect(html.contains("<a href=\"larger-pv/report.html\">report</a>"))
        let base = try String(contentsOf: directory.appendingPathComponent("base/report.html"), encoding: .utf8)
        #expect(base.contains("<title>light band: 2026-01-01T00:00+09:00 to 2026-01-01T23:00+09:00 (24 h)</title>"))  // a holiday
    }

    /// Renders the bundled example's week in headless Chromium: the screenshot must exist and not be blank, and
    /// the DOM Chromium built must hold the charts with their data marks.
    @Test(.enabled(if: chromium != nil, "needs chromium on PATH (scripts/setup installs it)"))
    func chromiumRendersTheExampleReport() throws {
        let directory = try Self.dispatch(Self.example, hours: 168)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.report([directory.path])
        let dom = try Self.renderInChromium(directory, height: 2400)
        #expect(dom.contains("<h1>re100 report: "))
        // 8 charts, plus the example's flexible data center and its EV fleet (docs/report.md).
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 10)
        #expect(dom.components(separatedBy: "<rect ").count - 1 > 168 * 4)  // LMP cells: 4 buses x 168 hours
        #expect(dom.components(separatedBy: "<path ").count - 1 >= 5)  // stacked bands and the import area
        #expect(dom.contains("<polyline "))
        #expect(!dom.localizedCaseInsensitiveContains("error"))
        #expect(!dom.contains("n/a"))
        #expect(dom.contains("counts toward the demand charge"))  // tariff bands on the grid import chart
    }

    /// Renders a comparison of the example and one overlay in headless Chromium: five bar charts with their bars.
    @Test(.enabled(if: chromium != nil, "needs chromium on PATH (scripts/setup installs it)"))
    func chromiumRendersAComparisonReport() throws {
        let directory = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CompareCommandTests.compare([Self.example, "--hours", "24", "--scenario", CompareCommandTests.scenarios[2],
                                                 "--out", directory.path]) == nil)
        let dom = try Self.renderInChromium(directory, height: 1200)
        #expect(dom.contains("<h1>re100 comparison: "))
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(dom.components(separatedBy: "<rect ").count - 1 == 5 * 2)  // one bar per scenario and chart
        #expect(dom.contains("(+"))  // differences to the base labelled
        #expect(!dom.localizedCaseInsensitiveContains("error"))
        #expect(!dom.contains("n/a"))
    }

    /// Renders `directory/report.html` in headless Chromium: takes a screenshot 1280 px wide and `height` px high
    /// (it must exist and not be blank, > 20 kB) and returns the DOM Chromium built.
    static func renderInChromium(_ directory: URL, height: Int) throws -> String {
        let page = "file://" + directory.appendingPathComponent("report.html").path
        let screenshot = directory.appendingPathComponent("screenshot.png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + directory.appendingPathComponent("profile").path]
        _ = try launch(chromium ?? "chromium", common + ["--screenshot=" + screenshot.path, "--window-size=1280,\(height)", page])
        let size = try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int ?? 0
        #expect(size > 20_000)
        return try launch(chromium ?? "chromium", common + ["--dump-dom", page])
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
