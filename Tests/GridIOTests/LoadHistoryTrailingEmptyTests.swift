import Foundation
import Testing
@testable import GridIO

/// Forecast inputs of a grid may end in rows that only give temperatures (`allowTrailingEmpty`).
@Suite struct LoadHistoryTrailingEmptyTests {
    static let text = """
        timestamp,load_mw,temp_c
        2026-01-01T00:00,10,1
        2026-01-01T01:00,11,2
        2026-01-01T02:00,,3
        2026-01-01T03:00,,

        """

    func read(_ text: String, allowTrailingEmpty: Bool) throws(CSVError) -> LoadHistory {
        try LoadHistoryReader.read(bytes: Array(text.utf8), file: "history.csv", timeZone: .gmt,
                                   allowTrailingEmpty: allowTrailingEmpty)
    }

    @Test func trailingEmptyCellsStayNaN() throws {
        let history = try read(Self.text, allowTrailingEmpty: true)
        #expect(history.timestamps.count == 4)
        #expect(history.load?.prefix(2) == [10, 11])
        #expect(history.load?.suffix(2).allSatisfy(\.isNaN) == true)
        #expect(history.temperature?.prefix(3) == [1, 2, 3])
        #expect(history.temperature?.last?.isNaN == true)
    }

    @Test func emptyCellsBeforeTheLastValueAreStillErrors() throws {
        #expect(throws: CSVError.self) { try read(Self.text, allowTrailingEmpty: false) }
        let inner = Self.text.replacingOccurrences(of: "2026-01-01T01:00,11,2", with: "2026-01-01T01:00,,2")
            .replacingOccurrences(of: "2026-01-01T03:00,,", with: "2026-01-01T03:00,12,4")
        let error = try #require(throws: CSVError.self) { try read(inner, allowTrailingEmpty: true) }
        #expect(error.line == 3)
        #expect(error.field == "load_mw")
    }
}
