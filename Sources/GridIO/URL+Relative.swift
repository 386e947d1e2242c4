import Foundation

extension URL {
    /// `path` as written in a grid file: absolute as is, otherwise relative to this folder.
    public func resolving(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : appendingPathComponent(path)).standardizedFileURL
    }
}
