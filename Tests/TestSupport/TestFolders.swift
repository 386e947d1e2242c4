import Foundation

/// The repository's folders and scratch folders for tests: the checkout, its bundled grids, and fresh temporary
/// folders under one parent per test process that is removed when the process exits.
public enum TestFolders {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `grids/<name>` of the repository.
    public static func bundledGrid(_ name: String) -> URL {
        root.appendingPathComponent("grids").appendingPathComponent(name)
    }

    /// A new, empty folder under `processFolder`.
    public static func temporaryDirectory() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The parent of the folders `temporaryDirectory` makes, removed when the process exits.
    public static let processFolder: URL = {
        atexit { try? FileManager.default.removeItem(at: TestFolders.folder()) }
        return folder()
    }()

    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("re100-tests-\(getpid())")
    }
}
