import EnergyCalendar
import Foundation

/// Reads the CSV files that grid and overlay files reference as `file.csv:column`, each file once, and checks
/// that its first column (timestamps) matches the grid's snapshots.
///
/// Tracks which columns were used so that columns no field references can be reported.
struct SeriesCache {
    private struct Entry {
        let table: CSVTable
        var used: Set<String>
    }

    let timeAxis: TimeAxis?
    private var tables: [String: Entry] = [:]
    private var failed: Set<String> = []
    /// Problems found in the files themselves (CSV syntax, timestamps), recorded once per file.
    private(set) var fileProblems: [GridIOError] = []

    init(timeAxis: TimeAxis?) { self.timeAxis = timeAxis }

    /// The series `reference` (`series/pv.csv:pv_roof`, relative to `directory`) named at `path` in `source`;
    /// `nil` when the file itself is unusable (its problems are in `fileProblems`).
    mutating func series(_ reference: String, relativeTo directory: URL, path: String, source: TOMLSource) throws(GridIOError) -> [Double]? {
        guard let colon = reference.lastIndex(of: ":"), colon != reference.startIndex, reference.index(after: colon) != reference.endIndex else {
            throw source.error(at: path, message: "bad series reference", expected: "\"file.csv:column\" or a number", found: "\"\(reference)\"")
        }
        let file = directory.resolving(String(reference[..<colon])).path
        let column = String(reference[reference.index(after: colon)...])
        guard let table = load(file) else { return nil }
        guard let values = table.numericColumn(column) else {
            let found = table.header.contains(column) ? "a text column \"\(column)\"" : "no column \"\(column)\""
            throw source.error(
                at: path, message: "missing series column", expected: "one of " + table.header.dropFirst().joined(separator: ", "), found: found)
        }
        tables[file]?.used.insert(column)
        return values
    }

    /// One warning per CSV column that no field referenced (timestamps excluded).
    func unusedColumnWarnings() -> [GridIOError] {
        tables.keys.sorted().flatMap { file -> [GridIOError] in
            guard let entry = tables[file] else { return [] }
            return entry.table.header.enumerated().dropFirst().filter { !entry.used.contains($0.element) }.map { column, name in
                GridIOError(
                    .warning, file: file, line: 1, column: column + 1, field: name, message: "series column not used",
                    expected: "a field referencing \(URL(fileURLWithPath: file).lastPathComponent):\(name)", found: "none")
            }
        }
    }

    private mutating func load(_ file: String) -> CSVTable? {
        if let entry = tables[file] { return entry.table }
        if failed.contains(file) { return nil }
        let table: CSVTable
        do {
            table = try NumericCSVReader.read(contentsOf: URL(fileURLWithPath: file), textColumns: [0])
        } catch {
            failed.insert(file)
            fileProblems.append(GridIOError(error))
            return nil
        }
        if let timeAxis {
            let problems = checkTimestamps(table, timeAxis: timeAxis)
            fileProblems += problems
            if problems.contains(where: { $0.severity == .error }) {
                failed.insert(file)
                return nil
            }
        }
        tables[file] = Entry(table: table, used: [])
        return table
    }

    /// Timestamp problems plus rows that differ from the snapshots.
    private func checkTimestamps(_ table: CSVTable, timeAxis: TimeAxis) -> [GridIOError] {
        let (dates, problems) = TimestampColumnCheck(table: table, column: 0, timeZone: timeAxis.timeZone).run()
        guard problems.isEmpty else { return problems }
        let field = table.header.first
        if dates.count != timeAxis.count {
            return [
                GridIOError(
                    file: table.file, line: table.line(ofRow: max(0, min(dates.count, timeAxis.count) - 1)), column: 1, field: field,
                    message: "series of the wrong length", expected: "\(timeAxis.count) rows (one per snapshot)", found: "\(dates.count) rows")
            ]
        }
        if let row = dates.indices.first(where: { dates[$0] != timeAxis.snapshots[$0] }) {
            return [
                GridIOError(
                    file: table.file, line: table.line(ofRow: row), column: 1, field: field, message: "timestamp differs from the snapshot",
                    expected: ISO8601DateFormatter().string(from: timeAxis.snapshots[row]), found: (table.textColumn(at: 0) ?? [])[row])
            ]
        }
        return []
    }
}
