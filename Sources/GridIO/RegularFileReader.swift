import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way re100 opens an input file: regular files only, never larger than a documented limit.
///
/// A FIFO would block the reader forever and a device such as `/dev/zero` never ends, so the file is opened
/// without blocking (`O_NONBLOCK`) and checked with `fstat` on the open descriptor before a byte is read:
/// anything but a regular file is refused, and so is a file larger than the limit for its kind.
public enum RegularFileReader {
    /// The largest text file (TOML, MATPOWER, JSON) read, in bytes: 64 MiB.
    public static let maximumTextBytes = 64 << 20
    /// The largest CSV file read, in bytes: 2 GiB (ten years of hourly values in some thousand columns).
    public static let maximumCSVBytes = 2 << 30

    /// Why a file cannot be read.
    public struct Refusal: Error, Sendable, Equatable {
        /// The path as given.
        public let file: String
        /// What was expected ("a regular file", "at most 64 MiB").
        public let expected: String
        /// What was found ("a FIFO", "'No such file or directory'").
        public let found: String
    }

    /// Opens `path` for reading and checks it; the caller closes the returned descriptor.
    ///
    /// - Returns: the descriptor (blocking mode restored) and the file's size in bytes.
    public static func open(_ path: String, maximumBytes: Int) throws(Refusal) -> (descriptor: Int32, size: Int) {
        let descriptor = systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Refusal(file: path, expected: "a readable file", found: "'\(String(cString: strerror(errno)))'") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Refusal(file: path, expected: "a readable file", found: "'\(reason)'")
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            throw Refusal(file: path, expected: "a regular file", found: describe(kind))
        }
        let size = Int(status.st_size)
        guard size <= maximumBytes else {
            close(descriptor)
            throw Refusal(file: path, expected: "a file of at most \(formatBytes(maximumBytes))", found: "\(size) bytes")
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, size)
    }

    /// The bytes of the regular file at `path` (at most `maximumBytes`).
    public static func bytes(_ path: String, maximumBytes: Int = maximumTextBytes) throws(Refusal) -> [UInt8] {
        let (descriptor, size) = try open(path, maximumBytes: maximumBytes)
        defer { close(descriptor) }
        var result = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == result.count {
                // The file grew after fstat: read on, up to the limit.
                guard result.count < maximumBytes else {
                    throw Refusal(file: path, expected: "a file of at most \(formatBytes(maximumBytes))", found: "a growing file")
                }
                result.append(contentsOf: [UInt8](repeating: 0, count: min(max(result.count, 4096), maximumBytes - result.count)))
            }
            let count = result.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(file: path, expected: "a readable file", found: "'\(String(cString: strerror(errno)))'")
            }
            if count == 0 { break }
            filled += count
        }
        result.removeSubrange(filled...)
        return result
    }

    /// The UTF-8 text of the regular file at `path`; `nil` bytes are refused as "not UTF-8".
    public static func text(_ path: String, maximumBytes: Int = maximumTextBytes) throws(Refusal) -> String {
        let data = try bytes(path, maximumBytes: maximumBytes)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Refusal(file: path, expected: "UTF-8 text", found: "bytes that are not UTF-8")
        }
        return text
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    static func formatBytes(_ count: Int) -> String {
        count >= 1 << 30 ? "\(count >> 30) GiB" : "\(count >> 20) MiB"
    }

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags)
        #elseif canImport(Musl)
        return Musl.open(path, flags)
        #else
        return Darwin.open(path, flags)
        #endif
    }

    private static func systemRead(_ descriptor: Int32, _ target: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, target, count)
        #elseif canImport(Musl)
        return Musl.read(descriptor, target, count)
        #else
        return Darwin.read(descriptor, target, count)
        #endif
    }
}

extension GridIOError {
    /// A refused input file as a grid problem (no line: it concerns the whole file).
    public init(_ refusal: RegularFileReader.Refusal) {
        self.init(file: refusal.file, field: nil, message: "cannot read file", expected: refusal.expected, found: refusal.found)
    }
}

extension CSVError {
    /// A refused input file as a CSV problem (line 0: it concerns the whole file).
    public init(_ refusal: RegularFileReader.Refusal) {
        self.init(file: refusal.file, line: 0, column: 0, field: nil, expected: refusal.expected, found: refusal.found)
    }
}
