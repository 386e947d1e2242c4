import Foundation
import GridIO
import Testing
import TestSupport
@testable import Planning

/// The metered-values CSV of `re100 actuals add`.
@Suite struct ActualsReaderTests {
    static let seoul = TimeZone(identifier: "Asia/Seoul") ?? .gmt

    /// Reads `text` written to a temporary file named `meter.csv`.
    static func read(_ text: String, timeZone: TimeZone = seoul) throws -> [MeteredValue] {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("meter.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ActualsReader.read(path: path, timeZone: timeZone)
    }

    /// The problem `text` is refused with: line, column, field and the file's name.
    static func problem(_ text: String) throws -> CSVError {
        do {
            _ = try read(text)
        } catch let error as CSVError {
            return error
        }
        throw CSVError(file: "", line: 0, column: 0, field: nil, expected: "an error", found: "none")
    }

    @Test func plainLoadIDsAndSeriesNamesWithOffsetsOrTheZone() throws {
        let values = try Self.read("""
            timestamp,factory,generators.pv
            2026-04-03T00:00,8,
            2026-04-03T01:00+09:00,12.5,0.25
            """)
        #expect(values == [
            MeteredValue(series: "loads.factory", timestamp: RunArchiveTests.hour(0), value: 8),
            MeteredValue(series: "loads.factory", timestamp: RunArchiveTests.hour(1), value: 12.5),
            MeteredValue(series: "generators.pv", timestamp: RunArchiveTests.hour(1), value: 0.25),
        ])
        let utc = try Self.read("timestamp,loads.factory\n2026-04-02T15:00,3\n", timeZone: .gmt)
        #expect(utc == [MeteredValue(series: "loads.factory", timestamp: RunArchiveTests.hour(0), value: 3)])
    }

    @Test func aBadTimestampNamesLineAndColumn() throws {
        let error = try Self.problem("timestamp,factory\n2026-04-03T00:00,8\n2026-04-03 1h,9\n")
        #expect(error.line == 3 && error.column == 1 && error.field == "timestamp")
        #expect(error.description.hasSuffix("meter.csv:3:1: column 'timestamp': expected an ISO-8601 time such as "
            + "2026-04-03T00:00 or 2026-04-03T00:00+09:00, found '2026-04-03 1h'"))
    }

    @Test func aBadNumberNamesLineAndCharacterColumn() throws {
        let error = try Self.problem("timestamp,factory\n2026-04-03T00:00,8\n2026-04-03T01:00,eight\n")
        #expect(error.line == 3 && error.column == 18 && error.field == "factory")
    }

    @Test func aRepeatedHourNamesBothLines() throws {
        let error = try Self.problem("timestamp,factory\n2026-04-03T00:00,8\n2026-04-02T15:00Z,9\n")
        #expect(error.line == 3 && error.column == 1)
        #expect(error.found.contains("the same instant as line 2"))
    }

    @Test(arguments: [
        ("time,factory\n2026-04-03T00:00,8\n", 1, "'timestamp' as the first column's name"),
        ("timestamp\n2026-04-03T00:00\n", 1, "a column per series after 'timestamp' (loads.factory or factory)"),
        ("timestamp,factory,loads.factory\n2026-04-03T00:00,8,8\n", 1, "each series once"),
        ("timestamp,factory\n", 2, "at least one row of values"),
        ("timestamp,factory\n2026-04-03T00:00,inf\n", 2, "a finite number of magnitude at most 1e12, or an empty cell"),
        ("timestamp,factory\n2026-04-03T00:00,8\n2026-04-03T01:00,-3e15\n", 3, "a finite number of magnitude at most 1e12, or an empty cell"),
    ])
    func badFilesSayWhatWasExpected(text: String, line: Int, expected: String) throws {
        let error = try Self.problem(text)
        #expect(error.line == line && error.expected == expected)
    }
}
