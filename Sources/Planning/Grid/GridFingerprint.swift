import Foundation
import GridIO

/// The SHA-256 fingerprint of a grid's input files, recorded in `summary.json` so a result can be traced to the
/// exact inputs. For a set of files it is the SHA-256 of the lines `<relative path> <sha256 of content>\n`
/// sorted by path (paths relative to the grid folder; files outside it, such as a shared tariff, by their
/// standardized path relative to it with `../`).
public enum GridFingerprint {
    /// The fingerprint of `files`, named relative to `base`.
    /// - Throws: `PlanningError.badInput` when a file cannot be read.
    public static func sha256(of files: [URL], relativeTo base: URL) throws(PlanningError) -> String {
        var lines: [String] = []
        for file in files { lines.append("\(relativePath(of: file, to: base)) \(try sha256(ofFile: file))\n") }
        return SHA256.hex(of: Array(lines.sorted().joined().utf8))
    }

    /// The SHA-256 of one file's content.
    /// - Throws: `PlanningError.badInput` when the file cannot be read.
    public static func sha256(ofFile url: URL) throws(PlanningError) -> String {
        do {
            return SHA256.hex(of: try RegularFileReader.bytes(url.path, maximumBytes: RegularFileReader.maximumCSVBytes))
        } catch {
            throw .badInput("\(url.path): cannot read (expected \(error.expected), found \(error.found))")
        }
    }

    /// `file` relative to the folder `base`, with `../` for files outside it.
    public static func relativePath(of file: URL, to base: URL) -> String {
        let fileParts = file.standardizedFileURL.pathComponents
        let baseParts = base.standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(fileParts.count, baseParts.count), fileParts[shared] == baseParts[shared] { shared += 1 }
        return (Array(repeating: "..", count: baseParts.count - shared) + fileParts[shared...]).joined(separator: "/")
    }

    /// Every regular, non-hidden file under `directory`: the files a folder grid's fingerprint covers.
    /// - Throws: `PlanningError.badInput` when the folder cannot be listed.
    public static func files(in directory: URL) throws(PlanningError) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw .badInput("\(directory.path): cannot list the folder")
        }
        var found: [URL] = []
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            found.append(file.standardizedFileURL)
        }
        return found
    }
}
