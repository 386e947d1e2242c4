#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The incremental byte-level parser behind `NumericCSVReader`.
///
/// It is fed consecutive buffers of the file; each call parses every complete record and returns how many
/// bytes it consumed, so the caller keeps the unconsumed tail (an incomplete record) for the next call. Numeric
/// cells go straight into per-column `Double` buffers (no `String` per cell); only text columns make strings.
final class NumericCSVParser {
    /// Where a record ended up.
    private enum Outcome {
        case complete
        case incomplete
    }

    /// A cell's content range and where scanning continues.
    private struct Field {
        /// First content byte (after an opening quote).
        var start: Int
        /// One past the last content byte (before a closing quote).
        var end: Int
        /// Index of the delimiter (`,`, line break or buffer end) after the cell.
        var next: Int
        /// Whether the content holds doubled quotes `""` standing for one quote.
        var hasEscapedQuotes: Bool
    }

    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")

    let file: String
    private let textColumns: Set<Int>
    private let textColumnNames: Set<String>
    private let allowEmpty: Bool
    /// Total bytes of the input when known, for estimating how many rows to reserve; 0 when unknown.
    private let expectedBytes: Int

    private(set) var header: [String]?
    private var isText: [Bool] = []
    /// For each column, its index into `numericStorage` or `textStorage`.
    private var slot: [Int] = []
    private var numericStorage: [UnsafeMutablePointer<Double>] = []
    private var textStorage: [[String]] = []
    private var capacity = 0
    private var lines: [Int] = []
    private var rowCount = 0
    /// The 1-based line of the next unparsed byte.
    private var line = 1
    /// Bytes consumed by earlier calls, so that progress can be estimated.
    private var consumedBefore = 0
    private var sawFirstBuffer = false
    private let powers: UnsafeMutablePointer<Double>

    init(file: String, textColumns: Set<Int>, textColumnNames: Set<String>, allowEmpty: Bool, expectedBytes: Int) {
        self.file = file
        self.textColumns = textColumns
        self.textColumnNames = textColumnNames
        self.allowEmpty = allowEmpty
        self.expectedBytes = expectedBytes
        let table = NumericCSVNumber.exactPowersOfTen
        powers = .allocate(capacity: table.count)
        powers.initialize(from: table, count: table.count)
    }

    deinit {
        for storage in numericStorage { storage.deallocate() }
        powers.deallocate()
    }

    /// Parses the complete records in `buffer` and returns the number of bytes consumed.
    ///
    /// - Parameters:
    ///   - buffer: the unconsumed bytes of the file from the current position.
    ///   - isFinal: true when `buffer` reaches the end of the file, so the last record needs no line break.
    func consume(_ buffer: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws(CSVError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        let end = buffer.count
        var position = 0
        if !sawFirstBuffer {
            if end < 3 && !isFinal { return 0 }
            sawFirstBuffer = true
            if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }  // UTF-8 BOM
        }
        var lineStart = position
        if header == nil {
            let headerStart = position  // after a byte-order mark, which must not be seen again
            var names: [String] = []
            switch try readHeader(base, from: &position, lineStart: &lineStart, end: end, isFinal: isFinal, into: &names) {
            case .incomplete:
                consumedBefore += headerStart
                return headerStart
            case .complete: configure(header: names)
            }
        }
        while position < end {
            let recordStart = position
            let recordLine = line
            let outcome = try readRecord(base, from: &position, lineStart: &lineStart, end: end, isFinal: isFinal)
            if outcome == .incomplete {
                line = recordLine
                consumedBefore += recordStart
                return recordStart
            }
        }
        consumedBefore += position
        return position
    }

    /// The table read so far; call after the final buffer was consumed.
    func finish() throws(CSVError) -> CSVTable {
        guard let header else {
            throw CSVError(file: file, line: 0, column: 0, field: nil, expected: "a header line", found: "an empty file")
        }
        var columns: [CSVTable.Column] = []
        columns.reserveCapacity(header.count)
        for column in header.indices {
            if isText[column] {
                columns.append(.text(textStorage[slot[column]]))
                textStorage[slot[column]] = []
            } else {
                // Copy into an array and free the buffer at once, so at most one column exists twice.
                let storage = numericStorage[slot[column]]
                let values = [Double](unsafeUninitializedCapacity: rowCount) { target, initialized in
                    if let address = target.baseAddress { address.initialize(from: storage, count: rowCount) }
                    initialized = rowCount
                }
                storage.deallocate()
                numericStorage[slot[column]] = .allocate(capacity: 0)
                columns.append(.numeric(values))
            }
        }
        return CSVTable(file: file, header: header, columns: columns, lines: lines)
    }

    // MARK: - Header

    private func configure(header names: [String]) {
        header = names
        isText = names.indices.map { textColumns.contains($0) || textColumnNames.contains(names[$0]) }
        slot = []
        for column in names.indices {
            if isText[column] {
                slot.append(textStorage.count)
                textStorage.append([])
            } else {
                slot.append(numericStorage.count)
                numericStorage.append(.allocate(capacity: 0))
            }
        }
    }

    private func readHeader(
        _ base: UnsafePointer<UInt8>, from position: inout Int, lineStart: inout Int, end: Int, isFinal: Bool,
        into names: inout [String]
    ) throws(CSVError) -> Outcome {
        let startLine = line
        let startLineStart = lineStart
        var index = position
        if index == end || base[index] == Self.lineFeed || base[index] == Self.carriageReturn {
            if index == end && !isFinal { return .incomplete }
            throw CSVError(
                file: file, line: line, column: 1, field: nil, expected: "a header line",
                found: index == end ? "an empty file" : "an empty line")
        }
        while true {
            guard let field = try readField(base, from: index, lineStart: &lineStart, end: end, isFinal: isFinal)
            else {
                line = startLine
                lineStart = startLineStart
                return .incomplete
            }
            names.append(string(base, field))
            index = field.next
            if index < end, base[index] == Self.comma {
                index += 1
                continue
            }
            switch try endOfLine(base, at: &index, lineStart: &lineStart, end: end, isFinal: isFinal) {
            case .incomplete:
                line = startLine
                lineStart = startLineStart
                return .incomplete
            case .complete:
                position = index
                return .complete
            }
        }
    }

    // MARK: - Records

    private func readRecord(
        _ base: UnsafePointer<UInt8>, from position: inout Int, lineStart: inout Int, end: Int, isFinal: Bool
    ) throws(CSVError) -> Outcome {
        var index = position
        // Blank lines are skipped (but counted).
        if base[index] == Self.lineFeed || base[index] == Self.carriageReturn {
            let outcome = try endOfLine(base, at: &index, lineStart: &lineStart, end: end, isFinal: isFinal)
            if outcome == .complete { position = index }
            return outcome
        }
        if rowCount == capacity { grow(progress: position) }
        let row = rowCount
        let firstLine = line
        let columnCount = isText.count
        var column = 0
        while true {
            let cellStart = index
            if isText[column] {
                guard
                    let field = try readField(
                        base, from: index, lineStart: &lineStart, end: end, isFinal: isFinal, name: header?[column])
                else { return rollback() }
                textStorage[slot[column]].append(string(base, field))
                index = field.next
            } else {
                let scan = NumericCSVNumber.scan(base, from: index, to: end, powers: powers)
                let next = scan.end
                let atDelimiter =
                    next < end
                    ? (base[next] == Self.comma || base[next] == Self.lineFeed || base[next] == Self.carriageReturn)
                    : isFinal
                if atDelimiter && scan.status == .exact {
                    numericStorage[slot[column]][row] = scan.value
                    index = next
                } else if atDelimiter && scan.status == .needsLibraryParse {
                    numericStorage[slot[column]][row] = NumericCSVNumber.libraryParse(
                        base + index, count: next - index)
                    index = next
                } else {
                    guard
                        let field = try readField(
                            base, from: index, lineStart: &lineStart, end: end, isFinal: isFinal, name: header?[column])
                    else { return rollback() }
                    numericStorage[slot[column]][row] = try number(
                        base, field, column: column, cellStart: cellStart, lineStart: lineStart)
                    index = field.next
                }
            }
            if index < end, base[index] == Self.comma {
                if column == columnCount - 1 {
                    try tooManyFields(base, at: index + 1, lineStart: lineStart, end: end, isFinal: isFinal)
                    return rollback()  // the line is incomplete in this buffer; the error comes with more bytes
                }
                index += 1
                column += 1
                continue
            }
            if index == end && !isFinal { return rollback() }
            if column != columnCount - 1 {
                throw CSVError(
                    file: file, line: line, column: characterColumn(base, lineStart: lineStart, at: index),
                    field: header?[column + 1], expected: "\(columnCount) fields as in the header",
                    found: "\(column + 1) field\(column == 0 ? "" : "s")")
            }
            switch try endOfLine(base, at: &index, lineStart: &lineStart, end: end, isFinal: isFinal) {
            case .incomplete:
                return rollback()
            case .complete:
                lines.append(firstLine)
                rowCount += 1
                position = index
                return .complete
            }
        }
    }

    /// Undoes the text cells appended for an incomplete row; numeric cells are simply overwritten later.
    private func rollback() -> Outcome {
        for index in textStorage.indices where textStorage[index].count > rowCount {
            textStorage[index].removeLast(textStorage[index].count - rowCount)
        }
        return .incomplete
    }

    /// Consumes a line break (`\n` or `\r\n`) or the end of the final buffer at `index`.
    private func endOfLine(
        _ base: UnsafePointer<UInt8>, at index: inout Int, lineStart: inout Int, end: Int, isFinal: Bool
    ) throws(CSVError) -> Outcome {
        if index == end { return isFinal ? .complete : .incomplete }
        if base[index] == Self.carriageReturn {
            if index + 1 == end { return isFinal ? finishLine(at: &index, width: 1, lineStart: &lineStart) : .incomplete }
            guard base[index + 1] == Self.lineFeed else {
                throw CSVError(
                    file: file, line: line, column: characterColumn(base, lineStart: lineStart, at: index),
                    field: nil, expected: "a line feed after the carriage return", found: describe(base[index + 1]))
            }
            return finishLine(at: &index, width: 2, lineStart: &lineStart)
        }
        if base[index] == Self.lineFeed { return finishLine(at: &index, width: 1, lineStart: &lineStart) }
        throw CSVError(
            file: file, line: line, column: characterColumn(base, lineStart: lineStart, at: index), field: nil,
            expected: "a comma or a line break", found: describe(base[index]))
    }

    private func finishLine(at index: inout Int, width: Int, lineStart: inout Int) -> Outcome {
        index += width
        line += 1
        lineStart = index
        return .complete
    }

    // MARK: - Cells

    /// Reads one cell (quoted or not) starting at `start`; nil when the buffer ends inside it and more may come.
    ///
    /// - Parameter name: the header name of the column, for the error of an unterminated quote.
    private func readField(
        _ base: UnsafePointer<UInt8>, from start: Int, lineStart: inout Int, end: Int, isFinal: Bool,
        name: String? = nil
    ) throws(CSVError) -> Field? {
        var index = start
        if index < end, base[index] == Self.quote {
            let openLine = line
            let openColumn = characterColumn(base, lineStart: lineStart, at: start)
            index += 1
            var escaped = false
            while true {
                if index == end {
                    if !isFinal { return nil }
                    throw CSVError(
                        file: file, line: openLine, column: openColumn, field: name,
                        expected: "a closing quote", found: "the end of the file")
                }
                let byte = base[index]
                if byte == Self.quote {
                    if index + 1 < end, base[index + 1] == Self.quote {
                        escaped = true
                        index += 2
                        continue
                    }
                    if index + 1 == end && !isFinal { return nil }
                    break
                }
                if byte == Self.lineFeed {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            let next = index + 1
            if next < end, base[next] != Self.comma, base[next] != Self.lineFeed, base[next] != Self.carriageReturn {
                throw CSVError(
                    file: file, line: line, column: characterColumn(base, lineStart: lineStart, at: next), field: nil,
                    expected: "a comma or a line break after the closing quote", found: describe(base[next]))
            }
            return Field(start: start + 1, end: index, next: next, hasEscapedQuotes: escaped)
        }
        while index < end, base[index] != Self.comma, base[index] != Self.lineFeed, base[index] != Self.carriageReturn {
            index += 1
        }
        if index == end && !isFinal { return nil }
        return Field(start: start, end: index, next: index, hasEscapedQuotes: false)
    }

    /// A text cell's content as a `String`, doubled quotes undone.
    private func string(_ base: UnsafePointer<UInt8>, _ field: Field) -> String {
        let content = UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
        guard field.hasEscapedQuotes else { return String(decoding: content, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(content.count)
        var previousWasQuote = false
        for byte in content {
            if byte == Self.quote && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == Self.quote
            unescaped.append(byte)
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// A numeric cell that missed the fast path: quoted, padded with blanks, empty, special or malformed.
    private func number(
        _ base: UnsafePointer<UInt8>, _ field: Field, column: Int, cellStart: Int, lineStart: Int
    ) throws(CSVError) -> Double {
        var start = field.start
        var end = field.end
        while start < end, base[start] == UInt8(ascii: " ") || base[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, base[end - 1] == UInt8(ascii: " ") || base[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        if start == end {
            if allowEmpty { return .nan }
        } else if !field.hasEscapedQuotes,
            let value = NumericCSVNumber.parse(UnsafeBufferPointer(start: base + start, count: end - start))
        {
            return value
        }
        let shown = string(base, field)
        let found: String
        if start == end {
            found = shown.isEmpty ? "an empty cell" : "a blank cell"
        } else {
            found = "\"\(shown.count > 40 ? String(shown.prefix(40)) + "..." : shown)\""
        }
        throw CSVError(
            file: file, line: line, column: characterColumn(base, lineStart: lineStart, at: cellStart),
            field: header?[column], expected: "a number", found: found)
    }

    /// Throws the error for a row with more cells than the header, once the whole line is in the buffer.
    private func tooManyFields(
        _ base: UnsafePointer<UInt8>, at start: Int, lineStart: Int, end: Int, isFinal: Bool
    ) throws(CSVError) {
        let errorLine = line
        var scratchLineStart = lineStart
        var index = start
        var count = isText.count + 1
        while true {
            guard let field = try readField(base, from: index, lineStart: &scratchLineStart, end: end, isFinal: isFinal)
            else {
                line = errorLine
                return
            }
            index = field.next
            if index < end, base[index] == Self.comma {
                index += 1
                count += 1
                continue
            }
            break
        }
        line = errorLine
        throw CSVError(
            file: file, line: errorLine, column: characterColumn(base, lineStart: lineStart, at: start), field: nil,
            expected: "\(isText.count) fields as in the header", found: "\(count) fields")
    }

    // MARK: - Helpers

    /// The 1-based character column of byte `index` in the line starting at byte `lineStart`.
    private func characterColumn(_ base: UnsafePointer<UInt8>, lineStart: Int, at index: Int) -> Int {
        var column = 1
        var cursor = lineStart
        while cursor < index {
            if base[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return column
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// Enlarges every numeric column, aiming at the row count the bytes read so far predict.
    private func grow(progress position: Int) {
        let consumed = consumedBefore + position
        var target = capacity + capacity / 4 + 64
        if expectedBytes > 0 && consumed > 0 && rowCount > 0 {
            let predicted = Double(rowCount) * Double(expectedBytes) / Double(consumed)
            target = max(target, Int(predicted * 1.02) + 16)
        }
        for index in numericStorage.indices {
            let enlarged = UnsafeMutablePointer<Double>.allocate(capacity: target)
            enlarged.moveInitialize(from: numericStorage[index], count: rowCount)
            numericStorage[index].deallocate()
            numericStorage[index] = enlarged
        }
        for index in textStorage.indices { textStorage[index].reserveCapacity(target) }
        capacity = target
    }
}
