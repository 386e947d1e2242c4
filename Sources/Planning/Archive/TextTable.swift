import Foundation

/// A plain terminal table: a header line and one line per row, columns separated by two spaces, text columns
/// left-aligned and number columns right-aligned.
enum TextTable {
    /// The table text, one line per row after the header, ending in a newline.
    /// - Parameters:
    ///   - header: the column titles.
    ///   - rows: the cells, each row as long as `header`.
    ///   - leftAligned: 0-based indices of the left-aligned (text) columns; the others are right-aligned.
    static func render(_ header: [String], _ rows: [[String]], leftAligned: Set<Int>) -> String {
        let lines = [header] + rows
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    /// `value` with `decimals` decimals and thousands separators (`1,234,567.8`); `-` when nil or not finite.
    static func number(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = parts.first.map(String.init) ?? "0"
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return (value < 0 && !isZero ? "-" : "") + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }
}
