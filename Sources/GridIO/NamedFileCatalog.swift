import Foundation

/// TOML files found by bare name in an ordered list of folders: the bundled solver presets (`fast` is
/// `<folder>/fast.toml`) and tariffs. The first folder that has the file wins. The folders are given by the
/// caller (the command line finds them); this type only looks inside them.
public struct NamedFileCatalog: Sendable, Equatable {
    /// The folders searched, in order; folders that do not exist are skipped.
    public var folders: [URL]

    /// A catalog searching `folders` in order.
    public init(folders: [URL]) {
        self.folders = folders
    }

    /// The file extension of catalog files, without the dot.
    public static let fileExtension = "toml"

    /// Whether `reference` is a bare name (`fast`, `kepco-industrial-b`) rather than a file path: it has no
    /// slash and does not end in `.toml`. A path, even a bare file name like `tariff.toml`, keeps its meaning.
    public static func isName(_ reference: String) -> Bool {
        !reference.isEmpty && !reference.contains("/") && !reference.hasSuffix("." + fileExtension)
    }

    /// The file of `name` (`<folder>/<name>.toml`) in the first folder that has it, nil when none has.
    public func file(named name: String) -> URL? {
        guard Self.isName(name) else { return nil }
        for folder in folders {
            let file = folder.appendingPathComponent(name + "." + Self.fileExtension)
            if FileManager.default.isReadableFile(atPath: file.path) { return file.standardizedFileURL }
        }
        return nil
    }

    /// Every name found in the folders, sorted, each once.
    public func names() -> [String] {
        var found: Set<String> = []
        for folder in folders {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for entry in entries where entry.hasSuffix("." + Self.fileExtension) && !entry.hasPrefix(".") {
                found.insert(String(entry.dropLast(Self.fileExtension.count + 1)))
            }
        }
        return found.sorted()
    }

    /// Says where a name was looked for and what exists, for the message of a name that was not found:
    /// `one of a, b (found in /x/solver-configs; also searched /y/solver-configs (missing))`.
    public func searchedDescription() -> String {
        let names = names()
        var isDirectory: ObjCBool = false
        let searched = folders.map { folder in
            FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? folder.path : folder.path + " (missing)"
        }
        let available = names.isEmpty ? "a name (none available)" : "one of " + names.joined(separator: ", ")
        let folderList = searched.isEmpty ? "no folder" : searched.joined(separator: ", ")
        return "\(available) (searched \(folderList))"
    }
}
