import Foundation
import SwiftCSV
import Testing

@testable import GridIO

@Suite("NumericCSVReader: reading")
struct NumericCSVReaderTests {
    private func table(
        _ text: String, textColumns: Set<Int> = [0], textColumnNames: Set<String> = [], allowEmpty: Bool = false
    ) throws -> CSVTable {
        try NumericCSVReader.read(
            bytes: Array(text.utf8), file: "test.csv", textColumns: textColumns, textColumnNames: textColumnNames,
            allowEmpty: allowEmpty)
    }

    private func error(_ text: String, allowEmpty: Bool = false) -> CSVError? {
        do throws(CSVError) {
            _ = try NumericCSVReader.read(bytes: Array(text.utf8), file: "test.csv", allowEmpty: allowEmpty)
            return nil
        } catch {
            return error
        }
    }

    @Test("quoted header, CRLF, blank line, no trailing newline: values and lines")
    func fixtureFile() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/csv/crlf-quoted-header", withExtension: "csv"))
        let table = try NumericCSVReader.read(contentsOf: url)
        #expect(table.header == ["", "load, north", "load_south"])
        #expect(table.rowCount == 3)
        #expect(table.textColumn(at: 0) == ["0", "1", "2"])
        #expect(table.numericColumn("load, north") == [10.5, 11.25, 12])
        #expect(table.numericColumn("load_south") == [-3, 1000, 0.1])
        #expect((0..<3).map(table.line(ofRow:)) == [2, 3, 5])
        #expect(table.numericColumn(at: 0) == nil)
        #expect(table.textColumn("load_south") == nil)
        #expect(table.numericColumn("absent") == nil)
        #expect(table.file == url.path)
    }

    @Test("text columns by name; quoted text with commas, doubled quotes and line breaks")
    func textColumns() throws {
        let text = "name,bus,p\n\"gen \"\"a\"\", 1\",b1,5\n\"multi\nline\",b2,6\n"
        let table = try table(text, textColumnNames: ["bus"])
        #expect(table.textColumn("name") == ["gen \"a\", 1", "multi\nline"])
        #expect(table.textColumn("bus") == ["b1", "b2"])
        #expect(table.numericColumn("p") == [5, 6])
        #expect(table.line(ofRow: 1) == 3)
    }

    @Test("a UTF-8 byte-order mark is skipped; a header without rows gives empty columns")
    func byteOrderMarkAndNoRows() throws {
        let table = try table("\u{FEFF},a\n", textColumns: [0])
        #expect(table.header == ["", "a"])
        #expect(table.rowCount == 0)
        #expect(table.numericColumn("a") == [])
    }

    @Test("blanks around numbers, quoted numbers, special values, -0")
    func lenientNumbers() throws {
        let table = try table("i,x\n0, 1.5 \n1,\"2\"\n2,inf\n3,-0\n")
        let values = try #require(table.numericColumn("x"))
        #expect(values[0] == 1.5 && values[1] == 2 && values[2] == .infinity)
        #expect(values[3].bitPattern == (-0.0).bitPattern)
    }

    @Test("empty numeric cells are NaN only when allowed")
    func emptyCells() throws {
        let values = try #require(try table("i,x,y\n0,,1\n", allowEmpty: true).numericColumn("x"))
        #expect(values.count == 1 && values[0].isNaN)
        #expect(
            error("i,x,y\n0,,1\n")
                == CSVError(file: "test.csv", line: 2, column: 3, field: "x", expected: "a number", found: "an empty cell"))
    }

    @Test("a non-numeric cell names line, character column, field and content")
    func nonNumeric() {
        #expect(
            error("id,p_set\n0,1.0\n1,12x5\n")
                == CSVError(file: "test.csv", line: 3, column: 3, field: "p_set", expected: "a number", found: "\"12x5\""))
        // Columns count characters, not bytes: the Korean name is 3 characters but 9 bytes.
        #expect(error("name,p\n광주시,oops\n")?.column == 5)
    }

    @Test("too few and too many fields")
    func fieldCounts() {
        #expect(
            error("i,a,b\n0,1,2\n1,3\n")
                == CSVError(
                    file: "test.csv", line: 3, column: 4, field: "b", expected: "3 fields as in the header",
                    found: "2 fields"))
        #expect(
            error("i,a\n0,1,2,3\n")
                == CSVError(
                    file: "test.csv", line: 2, column: 5, field: nil, expected: "2 fields as in the header",
                    found: "4 fields"))
    }

    @Test("malformed quoting and line breaks")
    func malformed() {
        #expect(
            error("name,a\n\"open,1\n")
                == CSVError(
                    file: "test.csv", line: 2, column: 1, field: "name", expected: "a closing quote",
                    found: "the end of the file"))
        #expect(error("name,a\n\"x\"y,1\n")?.expected == "a comma or a line break after the closing quote")
        #expect(error("name,a\n0,1\r2\n")?.expected == "a line feed after the carriage return")
        #expect(
            error("")
                == CSVError(file: "test.csv", line: 0, column: 0, field: nil, expected: "a header line", found: "an empty file"))
        #expect(error("\n0,1\n")?.found == "an empty line")
    }

    @Test("a missing file is reported with line 0")
    func missingFile() {
        #expect(throws: CSVError.self) {
            try NumericCSVReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/re100/none.csv"))
        }
    }

    @Test("reading in chunks of any size gives the same table", arguments: [1, 2, 3, 7, 64, 4096])
    func chunkBoundaries(chunkSize: Int) throws {
        let text = generatedCSV(rows: 40, columns: 6, seed: UInt64(chunkSize)) + "\n\n"
        let quoted = "\u{FEFF}\"idx\",\"a\"\r\n\"x\ny\",1\r\n" + "z,\"2\"\r\n"
        for content in [text, quoted] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("re100-chunks-\(chunkSize).csv").path
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let whole = try NumericCSVReader.read(bytes: Array(content.utf8), file: path)
            let chunked = try NumericCSVReader.read(
                path: path, textColumns: [0], textColumnNames: [], allowEmpty: false, chunkSize: chunkSize)
            #expect(chunked.header == whole.header)
            #expect(chunked.rowCount == whole.rowCount)
            #expect((0..<whole.rowCount).map(chunked.line(ofRow:)) == (0..<whole.rowCount).map(whole.line(ofRow:)))
            #expect(chunked.textColumn(at: 0) == whole.textColumn(at: 0))
            for column in 1..<whole.header.count {
                #expect(bits(chunked.numericColumn(at: column)) == bits(whole.numericColumn(at: column)))
            }
        }
    }

    @Test("errors are found at the same place whatever the chunk size", arguments: [1, 5, 4096])
    func chunkedErrors(chunkSize: Int) throws {
        let content = "i,a,b\n0,1,2\n1,2,3,4\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("re100-error-\(chunkSize).csv").path
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CSVError(file: path, line: 3, column: 7, field: nil, expected: "3 fields as in the header", found: "4 fields")) {
            try NumericCSVReader.read(path: path, textColumns: [0], textColumnNames: [], allowEmpty: false, chunkSize: chunkSize)
        }
    }

    @Test("values are bit-identical to SwiftCSV's cells read by Double(String)")
    func agreesWithSwiftCSV() throws {
        let text = generatedCSV(rows: 300, columns: 12, seed: 7)
        let ours = try table(text)
        let reference = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        #expect(ours.header == reference.header)
        #expect(ours.rowCount == reference.rows.count)
        for (row, cells) in reference.rows.enumerated() {
            #expect(ours.textColumn(at: 0)?[row] == cells[0])
            for column in 1..<cells.count {
                let expected = try #require(Double(cells[column]))
                #expect(ours.numericColumn(at: column)?[row].bitPattern == expected.bitPattern, "row \(row) column \(column)")
            }
        }
    }

    private func bits(_ values: [Double]?) -> [UInt64]? {
        values?.map(\.bitPattern)
    }
}

/// A PyPSA-like time-series CSV: an unnamed integer index column and `columns` numeric columns.
func generatedCSV(rows: Int, columns: Int, seed: UInt64) -> String {
    var numbers = sampleNumberTexts(count: rows * columns, seed: seed).makeIterator()
    var text = "," + (0..<columns).map { "bus \($0)" }.joined(separator: ",") + "\n"
    for row in 0..<rows {
        text += "\(row)"
        for _ in 0..<columns { text += "," + (numbers.next() ?? "0") }
        text += "\n"
    }
    return text
}
