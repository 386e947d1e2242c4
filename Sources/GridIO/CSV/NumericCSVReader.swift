import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads comma-separated files of numbers fast and with exact diagnostics.
///
/// The first line is the header (names may be quoted, an empty name is allowed). Every other non-blank line is
/// a row with exactly as many cells as the header. Cells of the text columns are kept as strings (quoted cells
/// unquoted, `""` read as `"`); every other cell must be a number (see `NumericCSVNumber` for the syntax;
/// blanks around it are ignored). Line breaks are `\n` or `\r\n`; the last line needs none; blank lines are
/// skipped but counted; a UTF-8 byte-order mark is skipped. Values are bit-identical to `Double(String)`.
///
/// Files are read in 4 MiB chunks, so memory is the parsed columns plus one chunk, not the whole file. Only
/// regular files of at most `RegularFileReader.maximumCSVBytes` are read (a FIFO or a device is refused, see `RegularFileReader`).
public enum NumericCSVReader {
    /// The size of the chunks a file is read in, in bytes.
    static let chunkSize = 4 << 20

    /// Reads the CSV file at `url`.
    ///
    /// - Parameters:
    ///   - url: a file URL.
    ///   - textColumns: 0-based indices of columns kept as text (default: the first, PyPSA's index column).
    ///   - textColumnNames: header names of further columns kept as text.
    ///   - allowEmpty: whether an empty numeric cell reads as NaN instead of being an error.
    /// - Throws: `CSVError` naming the file, 1-based line and character column, the column's header name, what
    ///   was expected and what was found; line 0 when the file cannot be read or is empty.
    public static func read(
        contentsOf url: URL, textColumns: Set<Int> = [0], textColumnNames: Set<String> = [], allowEmpty: Bool = false
    ) throws(CSVError) -> CSVTable {
        try read(
            path: url.path, textColumns: textColumns, textColumnNames: textColumnNames, allowEmpty: allowEmpty,
            chunkSize: chunkSize)
    }

    /// Reads the file at `path` in chunks of `chunkSize` bytes (small sizes let tests cut records anywhere).
    static func read(
        path: String, textColumns: Set<Int>, textColumnNames: Set<String>, allowEmpty: Bool, chunkSize: Int
    ) throws(CSVError) -> CSVTable {
        let descriptor: Int32
        let size: Int
        do {
            (descriptor, size) = try RegularFileReader.open(path, maximumBytes: RegularFileReader.maximumCSVBytes)
        } catch {
            throw CSVError(error)
        }
        defer { close(descriptor) }
        let parser = NumericCSVParser(
            file: path, textColumns: textColumns, textColumnNames: textColumnNames, allowEmpty: allowEmpty,
            expectedBytes: size)
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 1), alignment: 16)
        defer { buffer.deallocate() }
        var pending = 0  // unconsumed bytes at the start of `buffer`
        var reachedEnd = false
        while !reachedEnd {
            if pending == buffer.count {  // one record longer than the buffer: enlarge it
                let enlarged = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                enlarged.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = enlarged
            }
            let count = readBytes(descriptor, buffer.baseAddress! + pending, buffer.count - pending)  // non-empty buffer
            if count < 0 {
                if errno == EINTR { continue }
                throw systemError(file: path, expected: "a readable file")
            }
            reachedEnd = count == 0
            let available = pending + count
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: available)
            let consumed = try parser.consume(bytes, isFinal: reachedEnd)
            pending = available - consumed
            if pending > 0 && consumed > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + consumed, byteCount: pending)
            }
        }
        return try parser.finish()
    }

    /// Reads CSV content already in memory.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes (UTF-8).
    ///   - file: the name to report in errors and in `CSVTable.file`.
    ///   - textColumns: 0-based indices of columns kept as text (default: the first).
    ///   - textColumnNames: header names of further columns kept as text.
    ///   - allowEmpty: whether an empty numeric cell reads as NaN instead of being an error.
    /// - Throws: `CSVError` as for `read(contentsOf:)`.
    public static func read(
        bytes: [UInt8], file: String, textColumns: Set<Int> = [0], textColumnNames: Set<String> = [],
        allowEmpty: Bool = false
    ) throws(CSVError) -> CSVTable {
        let parser = NumericCSVParser(
            file: file, textColumns: textColumns, textColumnNames: textColumnNames, allowEmpty: allowEmpty,
            expectedBytes: bytes.count)
        let result: Result<Void, CSVError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(CSVError) {
                _ = try parser.consume(buffer, isFinal: true)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return try parser.finish()
    }

    /// `read(2)`, named apart from this type's `read` functions.
    private static func readBytes(_ descriptor: Int32, _ target: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, target, count)
        #elseif canImport(Musl)
        return Musl.read(descriptor, target, count)
        #else
        return Darwin.read(descriptor, target, count)
        #endif
    }

    private static func systemError(file: String, expected: String) -> CSVError {
        let reason = String(cString: strerror(errno))
        return CSVError(file: file, line: 0, column: 0, field: nil, expected: expected, found: "'\(reason)'")
    }
}
