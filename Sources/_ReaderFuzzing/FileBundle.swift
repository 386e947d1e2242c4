import Foundation

/// Several input files packed into one fuzzer input, so one byte string can describe a grid folder.
///
/// The bytes up to the first line `@@ name` are the target's main file; every `@@ name` line starts the next file.
/// Names are reduced to `[A-Za-z0-9._-]` (at most 64 characters, no leading dot) so a mutated name can never
/// leave the folder; at most `maximumFiles` files are kept.
public struct FileBundle: Equatable {
    /// File name and content, in input order.
    public var files: [(name: String, bytes: [UInt8])]

    /// The most files one input may describe.
    public static let maximumFiles = 24

    public static func == (lhs: FileBundle, rhs: FileBundle) -> Bool {
        lhs.files.map(\.name) == rhs.files.map(\.name) && lhs.files.map(\.bytes) == rhs.files.map(\.bytes)
    }

    /// Splits `bytes`; the first file is called `mainName`.
    public init(_ bytes: UnsafeRawBufferPointer, mainName: String) {
        var files: [(name: String, bytes: [UInt8])] = []
        var name = mainName
        var start = 0
        var lineStart = 0
        var index = 0
        let marker: [UInt8] = Array("@@ ".utf8)
        while index <= bytes.count {
            let atEnd = index == bytes.count
            if atEnd || bytes[index] == UInt8(ascii: "\n") {
                let lineEnd = index
                if lineEnd - lineStart > marker.count, (0..<marker.count).allSatisfy({ bytes[lineStart + $0] == marker[$0] }) {
                    files.append((name, Array(bytes[start..<max(start, lineStart)])))
                    name = Self.sanitized(Array(bytes[(lineStart + marker.count)..<lineEnd]))
                    start = min(lineEnd + 1, bytes.count)
                }
                lineStart = index + 1
            }
            index += 1
        }
        files.append((name, Array(bytes[min(start, bytes.count)..<bytes.count])))
        var seen = Set<String>()
        self.files = Array(files.filter { !$0.name.isEmpty && seen.insert($0.name).inserted }.prefix(Self.maximumFiles))
    }

    /// Packs files back into one input (for seed corpora): the inverse of `init`.
    public static func pack(_ files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var result: [UInt8] = []
        for (offset, file) in files.enumerated() {
            if offset > 0 {
                if result.last != UInt8(ascii: "\n") { result.append(UInt8(ascii: "\n")) }
                result += Array("@@ \(file.name)\n".utf8)
            }
            result += file.bytes
        }
        return result
    }

    /// Writes the files into `directory` (emptied first).
    public func write(into directory: URL) {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory.path) {
            for entry in entries { try? manager.removeItem(at: directory.appendingPathComponent(entry)) }
        }
        try? manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            _ = manager.createFile(atPath: directory.appendingPathComponent(file.name).path, contents: Data(file.bytes))
        }
    }

    private static func sanitized(_ raw: [UInt8]) -> String {
        var name = String(decoding: raw.filter { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }, as: UTF8.self)
        while name.hasPrefix(".") { name.removeFirst() }
        return String(name.prefix(64))
    }
}
