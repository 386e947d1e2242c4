/// The assignments of a MATPOWER case file (`mpc.baseMVA = 100;`, `mpc.bus = [ ... ];`, `mpc.genfuel = {...};`)
/// with the line and column of every value, so that later checks can point at the cell.
struct MATPOWERParser {
    /// One number of a matrix and where it was written.
    struct Cell {
        /// The value.
        var value: Double
        /// 1-based line.
        var line: Int
        /// 1-based character column.
        var column: Int
    }

    /// A matrix assignment: rows of cells, and the line of `mpc.<name>`.
    struct Matrix {
        var rows: [[Cell]] = []
        var line: Int
    }

    /// Numeric matrices and scalars by field name (`bus`, `baseMVA`).
    private(set) var matrices: [String: Matrix] = [:]
    /// Text values by field name (`version`) and cell arrays of text (`genfuel`).
    private(set) var texts: [String: [String]] = [:]
    /// Problems found (unparsable values, unterminated matrices), at most `maximumErrors`.
    private(set) var errors: [GridIOError] = []
    /// The number of problems kept: a file of garbage gives a readable list, not millions of lines.
    static let maximumErrors = 100

    private let file: String

    /// Parses `text`; `file` names the file in diagnostics.
    init(text: String, file: String) {
        self.file = file
        let lines = Self.removingBlockComments(
            text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) })
        var index = 0
        while index < lines.count {
            let line = Self.stripComment(lines[index])
            let content = String(String.UnicodeScalarView(line)).trimmingCharacters(in: .whitespacesAndNewlines)
            guard content.hasPrefix("mpc."), let equals = line.firstIndex(of: "=") else {
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(line[..<equals]))
                .trimmingCharacters(in: .whitespaces).dropFirst(4).trimmingCharacters(in: .whitespaces)
            let rest = Array(line[(equals + 1)...])
            let opener = rest.first { !$0.properties.isWhitespace }
            switch opener {
            case "[":
                index = readMatrix(name: name, lines: lines, start: index, from: equals + 1)
            case "{":
                index = readCells(name: name, lines: lines, start: index, from: equals + 1)
            case "'", "\"":
                texts[name] = [Self.quoted(rest)]
                index += 1
            default:
                readScalar(name: name, scalars: rest, line: index + 1, offset: equals + 1)
                index += 1
            }
        }
    }

    /// The lines with MATLAB block comments blanked: from a line that is only `%{` to a line that is only `%}`
    /// (blanks around them allowed), nested; lines are kept so that line numbers stay those of the file.
    private static func removingBlockComments(_ lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        var depth = 0
        return lines.map { line in
            let content = String(String.UnicodeScalarView(line)).trimmingCharacters(in: .whitespacesAndNewlines)
            if content == "%{" {
                depth += 1
                return []
            }
            if content == "%}" && depth > 0 {
                depth -= 1
                return []
            }
            return depth > 0 ? [] : line
        }
    }

    /// The line without its `%` comment (a `%` inside quotes is kept).
    private static func stripComment(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var inQuote = false
        for (index, scalar) in line.enumerated() {
            if scalar == "'" { inQuote.toggle() }
            if scalar == "%" && !inQuote { return Array(line[..<index]) }
        }
        return line.last == "\r" ? Array(line.dropLast()) : line
    }

    /// The first quoted text in `scalars`.
    private static func quoted(_ scalars: [Unicode.Scalar]) -> String {
        let text = String(String.UnicodeScalarView(scalars))
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "'" || $0 == "\"" })
        return parts.count >= 2 ? String(parts[1]) : ""
    }

    private mutating func readScalar(name: String, scalars: [Unicode.Scalar], line: Int, offset: Int) {
        var cells: [Cell] = []
        var rows: [[Cell]] = []
        tokens(scalars, line: line, offset: offset, row: &cells, rows: &rows)
        if !cells.isEmpty { rows.append(cells) }
        matrices[name] = Matrix(rows: rows, line: line)
    }

    /// Reads `[ ... ]` from line `start` (0-based), column `from`; rows end at `;` or a line break.
    private mutating func readMatrix(name: String, lines: [[Unicode.Scalar]], start: Int, from: Int) -> Int {
        var matrix = Matrix(line: start + 1)
        var row: [Cell] = []
        var index = start
        var column = from
        while index < lines.count {
            let line = Self.stripComment(lines[index])
            var segment = Array(line[min(column, line.count)...])
            let segmentOffset = min(column, line.count)
            var closed = false
            if index == start, let open = segment.firstIndex(of: "[") {
                segment.replaceSubrange(0...open, with: repeatElement(" ", count: open + 1))
            }
            if let close = segment.firstIndex(of: "]") {
                segment = Array(segment[..<close])
                closed = true
            }
            tokens(segment, line: index + 1, offset: segmentOffset, row: &row, rows: &matrix.rows)
            if !row.isEmpty {  // a line break ends a row too
                matrix.rows.append(row)
                row = []
            }
            index += 1
            column = 0
            if closed {
                matrices[name] = matrix
                return index
            }
        }
        unterminated(name, "matrix", closing: "]", line: start + 1, column: from + 1)
        return index
    }

    /// Reads a cell array of quoted texts `{ 'coal'; 'ng' }`.
    private mutating func readCells(name: String, lines: [[Unicode.Scalar]], start: Int, from: Int) -> Int {
        var values: [String] = []
        var index = start
        var column = from
        while index < lines.count {
            let line = Self.stripComment(lines[index])
            let segment = String(String.UnicodeScalarView(line[min(column, line.count)...]))
            let parts = segment.split(separator: "'", omittingEmptySubsequences: false)
            for (position, part) in parts.enumerated() where position % 2 == 1 { values.append(String(part)) }
            index += 1
            column = 0
            if segment.contains("}") {
                texts[name] = values
                return index
            }
        }
        unterminated(name, "cell array", closing: "}", line: start + 1, column: from + 1)
        return index
    }

    /// Records a matrix or cell array that the file ends inside of.
    private mutating func unterminated(_ name: String, _ what: String, closing: String, line: Int, column: Int) {
        errors.append(
            GridIOError(
                file: file, line: line, column: column, field: "mpc.\(name)", message: "unterminated \(what)",
                expected: "a closing '\(closing)'", found: "the end of the file"))
    }

    /// Splits `scalars` at blanks, commas and `;` (which moves the current row to `rows`) into numbers.
    private mutating func tokens(
        _ scalars: [Unicode.Scalar], line: Int, offset: Int, row: inout [Cell], rows: inout [[Cell]]
    ) {
        var start: Int?
        func flush(_ end: Int) {
            guard let begin = start else { return }
            start = nil
            let text = String(String.UnicodeScalarView(scalars[begin..<end]))
            let bytes = Array(text.utf8)
            if let value = bytes.withUnsafeBufferPointer({ NumericCSVNumber.parse($0) }) {
                row.append(Cell(value: value, line: line, column: offset + begin + 1))
            } else if text == "Inf" || text == "-Inf" {
                row.append(Cell(value: text.hasPrefix("-") ? -.infinity : .infinity, line: line, column: offset + begin + 1))
            } else if errors.count < Self.maximumErrors {
                errors.append(
                    GridIOError(
                        file: file, line: line, column: offset + begin + 1, field: nil, message: "not a number",
                        expected: "a number", found: "'\(text)'"))
            }
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace || scalar == "," || scalar == ";" {
                flush(index)
                if scalar == ";", !row.isEmpty {
                    rows.append(row)
                    row = []
                }
            } else if start == nil {
                start = index
            }
        }
        flush(scalars.count)
    }
}
