import Foundation
import Reporting

/// The SHA-256 fingerprint of a grid's input files, recorded in `summary.json` so a result can be traced to the
/// exact inputs. For a set of files it is the SHA-256 of the lines `<relative path> <sha256 of content>\n`
/// sorted by path (paths relative to the grid folder; files outside it, such as a shared tariff, by their
/// standardized path relative to it with `../`).
enum GridFingerprint {
    /// The fingerprint of `files`, named relative to `base`.
    static func sha256(of files: [URL], relativeTo base: URL) throws -> String {
        let lines = try files.map { file in
            "\(relativePath(of: file, to: base)) \(try sha256(ofFile: file))\n"
        }.sorted()
        return SHA256.hex(of: Array(lines.joined().utf8))
    }

    /// The SHA-256 of one file's content.
    static func sha256(ofFile url: URL) throws -> String {
        do {
            return SHA256.hex(of: try Data(contentsOf: url))
        } catch {
            throw ExitStatus.InputError(message: "\(url.path): cannot read (\(error.localizedDescription))")
        }
    }

    /// `file` relative to the folder `base`, with `../` for files outside it.
    static func relativePath(of file: URL, to base: URL) -> String {
        let fileParts = file.standardizedFileURL.pathComponents
        let baseParts = base.standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(fileParts.count, baseParts.count), fileParts[shared] == baseParts[shared] { shared += 1 }
        return (Array(repeating: "..", count: baseParts.count - shared) + fileParts[shared...]).joined(separator: "/")
    }
}
