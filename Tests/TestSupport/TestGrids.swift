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
}
