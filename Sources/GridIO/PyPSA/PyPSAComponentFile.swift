import Foundation
import GridModel

/// One component list of a PyPSA folder: its static file (`generators.csv`) and its time-varying files
/// (`generators-p_max_pu.csv`), read with located diagnostics.
///
/// Static cells are read as text and converted per attribute; an empty cell means PyPSA's default. Series files
/// are indexed by snapshot position (first column 0..T-1) with one column per component name.
struct PyPSAComponentFile {
    /// The list name (`generators`).
    let list: String
    /// The static file path.
    let path: String
    /// The static table (every column text); nil when the folder has no such file.
    let table: CSVTable?
    /// The component names in file order.
    let names: [String]
    /// Series per attribute (`p_max_pu`) and component name; only modelled attributes are kept.
    private(set) var series: [String: [String: [Double]]] = [:]
    /// The series file path per attribute, for messages.
    private(set) var seriesPaths: [String: String] = [:]
    /// Rows whose `active` is false (PyPSA leaves them out of the optimisation).
    let inactive: Set<Int>

    /// Reads `<list>.csv` in `directory` (absent: no components) and checks every column against the attribute
    /// table: unknown columns become warnings, unmodelled non-default values errors.
    init(list: String, directory: URL, attributes: [String: PyPSAAttribute], diagnostics: inout GridDiagnostics) {
        self.list = list
        path = directory.appendingPathComponent(list + ".csv").path
        guard FileManager.default.fileExists(atPath: path) else {
            table = nil
            names = []
            inactive = []
            return
        }
        let read: CSVTable
        do {
            read = try NumericCSVReader.read(contentsOf: URL(fileURLWithPath: path), textColumns: Set(0..<4096))
        } catch {
            diagnostics.append(GridIOError(error))
            table = nil
            names = []
            inactive = []
            return
        }
        table = read
        names = read.textColumn(at: 0) ?? []
        var inactive: Set<Int> = []
        for (column, attribute) in read.header.enumerated() where column > 0 {
            switch attributes[attribute] {
            case nil:
                diagnostics.append(
                    GridIOError(
                        .warning, file: path, line: 1, field: attribute, message: "column not read",
                        expected: "an attribute of PyPSA 1.4 \(list)", found: "'\(attribute)' (not used by re100)"))
            case .mustBeDefault(let defaultText):
                let cells = read.textColumn(at: column) ?? []
                for (row, cell) in cells.enumerated() where !Self.isDefault(cell, defaultText) {
                    diagnostics.append(
                        GridIOError(
                            file: path, line: read.line(ofRow: row), field: "\(list).\(names[row]).\(attribute)",
                            message: "attribute not supported by re100",
                            expected: "'\(attribute)' empty or \(defaultText) (PyPSA's default)", found: "'\(cell)'"))
                }
            case .modelled where attribute == "active":
                for (row, cell) in (read.textColumn(at: column) ?? []).enumerated()
                where Self.isDefault(cell, "False") && !cell.isEmpty {
                    inactive.insert(row)
                }
            case .modelled, .ignored:
                break
            }
        }
        self.inactive = inactive
    }

    /// Whether `cell` is empty or means the same as PyPSA's default `defaultText` (numbers and booleans compared
    /// by value, so `0.0` equals `0` and `nan` equals an empty cell).
    static func isDefault(_ cell: String, _ defaultText: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == defaultText { return true }
        if let flag = boolean(trimmed), let defaultFlag = boolean(defaultText) { return flag == defaultFlag }
        guard let value = Double(trimmed), let defaultValue = Double(defaultText) else { return false }
        return value == defaultValue || (value.isNaN && defaultValue.isNaN)
    }

    /// `True`/`False` (any case) or `1`/`0`.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "1.0": true
        case "false", "0", "0.0": false
        default: nil
        }
    }

    /// Text of `attribute` in `row`, nil when the column is absent or the cell empty.
    func text(_ attribute: String, _ row: Int) -> String? {
        guard let cell = table?.textColumn(attribute)?[row], !cell.isEmpty else { return nil }
        return cell
    }

    /// The number in `attribute` of `row`, `defaultValue` when absent or empty; an unparsable cell is an error.
    func number(_ attribute: String, _ row: Int, default defaultValue: Double, _ diagnostics: inout GridDiagnostics) -> Double {
        guard let cell = text(attribute, row) else { return defaultValue }
        if let value = Double(cell.trimmingCharacters(in: .whitespaces)) { return value }
        diagnostics.append(
            GridIOError(
                file: path, line: table?.line(ofRow: row) ?? 0, field: "\(list).\(names[row]).\(attribute)",
                message: "not a number", expected: "a number", found: "'\(cell)'"))
        return defaultValue
    }

    /// The value of field `attribute` of kind `kind` for `row`: its series when the series file has a column for
    /// the component, else the static cell read as the kind asks; nil when absent or empty (keep the default).
    func value(_ attribute: String, kind: FieldKind, _ row: Int, _ diagnostics: inout GridDiagnostics) -> FieldValue? {
        if kind == .profile, let values = series[attribute]?[names[row]] { return .series(values) }
        guard let cell = text(attribute, row) else { return nil }
        switch kind {
        case .text, .optionalText:
            return .text(cell)
        case .flag:
            if let flag = Self.boolean(cell) { return .flag(flag) }
            diagnostics.append(
                GridIOError(
                    file: path, line: table?.line(ofRow: row) ?? 0, field: "\(list).\(names[row]).\(attribute)",
                    message: "not a boolean", expected: "True or False", found: "'\(cell)'"))
            return nil
        case .number, .optionalNumber, .profile:
            let number = self.number(attribute, row, default: .nan, &diagnostics)
            return number.isNaN ? nil : .number(number)
        }
    }

    /// Reads the series file of `attribute` (`<list>-<attribute>.csv`) for `snapshotCount` snapshots.
    ///
    /// Modelled attributes are kept (NaN cells are errors); unmodelled ones are refused where any value differs
    /// from the default; ignored ones (outputs) are not read at all.
    mutating func readSeries(
        attribute: String, url: URL, kind: PyPSAAttribute, snapshotCount: Int, diagnostics: inout GridDiagnostics
    ) {
        if kind == .ignored { return }
        let table: CSVTable
        do {
            table = try NumericCSVReader.read(contentsOf: url, allowEmpty: true)
        } catch {
            diagnostics.append(GridIOError(error))
            return
        }
        guard table.rowCount == snapshotCount else {
            diagnostics.append(
                GridIOError(
                    file: url.path, line: table.line(ofRow: min(table.rowCount, snapshotCount)), field: nil,
                    message: "series of the wrong length", expected: "\(snapshotCount) rows (one per snapshot)",
                    found: "\(table.rowCount) rows"))
            return
        }
        let known = Set(names)
        var columns: [String: [Double]] = [:]
        for (column, name) in table.header.enumerated() where column > 0 {
            guard let values = table.numericColumn(at: column) else { continue }
            guard known.contains(name) else {
                diagnostics.append(
                    GridIOError(
                        file: url.path, line: 1, field: name, message: "series for an unknown component",
                        expected: "a name from \(list).csv", found: "'\(name)'"))
                continue
            }
            switch kind {
            case .mustBeDefault(let defaultText):
                let defaultValue = Double(defaultText) ?? .nan
                if let row = values.firstIndex(where: { !($0 == defaultValue || ($0.isNaN && defaultValue.isNaN)) }) {
                    diagnostics.append(
                        GridIOError(
                            file: url.path, line: table.line(ofRow: row), field: "\(list).\(name).\(attribute)",
                            message: "attribute not supported by re100",
                            expected: "'\(attribute)' empty or \(defaultText) (PyPSA's default)", found: "\(values[row])"))
                }
            case .modelled:
                if let row = values.firstIndex(where: \.isNaN) {
                    diagnostics.append(
                        GridIOError(
                            file: url.path, line: table.line(ofRow: row), field: "\(list).\(name).\(attribute)",
                            message: "missing value", expected: "a number", found: "an empty cell"))
                }
                columns[name] = values
            case .ignored:
                break
            }
        }
        series[attribute] = columns
        seriesPaths[attribute] = url.path
    }
}
