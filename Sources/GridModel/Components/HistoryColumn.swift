/// A column of a history CSV file named in a grid as `"file.csv:column"` (file relative to the grid folder),
/// e.g. the measured capacity factors a generator's availability is forecast from.
public struct HistoryColumn: Sendable, Equatable, Codable {
    /// The CSV file, relative to the grid folder.
    public var file: String
    /// The column.
    public var column: String

    /// Creates a reference.
    public init(file: String, column: String) {
        self.file = file
        self.column = column
    }

    /// Splits `"file.csv:column"` at its last colon; text without a colon gives an empty column, which
    /// `NetworkValidator` reports as an incomplete reference.
    public init(reference text: String) {
        guard let colon = text.lastIndex(of: ":") else {
            self.init(file: text, column: "")
            return
        }
        self.init(file: String(text[..<colon]), column: String(text[text.index(after: colon)...]))
    }

    /// `file:column`, as written in grid files.
    public var reference: String { file + ":" + column }

    /// Whether both parts are given.
    public var isComplete: Bool { !file.isEmpty && !column.isEmpty }
}
