import Foundation
import GridIO
import Testing
import TestSupport

/// Numbers are range-checked before they become sizes, counts or indices, and only regular files of a bounded
/// size are read (issue 14): each example is an error naming file, line and field, never a trap, a hang or an
/// allocation failure.
@Suite("Reader limits")
struct ReaderLimitsTests {
    private func errors(_ grid: String, series: String = GridFolder.minimalSeries) throws -> [GridIOError] {
        let folder = try GridFolder(["grid.toml": grid, "series.csv": series])
        defer { folder.remove() }
        return GridReader.validate(folder.url).errors
    }

    @Test(arguments: ["9223372036854775807", "1000000000", "87841", "0", "-3"])
    func snapshotCountsOutsideTenYearsAreLocatedErrors(count: String) throws {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: "count = 4", with: "count = \(count)")
        let found = try errors(grid)
        #expect(found.contains { $0.field == "snapshots.count" && $0.line == 7 && $0.file.hasSuffix("grid.toml") }, "\(found)")
    }

    @Test func tomlTypoIsASyntaxErrorNotAnAbort() throws {
        let found = try errors("[[[a]\n" + GridFolder.minimalGrid)
        #expect(found.count == 1)
        #expect(found.first?.line == 1 && found.first?.column == 3 && found.first?.message == "TOML syntax error")
    }

    @Test func integerBeyond64BitsIsLocated() throws {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: "count = 4", with: "count = 99999999999999999999")
        let found = try errors(grid)
        #expect(found.first?.line == 7 && found.first?.found == "integer 99999999999999999999 is out of range (64-bit)")
    }

    @Test func seriesPathNamingAFIFOIsRefusedWithoutBlocking() throws {
        let folder = try GridFolder(["grid.toml": GridFolder.minimalGrid])
        defer { folder.remove() }
        #expect(mkfifo(folder.url.appendingPathComponent("series.csv").path, 0o644) == 0)
        let found = GridReader.validate(folder.url).errors
        #expect(found.contains { $0.file.hasSuffix("series.csv") && $0.expected == "a regular file" && $0.found == "a FIFO (named pipe)" }, "\(found)")
    }

    @Test func deviceIsRefusedNotReadUntilMemoryRunsOut() throws {
        let grid = GridFolder.minimalGrid.replacingOccurrences(of: "\"series.csv:pv\"", with: "\"/dev/zero:pv\"")
        let found = try errors(grid)
        #expect(found.contains { $0.file == "/dev/zero" && $0.found == "a character device" }, "\(found)")
        #expect(throws: RegularFileReader.Refusal.self) { try RegularFileReader.bytes("/dev/zero") }
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let folder = try GridFolder(["big.toml": String(repeating: "# padding\n", count: 200)])
        defer { folder.remove() }
        #expect {
            try RegularFileReader.bytes(folder.url.appendingPathComponent("big.toml").path, maximumBytes: 1000)
        } throws: { error in
            (error as? RegularFileReader.Refusal)?.found == "2000 bytes"
        }
    }

    @Test func matpowerBusNumberOf1e300IsLocated() {
        let text = "mpc.version = '2';\nmpc.baseMVA = 100;\nmpc.bus = [\n1e300 3 0 0 0 0 1 1 0 230 1 1.1 0.9;\n];\n"
            + "mpc.gen = [];\nmpc.branch = [];\nmpc.gencost = [];\n"
        #expect {
            try MATPOWERReader.read(text: text, file: "c.m", name: "c")
        } throws: { error in
            let diagnostics = error as? GridDiagnostics
            return diagnostics?.errors.contains { $0.line == 4 && $0.column == 1 && $0.message == "bad bus number" } == true
        }
    }

    @Test func matpowerBlockCommentsAreNotData() throws {
        let text = """
            mpc.version = '2';
            mpc.baseMVA = 100;
            %{
            mpc.baseMVA = -1;
            mpc.bus = [ garbage ];
            %}
            mpc.bus = [
            1 3 10 0 0 0 1 1 0 230 1 1.1 0.9;
            ];
            mpc.gen = [
            1 0 0 0 0 1 100 1 50 0;
            ];
            mpc.branch = [];
            mpc.gencost = [
            2 0 0 2 10 0;
            ];
            """
        let matpower = try MATPOWERReader.read(text: text, file: "c.m", name: "c")
        #expect(matpower.baseMVA == 100)
        #expect(matpower.network.buses.count == 1)
    }

    @Test(arguments: ["inf", "-inf", "1e300"])
    func nonFiniteHistoryValuesAreLocatedErrors(value: String) {
        let csv = "timestamp,load\n2026-01-01T00:00,1\n2026-01-01T01:00,\(value)\n2026-01-01T02:00,3\n"
        #expect(throws: CSVError(file: "h.csv", line: 3, column: 0, field: "load", expected: "a finite number of magnitude at most 1e12",
                                 found: "\(Double(value) ?? 0)")) {
            try LoadHistoryReader.read(bytes: Array(csv.utf8), file: "h.csv", timeZone: .gmt)
        }
    }

    @Test func aHistorySpanningCenturiesIsRefusedNotAllocated() {
        let csv = "timestamp,load\n2026-01-01T00:00,1\n9999-01-01T00:00,2\n"
        #expect(throws: CSVError.self) {
            try LoadHistoryReader.read(bytes: Array(csv.utf8), file: "h.csv", timeZone: .gmt, fill: .linear)
        }
    }
}

/// Wall-clock times skipped by a daylight-saving change are errors on their own line, never moved silently.
@Suite("Nonexistent local times")
struct SkippedWallTimeTests {
    static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt

    @Test func aHistoryRowAtASkippedTimeIsReportedOnItsLine() {
        let csv = "timestamp,load\n2026-03-08T00:00,1\n2026-03-08T01:00,1\n2026-03-08T02:00,1\n2026-03-08T03:00,1\n"
        #expect(throws: CSVError(file: "h.csv", line: 4, column: 1, field: "timestamp",
                                 expected: "a wall-clock time that exists in America/New_York",
                                 found: "'2026-03-08T02:00' (skipped when clocks go forward)")) {
            try LoadHistoryReader.read(bytes: Array(csv.utf8), file: "h.csv", timeZone: Self.newYork)
        }
    }

    @Test func aSnapshotFileRowAtASkippedTimeIsReportedOnItsLineOnly() throws {
        let grid = GridFolder.minimalGrid
            .replacingOccurrences(of: "time_zone = \"Asia/Seoul\"\nstart = \"2026-01-01T00:00\"\ncount = 4", with: "time_zone = \"America/New_York\"\nfile = \"snapshots.csv\"")
        let stamps = ["2026-03-08T00:00", "2026-03-08T01:00", "2026-03-08T02:00", "2026-03-08T03:00"]
        let folder = try GridFolder([
            "grid.toml": grid, "snapshots.csv": "snapshot\n" + stamps.joined(separator: "\n") + "\n",
            "series.csv": GridFolder.series(["pv": [0, 0.2, 0.6, 0.1], "load": [10, 11, 12, 10]], timestamps: stamps),
        ])
        defer { folder.remove() }
        let errors = GridReader.validate(folder.url).errors
        let skipped = errors.filter { $0.message == "nonexistent local time" && $0.file.hasSuffix("snapshots.csv") }
        #expect(skipped.map(\.line) == [4], "\(errors)")
    }
}
