import Foundation
import Testing
@testable import GridIO

@Suite("Load history reader")
struct LoadHistoryReaderTests {
    let utc = TimeZone(identifier: "UTC")!

    func read(_ text: String, fill: LoadHistoryReader.GapFill = .none, loadColumn: String? = nil,
              requireTemperature: Bool = false) throws(CSVError) -> LoadHistory {
        try LoadHistoryReader.read(bytes: Array(text.utf8), file: "history.csv", timeZone: utc, loadColumn: loadColumn,
                                   requireTemperature: requireTemperature, fill: fill)
    }

    /// The error of reading `text`, or `nil`.
    func failure(_ text: String, fill: LoadHistoryReader.GapFill = .none, loadColumn: String? = nil,
                 requireTemperature: Bool = false) -> CSVError? {
        do {
            _ = try read(text, fill: fill, loadColumn: loadColumn, requireTemperature: requireTemperature)
            return nil
        } catch {
            return error
        }
    }

    @Test("Default column names load_mw and temp_c, as in the shared data")
    func defaults() throws {
        let history = try read("timestamp,load_mw,temp_c\n2010-01-01T00:00,100,1.5\n2010-01-01T01:00,110,2.5\n")
        #expect(history.load == [100, 110])
        #expect(history.temperature == [1.5, 2.5])
        #expect(history.loadColumn == "load_mw")
        #expect(history.timestamps.map(\.timeIntervalSince1970) == [1_262_304_000, 1_262_307_600])
    }

    @Test("A missing load column names the columns found")
    func missingColumn() {
        let error = failure("time,demand\n2010-01-01T00:00,1\n")
        #expect(error?.line == 1)
        #expect(error?.found == "columns 'time', 'demand'")
        #expect(error?.description.contains("'load' or 'load_mw'") == true)
        #expect(failure("timestamp,load\n2010-01-01T00:00,1\n", requireTemperature: true)?.expected
            == "a temperature column 'temperature' or 'temp_c'")
        #expect(failure("timestamp,load\n2010-01-01T00:00,1\n", loadColumn: "mw")?.expected == "a load column 'mw'")
    }

    @Test("Unparsable, duplicate, out-of-order and gapped timestamps point at their line", arguments: [
        ("timestamp,load\n2010-01-01T00:00,1\n2010-01-01 1am,2\n", 3, "an ISO-8601 timestamp such as 2026-01-01T00:00"),
        ("timestamp,load\n2010-01-01T00:00,1\n2010-01-01T01:00,2\n2010-01-01T01:00,3\n", 4, "the hour after the previous row"),
        ("timestamp,load\n2010-01-01T00:00,1\n2010-01-01T01:00,2\n2010-01-01T00:00,3\n", 4, "the hour after the previous row"),
        ("timestamp,load\n2010-01-01T00:00,1\n\n2010-01-01T03:00,2\n", 4, "the hour after the previous row"),
        ("timestamp,load\n2010-01-01T00:00,1\n2010-01-01T00:30,2\n", 3, "a whole number of hours after the first timestamp"),
        ("timestamp,load\n2010-01-01T00:00,1\n2010-01-01T01:00,\n", 3, "a number (use --fill linear to interpolate missing values)"),
    ])
    func badRows(text: String, line: Int, expected: String) {
        let error = failure(text)
        #expect(error?.file == "history.csv")
        #expect(error?.line == line)
        #expect(error?.expected == expected)
    }

    @Test("The found text says what is wrong")
    func messages() {
        #expect(failure("timestamp,load\n2010-01-01T00:00,1\n2010-01-01T00:00,3\n")?.found
            == "a duplicate of the previous timestamp")
        #expect(failure("timestamp,load\n2010-01-01T00:00,1\n2010-01-01T03:00,2\n")?.found
            == "a gap of 2 missing hour(s) before '2010-01-01T03:00' (use --fill linear to interpolate)")
    }

    @Test("--fill linear inserts missing hours and fills empty cells")
    func linearFill() throws {
        let history = try read("timestamp,load,temperature\n2010-01-01T00:00,10,0\n2010-01-01T03:00,40,\n"
            + "2010-01-01T04:00,50,8\n", fill: .linear)
        #expect(history.load == [10, 20, 30, 40, 50])
        #expect(history.temperature == [0, 2, 4, 6, 8])
        #expect(history.timestamps.count == 5)
        #expect(history.filledValues == 5)
        let edge = failure("timestamp,load\n2010-01-01T00:00,\n2010-01-01T01:00,2\n", fill: .linear)
        #expect(edge?.line == 2)
    }
}
