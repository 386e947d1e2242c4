import Foundation

/// Grid folders derived from the bundled grids for tests that need a particular outcome.
public enum TestGrids {
    /// single-bus with a 1 MW import limit and a load that may not be shed: infeasible from the first hour.
    public static func starved(in directory: URL) throws -> URL {
        let source = TestFolders.root.appendingPathComponent("grids/single-bus")
        let grid = directory.appendingPathComponent("starved")
        try FileManager.default.createDirectory(at: grid, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("series.csv"),
                                         to: grid.appendingPathComponent("series.csv"))
        let tariffs = TestFolders.root.appendingPathComponent("grids/tariffs").path
        let text = try String(contentsOf: source.appendingPathComponent("grid.toml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("value_of_lost_load") }
            .joined(separator: "\n")
            .replacingOccurrences(of: "import_limit_mw = 15.0", with: "import_limit_mw = 1.0")
            .replacingOccurrences(of: "../tariffs", with: tariffs)
        try text.write(to: grid.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        return grid
    }

    /// single-bus over `days` days from 2026-04-03 (a multiple of its two): its 48 hours repeated, so that daily
    /// runs can follow one another for more than a day.
    public static func singleBus(days: Int, in directory: URL) throws -> URL {
        let source = TestFolders.root.appendingPathComponent("grids/single-bus")
        let grid = directory.appendingPathComponent("single-bus-\(days)d")
        try FileManager.default.createDirectory(at: grid, withIntermediateDirectories: true)
        let rows = try String(contentsOf: source.appendingPathComponent("series.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        guard let header = rows.first, rows.count == 49 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "grids/single-bus/series.csv"])
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        var lines = [header]
        for repeat_ in 0..<(days / 2) {
            for row in rows.dropFirst() {
                let cells = row.split(separator: ",", maxSplits: 1).map(String.init)
                guard cells.count == 2, let time = formatter.date(from: cells[0]) else {
                    throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "grids/single-bus/series.csv"])
                }
                lines.append(formatter.string(from: time.addingTimeInterval(Double(repeat_ * 48 * 3600))) + "," + cells[1])
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: grid.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
        let tariffs = TestFolders.root.appendingPathComponent("grids/tariffs").path
        let text = try String(contentsOf: source.appendingPathComponent("grid.toml"), encoding: .utf8)
            .replacingOccurrences(of: "count = 48", with: "count = \(days / 2 * 48)")
            .replacingOccurrences(of: "../tariffs", with: tariffs)
        try text.write(to: grid.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        return grid
    }
}
