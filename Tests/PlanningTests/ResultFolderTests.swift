import DispatchOptimizer
import Foundation
import GridIO
import Logging
import Reporting
import Testing
import TestSupport
@testable import Planning

/// A result folder is written from memory, and its report built from memory is the one `re100 report` renders
/// from the files.
@Suite("result folders")
struct ResultFolderTests {
    /// `hours` of `grid` (a bundled grid's name) from `start`, solved.
    static func solve(_ grid: String, start: String? = nil, hours: Int) throws -> SolvedDispatch {
        let source = try GridSource.open(TestFolders.bundledGrid(grid).path, tariffs: NamedFileCatalog(folders: []),
                                         logger: Logger(label: "test"))
        let horizon = try Horizon(start: start, hours: hours, in: source.network.timeAxis)
        return try DispatchJob(grid: source, horizon: horizon).run(logger: Logger(label: "test"))
    }

    @Test(arguments: [("single-bus", nil, 24), ("gwangju-bitgreen", "2026-01-02T00:00", 48)] as [(String, String?, Int)])
    func reportFromMemoryEqualsReportFromTheFiles(grid: String, start: String?, hours: Int) throws {
        let solved = try Self.solve(grid, start: start, hours: hours)
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ResultFolder.write(solved, to: folder.path, report: true)
        let written = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        let context = ReportGridContext(network: solved.network, firstHour: solved.job.horizon.firstHour, hourCount: hours)
        let read = try ResultDirectory.report(folder.path) { _, _ in context }
        #expect(read.render() == written)
        // The example grid's flexible data center and EV fleet get their charts, the fleet with its minimum.
        #expect(written.contains("Flexible loads and EV fleets") == (grid == "gwangju-bitgreen"))
        #expect(written.contains("car_fleet minimum") == (grid == "gwangju-bitgreen"))
        #expect(read.summary == ReportSummary(solved.summary))
        // Compared as text: empty cells are NaN on both sides.
        #expect("\(read.schedule.rows)" == "\(ScheduleCSV.rows(solved.result, timeZone: solved.timeZone))")
        #expect(written.contains("<h1>re100 report: "))
    }

    @Test func filesOfTheFolder() throws {
        let solved = try Self.solve("single-bus", hours: 6)
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ResultFolder.write(solved, to: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["prices.csv", "schedule.csv", "summary.json"])
        #expect(try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8) == solved.summaryJSON)
        let schedule = try String(contentsOf: folder.appendingPathComponent("schedule.csv"), encoding: .utf8)
        #expect(schedule.hasPrefix(ScheduleCSV.columns.joined(separator: ",") + "\n"))
        #expect(schedule.split(separator: "\n").count == 1 + 6 * solved.result.units.count)
    }

    @Test func aFolderThatCannotBeCreatedIsCannotWrite() throws {
        let solved = try Self.solve("single-bus", hours: 1)
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: PlanningError.self) { try ResultFolder.write(solved, to: file.path + "/out") }
        guard case .cannotWrite(let path, _) = error else { Issue.record("\(error)"); return }
        #expect(path == file.path + "/out")
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
}
