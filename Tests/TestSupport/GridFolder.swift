import Foundation

/// A grid folder written to a fresh temporary directory for one test, and the repository's bundled grids.
public struct GridFolder {
    /// The folder.
    public let url: URL

    /// Writes `files` (relative path -> contents) into a new temporary folder.
    public init(_ files: [String: String]) throws {
        url = Self.parent.appendingPathComponent(UUID().uuidString)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// The parent of every folder this test process writes, removed when the process exits (so folders that a
    /// test does not ``remove()`` itself do not pile up in the temporary directory).
    public static let parent: URL = {
        atexit { try? FileManager.default.removeItem(at: GridFolder.processFolder()) }
        return processFolder()
    }()

    private static func processFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("re100-grid-tests-\(getpid())")
    }

    /// Deletes the folder (tests call it in `defer`).
    public func remove() { try? FileManager.default.removeItem(at: url) }

    /// `grids/<name>` of this repository.
    public static func bundled(_ name: String) -> URL {
        TestFolders.bundledGrid(name)
    }

    /// Hourly CSV text from 2026-01-01T00:00 with `columns` (name -> values).
    public static func series(_ columns: KeyValuePairs<String, [Double]>, timestamps: [String]? = nil) -> String {
        let count = columns.first?.value.count ?? 0
        let stamps = timestamps ?? (0..<count).map { String(format: "2026-01-01T%02d:00", $0) }
        var lines = ["timestamp," + columns.map(\.key).joined(separator: ",")]
        for row in 0..<count {
            lines.append(stamps[row] + "," + columns.map { String($0.value[row]) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A valid 4-hour single-bus `grid.toml` whose body can be extended or edited by the test.
    public static let minimalGrid = """
        [network]
        currency = "KRW"

        [snapshots]
        time_zone = "Asia/Seoul"
        start = "2026-01-01T00:00"
        count = 4

        [carriers.solar]
        renewable = true

        [carriers.grid]

        [buses.site]
        v_nom = 22.9

        [generators.pv]
        bus = "site"
        carrier = "solar"
        p_nom = 5
        p_max_pu = "series.csv:pv"

        [loads.factory]
        bus = "site"
        p_set = "series.csv:load"

        [grid_connection]
        bus = "site"
        import_limit_mw = 20

        """

    /// The series of `minimalGrid` (`pv` capacity factors and `load` in MW).
    public static let minimalSeries = series(["pv": [0, 0.2, 0.6, 0.1], "load": [10, 11, 12, 10]])
}
